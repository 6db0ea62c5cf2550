using Admin.Domain.AccessRequests;
using Admin.Domain.Authorizations;
using Admin.Domain.Organizations;
using Admin.Web.Features.Review;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

public sealed record DecisionPage(ReviewRequest.View Review, DecisionKind Kind, DecisionForm Form, Decide.Outcome? Preview)
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
        return View(new DecisionPage(review.Value, kind, form, null));
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
        if (intent != "edit")
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
        return View(new DecisionPage(review.Value, kind, form, preview));
    }

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
