using Admin.Web.Features.Review;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

public sealed record PrepareDraftPage(PrepareDraft.FormView View, PrepareDraft.Form Form);

/// <summary>"Préparer une demande pour une organisation": instructors and administrators, never auditors.</summary>
[Authorize(Policy = Policies.StaffWrite), Route("instruction/demandes/preparer")]
public sealed class StaffDraftsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? search, CancellationToken ct)
    {
        ModelState.Clear();
        return this.Page(await mediator.Send(new PrepareDraft.Search(search), ct), view => View(view));
    }

    [HttpGet("{organizationId:guid}")]
    public async Task<IActionResult> Prepare(Guid organizationId, CancellationToken ct) =>
        this.Page(await mediator.Send(new PrepareDraft.FormQuery(organizationId), ct), view => View(new PrepareDraftPage(view, new PrepareDraft.Form())));

    [HttpPost("{organizationId:guid}")]
    public async Task<IActionResult> Prepare(Guid organizationId, [Bind(Prefix = "Form")] PrepareDraft.Form form, CancellationToken ct)
    {
        form ??= new PrepareDraft.Form();
        var result = await mediator.Send(new PrepareDraft.Command(organizationId, form), ct);
        if (result.IsSuccess)
            return this.RedirectWithFlash($"/instruction/demandes/{result.Value}",
                "La demande est préparée : le demandeur choisi a reçu un courriel pour la reprendre.");
        if (this.Refusal(result) is { } refusal) return refusal;

        return this.Page(await mediator.Send(new PrepareDraft.FormQuery(organizationId), ct), view =>
        {
            this.ShowErrors(result, "Form");
            return View(new PrepareDraftPage(view, form));
        });
    }
}
