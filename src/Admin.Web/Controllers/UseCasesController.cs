using Admin.Domain.UseCases;
using Admin.Web.Features.Administration;
using Admin.Web.Features.Organizations;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>The form of one use case: what was typed (kept on an error), the use case when it exists, and the scopes to choose from.</summary>
public sealed record UseCaseForm(Guid? Id, string? Code, string? Title, string? Audience, string? LegalBasisHint, string? LegalBasisUrl,
    IReadOnlyDictionary<string, UseCaseScopeRole> Scopes)
{
    public IReadOnlyList<Features.AccessRequests.Steps.ScopeGroup> Catalogue { get; init; } = [];

    public UseCaseScopeRole RoleOf(string code) => Scopes.GetValueOrDefault(code);

    public static UseCaseForm Empty { get; } = new(null, null, null, null, null, null, new Dictionary<string, UseCaseScopeRole>());
}

/// <summary>Use cases (cas d'usage), for administrators: add, edit, retire (with a confirmation); each change audited.</summary>
[Authorize(Policy = Policies.Administrator), Route("admin/cas-usage")]
public sealed class UseCasesController(IMediator mediator) : Controller
{
    private const string ListUrl = "/admin/cas-usage";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new UseCases.List(), ct));

    [HttpGet("nouveau")]
    public async Task<IActionResult> Add(CancellationToken ct) => await EditViewAsync(UseCaseForm.Empty, ct);

    [HttpPost("nouveau")]
    public Task<IActionResult> Add(string? code, string? title, string? audience, string? legalBasisHint, string? legalBasisUrl,
        Dictionary<string, UseCaseScopeRole>? scopes, CancellationToken ct) =>
        SaveAsync(new UseCaseForm(null, code, title, audience, legalBasisHint, legalBasisUrl, scopes ?? []), ct);

    [HttpGet("{id:guid}/modifier")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var found = await mediator.Send(new UseCases.Show(id), ct);
        if (found.IsFailure) return this.Page(found, _ => NotFound());
        var u = found.Value;
        return await EditViewAsync(new UseCaseForm(u.Id, u.Code, u.Title, u.Audience, u.LegalBasisHint, u.LegalBasisUrl, u.Scopes), ct);
    }

    [HttpPost("{id:guid}/modifier")]
    public Task<IActionResult> Edit(Guid id, string? title, string? audience, string? legalBasisHint, string? legalBasisUrl,
        Dictionary<string, UseCaseScopeRole>? scopes, CancellationToken ct) =>
        SaveAsync(new UseCaseForm(id, null, title, audience, legalBasisHint, legalBasisUrl, scopes ?? []), ct);

    [HttpGet("{id:guid}/retirer")]
    public async Task<IActionResult> ConfirmRetire(Guid id, CancellationToken ct) =>
        this.Page(await mediator.Send(new UseCases.Show(id), ct), u => View(Confirmation.ViewPath, new Confirmation(
            "Retirer un cas d'usage", $"Confirmez-vous le retrait du cas d'usage « {u.Title} » ?",
            $"{ListUrl}/{u.Id}/retirer", "Retirer ce cas d'usage", ListUrl,
            "Il ne sera plus proposé aux partenaires qui commencent une demande. Les demandes déjà commencées avec lui ne changent pas.",
            "Non, revenir aux cas d'usage")));

    [HttpPost("{id:guid}/retirer")]
    public async Task<IActionResult> Retire(Guid id, CancellationToken ct)
    {
        var result = await mediator.Send(new UseCases.Retire(id), ct);
        return result.IsSuccess
            ? this.RedirectWithFlash(ListUrl, "Le cas d'usage est retiré : il n'est plus proposé.")
            : this.RedirectWithErrors(result, ListUrl);
    }

    private async Task<IActionResult> SaveAsync(UseCaseForm form, CancellationToken ct)
    {
        var result = await mediator.Send(new UseCases.Save(form.Id, form.Code,
            new UseCase.Content(form.Title, form.Audience, form.LegalBasisHint, form.LegalBasisUrl), form.Scopes), ct);
        if (result.IsSuccess) return this.RedirectWithFlash(ListUrl, $"Le cas d'usage « {form.Title?.Trim()} » est enregistré.");
        if (this.Refusal(result) is { } refusal) return refusal;
        this.ShowErrors(result);
        if (form.Id is { } id && await mediator.Send(new UseCases.Show(id), ct) is { IsSuccess: true } stored) form = form with { Code = stored.Value.Code };
        return await EditViewAsync(form, ct);
    }

    private async Task<IActionResult> EditViewAsync(UseCaseForm form, CancellationToken ct) =>
        View("Edit", form with { Catalogue = await mediator.Send(new UseCases.Catalogue(), ct) });
}
