using Admin.Domain.Common;
using Admin.Web.Features.ApiKeys;
using Admin.Web.Features.Authorizations;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>What the prolongation questionnaire posts: each question "true" (oui) or "false" (non).</summary>
public sealed record ProlongationForm(bool? SameOrganization = null, bool? SamePurpose = null, bool? SameContacts = null, bool? SameScopes = null);

/// <summary>"Prolonger l'habilitation", for the organization's applicants.</summary>
[Authorize(Policy = Policies.Partner), Route("habilitations/{authorizationId:guid}/prolonger")]
public sealed class ProlongationController(IMediator mediator) : Controller
{
    private const string FormView = "~/Views/Prolongation/Index.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid authorizationId, CancellationToken ct) =>
        this.Page(await mediator.Send(new Prolong.Query(authorizationId), ct), view => View(FormView, view));

    [HttpPost("")]
    public async Task<IActionResult> Answer(Guid authorizationId, ProlongationForm? form, CancellationToken ct)
    {
        form ??= new ProlongationForm();
        var result = await mediator.Send(new Prolong.Command(authorizationId, form.SameOrganization, form.SamePurpose, form.SameContacts, form.SameScopes), ct);
        if (result.IsSuccess)
        {
            return result.Value.Prolonged
                ? this.RedirectWithFlash(KeyRoutes.Keys(authorizationId, asStaff: false),
                    $"L'habilitation est prolongée jusqu'au {result.Value.ExpiresOn:dd/MM/yyyy} inclus, avec ses clés. Le demandeur et le contact technique sont prévenus par courriel.")
                : this.RedirectWithFlash($"/demandes/{result.Value.RequestId}",
                    "La demande est rouverte : mettez à jour ce qui a changé, puis soumettez-la. Les clés continuent de fonctionner pendant l'instruction.");
        }
        if (this.Refusal(result) is { } refusal) return refusal;
        if (result.FailureKind == ErrorKind.Conflict) return this.RedirectWithErrors(result, KeyRoutes.Prolong(authorizationId));

        this.ShowErrors(result);
        var page = await mediator.Send(new Prolong.Query(authorizationId), ct);
        return this.Page(page, view => View(FormView, view with
        {
            SameOrganization = form.SameOrganization, SamePurpose = form.SamePurpose, SameContacts = form.SameContacts, SameScopes = form.SameScopes,
        }));
    }
}
