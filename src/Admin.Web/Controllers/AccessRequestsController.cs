using Admin.Domain.Common;
using Admin.Domain.Messages;
using Admin.Web.Features.AccessRequests;
using Admin.Web.Features.Messages;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Admin.Web.Features.AccessRequests.ChangeLifecycle;

namespace Admin.Web.Controllers;

/// <summary>A partner's requests: create, read (with timeline), reopen, archive, copy, take over a prepared draft, transfer.</summary>
[Authorize(Policy = Policies.Partner), Route("demandes")]
public sealed class AccessRequestsController(IMediator mediator, CurrentOrganizationCookie currentOrganization) : Controller
{
    /// <summary>Before the wizard: one of the use cases, or "Demande libre".</summary>
    [HttpGet("nouvelle")]
    public async Task<IActionResult> Choose(CancellationToken ct)
    {
        var page = await mediator.Send(new CreateDraft.Choices(currentOrganization.Chosen), ct);
        if (page.IsFailure && this.Refusal(page) is null) return this.RedirectWithErrors(page, "/espace-partenaire");
        return this.Page(page, p => View(p));
    }

    [HttpPost("nouvelle")]
    public async Task<IActionResult> Create(string? useCase, CancellationToken ct)
    {
        var result = await mediator.Send(new CreateDraft.Command(currentOrganization.Chosen, useCase), ct);
        if (result.IsSuccess) return Redirect($"/demandes/{result.Value}/etapes/demarche");
        if (this.Refusal(result) is { } refusal) return refusal;
        if (result.Errors.All(e => e.Field is null)) return this.RedirectWithErrors(result, "/espace-partenaire");

        this.ShowErrors(result);
        var page = await mediator.Send(new CreateDraft.Choices(currentOrganization.Chosen), ct);
        return this.Page(page, p => View(nameof(Choose), p with { Chosen = useCase }));
    }

    /// <summary>The request's page; once it can no longer be edited, it also reads as a document (every section read-only).</summary>
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var result = await mediator.Send(new Details.Query(id), ct);
        if (result.IsFailure || result.Value.Request.IsEditable) return this.Page(result, view => View(view));
        var document = await mediator.Send(new Admin.Web.Features.AccessRequests.Steps.ShowSummary.Query(id), ct);
        return View(result.Value with { Document = document.IsSuccess ? document.Value : null });
    }

    /// <summary>A member writes to the instruction; on an error the page comes back with the text kept.</summary>
    [HttpPost("{id:guid}/messages")]
    public async Task<IActionResult> PostMessage(Guid id, [Bind(Prefix = "Draft")] MessageDraft? draft, CancellationToken ct)
    {
        draft ??= new MessageDraft();
        var result = await mediator.Send(new PostMessage.Command(id, MessageSide.Partner, draft.Body), ct);
        if (result.IsSuccess) return this.RedirectWithFlash($"/demandes/{id}#messages", "Votre message est envoyé à l'équipe qui instruit la demande.");
        // The request can no longer take messages (archived): nothing typed to keep, the page says why.
        if (result.FailureKind == ErrorKind.Conflict) return this.RedirectWithErrors(result, $"/demandes/{id}#messages");
        if (this.Refusal(result) is { } refusal) return refusal;

        this.ShowErrors(result, "Draft");
        var page = await mediator.Send(new Details.Query(id), ct);
        return this.Page(page, view => View("Show", view with { Thread = view.Thread! with { Draft = draft } }));
    }

    [HttpGet("{id:guid}/reouvrir")]
    public Task<IActionResult> ConfirmReopen(Guid id, CancellationToken ct) => ConfirmAsync(id, PartnerAction.Reopen, ct);

    [HttpGet("{id:guid}/archiver")]
    public Task<IActionResult> ConfirmArchive(Guid id, CancellationToken ct) => ConfirmAsync(id, PartnerAction.Archive, ct);

    [HttpPost("{id:guid}/reouvrir")]
    public Task<IActionResult> Reopen(Guid id, CancellationToken ct) =>
        ChangeAsync(id, PartnerAction.Reopen, "La demande est rouverte : modifiez-la puis renvoyez-la. Votre habilitation actuelle reste valable pendant l'instruction.", ct);

    [HttpPost("{id:guid}/archiver")]
    public Task<IActionResult> Archive(Guid id, CancellationToken ct) =>
        ChangeAsync(id, PartnerAction.Archive, "La demande est archivée.", ct);

    [HttpGet("{id:guid}/reprendre")]
    public Task<IActionResult> ConfirmTakeOver(Guid id, CancellationToken ct) => ConfirmAsync(id, PartnerAction.TakeOver, ct);

    [HttpPost("{id:guid}/reprendre")]
    public Task<IActionResult> TakeOver(Guid id, CancellationToken ct) =>
        ChangeAsync(id, PartnerAction.TakeOver, "Vous êtes désormais le demandeur de cette demande : complétez-la puis envoyez-la.", ct);

    [HttpGet("{id:guid}/transferer")]
    public Task<IActionResult> Transfer(Guid id, CancellationToken ct) =>
        TransferPage.ShowAsync(this, mediator, id, $"/demandes/{id}", forStaff: false, ct);

    [HttpPost("{id:guid}/transferer")]
    public Task<IActionResult> Transfer(Guid id, [Bind(Prefix = "Form")] Transfer.Form form, CancellationToken ct) =>
        TransferPage.PostAsync(this, mediator, id, form, $"/demandes/{id}", forStaff: false, ct);

    [HttpPost("{id:guid}/copier")]
    public Task<IActionResult> Copy(Guid id, CancellationToken ct) =>
        ChangeAsync(id, PartnerAction.Copy, "Une copie de la demande a été créée en brouillon. Relisez chaque étape et acceptez à nouveau la charte.", ct);

    private async Task<IActionResult> ConfirmAsync(Guid id, PartnerAction action, CancellationToken ct)
    {
        var result = await mediator.Send(new Details.Query(id), ct);
        ViewData["Action"] = action;
        return this.Page(result, view => View("Confirm", view));
    }

    private async Task<IActionResult> ChangeAsync(Guid id, PartnerAction action, string success, CancellationToken ct)
    {
        var result = await mediator.Send(new Command(id, action), ct);
        if (result.IsFailure) return this.RedirectWithErrors(result, $"/demandes/{id}");

        return this.RedirectWithFlash(action == PartnerAction.Copy ? $"/demandes/{result.Value}/etapes/demarche" : $"/demandes/{result.Value}", success);
    }
}
