using Admin.Domain.Common;
using Admin.Domain.AccessRequests;
using Admin.Domain.Authorizations;
using Admin.Domain.Organizations;
using Admin.Domain.Messages;
using Admin.Web.Features.Messages;
using Admin.Web.Features.Review;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

public sealed record DecisionPage(ReviewRequest.View Review, DecisionKind Kind, DecisionForm Form, Decide.Outcome? Preview,
    IReadOnlyList<TemplateOption> Templates)
{
    public string Slug => StaffRequestsController.SlugOf(Kind);
}

/// <summary>The staff queue. Every staff role reads it; deciding is for instructors and administrators.</summary>
[Authorize(Policy = Policies.Staff), Route("instruction/demandes")]
public sealed class StaffRequestsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "q")] string? search,
        [FromQuery(Name = "statut")] AccessRequestStatus? status,
        [FromQuery(Name = "fournisseur")] string? provider,
        [FromQuery(Name = "type")] OrganizationKind? kind,
        [FromQuery(Name = "attente")] int? minDays,
        [FromQuery(Name = "suivi")] QueueAssignee assignee = QueueAssignee.All,
        int page = 1,
        CancellationToken ct = default)
    {
        // Filters from the address bar: an unknown value is ignored, never an error page.
        ModelState.Clear();
        var result = await mediator.Send(new Queue.Query(search, status, provider, kind, minDays, assignee, page), ct);
        return View(result.Value);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Review(Guid id, CancellationToken ct) =>
        this.Page(await mediator.Send(new ReviewRequest.Query(id), ct), view => View(view));

    [HttpPost("{id:guid}/prendre")]
    public async Task<IActionResult> Take(Guid id, CancellationToken ct)
    {
        var result = await mediator.Send(new Take.Command(id), ct);
        return result.IsSuccess
            ? this.RedirectWithFlash($"/instruction/demandes/{id}", "Vous suivez cette demande : elle apparaît dans « Mes demandes ».")
            : this.RedirectWithErrors(result, $"/instruction/demandes/{id}");
    }

    /// <summary>
    /// Staff write to the organization ("send"), or insert a template into what they are writing
    /// ("insert": the page comes back with the text completed, nothing sent).
    /// </summary>
    [HttpPost("{id:guid}/messages")]
    public async Task<IActionResult> PostMessage(Guid id, [Bind(Prefix = "Draft")] MessageDraft? draft, string? intent, CancellationToken ct)
    {
        draft ??= new MessageDraft();
        if (intent == "insert")
        {
            var inserted = await mediator.Send(new InsertTemplate.Query(id, draft.TemplateId, draft.Body), ct);
            if (this.Refusal(inserted) is { } refused) return refused;
            if (inserted.IsFailure) this.ShowErrors(inserted, "Draft");
            else draft = WithText(draft, "Draft.Body", inserted.Value);
        }
        else
        {
            var result = await mediator.Send(new PostMessage.Command(id, MessageSide.Staff, draft.Body), ct);
            if (result.IsSuccess) return this.RedirectWithFlash($"/instruction/demandes/{id}#messages", "Votre message est envoyé ; l'organisation est prévenue par courriel.");
            // The request can no longer take messages (archived): nothing typed to keep, the page says why.
            if (result.FailureKind == ErrorKind.Conflict) return this.RedirectWithErrors(result, $"/instruction/demandes/{id}#messages");
            if (this.Refusal(result) is { } refusal) return refusal;
            this.ShowErrors(result, "Draft");
        }

        var review = await mediator.Send(new ReviewRequest.Query(id), ct);
        return this.Page(review, view => View("Review", view with { Thread = view.Thread with { Draft = draft } }));
    }

    /// <summary>The draft with its text replaced: the posted value must leave ModelState, or the field would show it.</summary>
    private MessageDraft WithText(MessageDraft draft, string field, string text)
    {
        ModelState.Remove(field);
        return draft with { Body = text };
    }

    [HttpGet("{id:guid}/decision/{slug}")]
    public async Task<IActionResult> Decision(Guid id, string slug, CancellationToken ct)
    {
        if (KindOf(slug) is not { } kind) return NotFound();
        var review = await mediator.Send(new ReviewRequest.Query(id), ct);
        if (review.IsFailure) return this.Refusal(review) ?? NotFound();
        if (!review.Value.MayDecide) return this.Forbidden();
        if (!MayTake(review.Value, kind))
            return this.RedirectWithFlash($"/instruction/demandes/{id}", AccessRequestErrors.InvalidTransition(review.Value.Request.Status).Message);

        var request = review.Value.Request;
        var form = kind == DecisionKind.Approve
            ? new DecisionForm(request.Version, GrantedScopes: [.. request.Scopes], RatePerSecond: Grant.DefaultRatePerSecond,
                ExpiresOn: review.Value.LatestExpiry)
            : new DecisionForm(request.Version);
        return View(new DecisionPage(review.Value, kind, form, null, await TemplatesAsync(kind, ct)));
    }

    /// <summary>
    /// First post: the rules are applied and a confirmation page shows what will happen; "confirm"
    /// saves; "edit" goes back to the form with what was typed.
    /// </summary>
    [HttpPost("{id:guid}/decision/{slug}")]
    public async Task<IActionResult> Decision(Guid id, string slug, [Bind(Prefix = "Form")] DecisionForm form, string? intent, CancellationToken ct)
    {
        if (KindOf(slug) is not { } kind) return NotFound();
        form ??= new DecisionForm(-1);
        Decide.Outcome? preview = null;
        if (intent == "insert")
        {
            var field = kind is DecisionKind.Refuse or DecisionKind.Revoke ? "Reason" : "Message";
            var typed = field == "Reason" ? form.Reason : form.Message;
            var inserted = await mediator.Send(new InsertTemplate.Query(id, form.TemplateId, typed), ct);
            if (this.Refusal(inserted) is { } refused) return refused;
            if (inserted.IsFailure) this.ShowErrors(inserted, "Form");
            else
            {
                ModelState.Remove("Form." + field);
                form = field == "Reason" ? form with { Reason = inserted.Value } : form with { Message = inserted.Value };
            }
        }
        else if (intent != "edit")
        {
            var result = await mediator.Send(new Decide.Command(id, kind, form, Confirmed: intent == "confirm"), ct);
            if (result.IsSuccess && result.Value.Saved) return this.RedirectWithFlash($"/instruction/demandes/{id}", SavedMessage(kind));
            if (this.Refusal(result) is { } refusal) return refusal;
            if (result.IsFailure) this.ShowErrors(result, "Form");
            else preview = result.Value;
        }

        // Only a page shown again (the form with its errors, the confirmation, "edit") needs the whole review.
        var review = await mediator.Send(new ReviewRequest.Query(id), ct);
        if (review.IsFailure) return this.Refusal(review) ?? NotFound();
        if (!review.Value.MayDecide) return this.Forbidden();
        return View(new DecisionPage(review.Value, kind, form, preview, preview is null ? await TemplatesAsync(kind, ct) : []));
    }

    private async Task<IReadOnlyList<TemplateOption>> TemplatesAsync(DecisionKind kind, CancellationToken ct) => kind switch
    {
        DecisionKind.RequestChanges => await mediator.Send(new InsertTemplate.Options(TemplateKind.RequestChanges), ct),
        DecisionKind.Approve => await mediator.Send(new InsertTemplate.Options(TemplateKind.Approval), ct),
        DecisionKind.Refuse => await mediator.Send(new InsertTemplate.Options(TemplateKind.Refusal), ct),
        _ => [],
    };

    private static string SavedMessage(DecisionKind kind) => kind switch
    {
        DecisionKind.RequestChanges => "Les modifications ont été demandées ; le demandeur est prévenu par courriel.",
        DecisionKind.Approve => "La demande est validée et l'habilitation créée ; le demandeur et les contacts sont prévenus.",
        DecisionKind.Refuse => "La demande est refusée ; le demandeur est prévenu avec le motif.",
        _ => "L'habilitation est révoquée ; ses clés sont refusées dès maintenant.",
    };

    public static string SlugOf(DecisionKind kind) => kind switch
    {
        DecisionKind.RequestChanges => "modifications",
        DecisionKind.Approve => "validation",
        DecisionKind.Refuse => "refus",
        _ => "revocation",
    };

    private static DecisionKind? KindOf(string slug) =>
        Enum.GetValues<DecisionKind>().Cast<DecisionKind?>().FirstOrDefault(k => SlugOf(k!.Value) == slug);

    private static bool MayTake(ReviewRequest.View review, DecisionKind kind) => kind switch
    {
        DecisionKind.RequestChanges => review.CanRequestChanges,
        DecisionKind.Approve => review.CanApprove,
        DecisionKind.Refuse => review.CanRefuse,
        _ => review.CanRevoke,
    };
}
