using Admin.Domain.AccessRequests;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Messages;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.AccessRequests.Steps;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Review;

/// <summary>The four staff decisions on a request.</summary>
public enum DecisionKind
{
    RequestChanges = 1,
    Approve = 2,
    Refuse = 3,
    Revoke = 4,
}

/// <summary>
/// What the decision form posts. <see cref="Version"/> is the version the page showed: a request
/// changed meanwhile (another instructor decided, the partner edited) is refused, nothing is overwritten.
/// </summary>
public sealed record DecisionForm(
    int Version,
    string? Message = null,
    string? Reason = null,
    List<string>? GrantedScopes = null,
    int? RatePerSecond = null,
    long? DailyQuota = null,
    long? MonthlyQuota = null,
    DateOnly? ExpiresOn = null,
    Guid? TemplateId = null);

/// <summary>
/// A staff decision: request changes (message), approve (granted scopes, limits, expiry: creates or
/// updates the authorization in the same save), refuse (reason), revoke (reason). Run twice: first
/// without <see cref="Command.Confirmed"/>, it applies the rules and answers what would happen without
/// saving (the confirmation step); confirmed, it saves.
/// </summary>
public static class Decide
{
    public sealed record Command(Guid RequestId, DecisionKind Kind, DecisionForm Form, bool Confirmed) : ICommand<Result<Outcome>>;

    /// <summary>The decision as it stands: <see cref="Saved"/> once confirmed, a preview otherwise.</summary>
    public sealed record Outcome(bool Saved, AccessRequestStatus Status, Grant? Grant);

    internal sealed class Handler(AdminDbContext db, AccessService access, TimeProvider time) : ICommandHandler<Command, Result<Outcome>>
    {
        public async ValueTask<Result<Outcome>> Handle(Command command, CancellationToken ct)
        {
            var allowed = await access.ForRequestAsync(command.RequestId, Need.Decide, ct);
            if (allowed.IsFailure) return Result<Outcome>.From(allowed);
            var request = allowed.Value.Request;
            if (request.Version != command.Form.Version) return Result<Outcome>.From(Result.Conflict(CommonErrors.ConcurrentChange));

            var staff = await access.CurrentStaffAsync(ct);
            var now = time.GetUtcNow();
            var form = command.Form;
            Grant? grant = null;
            Result outcome;
            switch (command.Kind)
            {
                case DecisionKind.RequestChanges:
                    outcome = request.RequestChanges(staff, form.Message, now);
                    break;
                case DecisionKind.Approve:
                    var offerable = await db.OfferableScopesAsync(ct);
                    var granted = Grant.Create(form.GrantedScopes, request.Scopes, offerable, form.RatePerSecond, form.DailyQuota, form.MonthlyQuota, form.ExpiresOn, now);
                    if (granted.IsFailure) return Result<Outcome>.From(granted);
                    grant = granted.Value;
                    var current = request.IsReopening ? await AuthorizationOfAsync(request, ct) : null;
                    var approved = request.Approve(staff, grant, current, now, form.Message);
                    if (approved.IsSuccess && current is null) db.Authorizations.Add(approved.Value);
                    outcome = approved;
                    break;
                case DecisionKind.Refuse:
                    outcome = request.Refuse(staff, form.Reason, now);
                    break;
                case DecisionKind.Revoke:
                    if (request.AuthorizationId is null) return Result<Outcome>.From(Result.Conflict(AccessRequestErrors.InvalidTransition(request.Status)));
                    outcome = request.Revoke(staff, form.Reason, await AuthorizationOfAsync(request, ct), now);
                    break;
                default:
                    return Result<Outcome>.From(Result.NotFound());
            }

            if (outcome.IsFailure) return Result<Outcome>.From(outcome);
            if (!command.Confirmed) return new Outcome(false, request.Status, grant);

            // The decision's message joins the thread, where the partner can answer it.
            var (transition, note) = command.Kind switch
            {
                DecisionKind.RequestChanges => (AccessRequestTransition.RequestChanges, form.Message),
                DecisionKind.Approve => (AccessRequestTransition.Approve, form.Message),
                DecisionKind.Refuse => (AccessRequestTransition.Refuse, form.Reason),
                _ => (AccessRequestTransition.Revoke, form.Reason),
            };
            if (!string.IsNullOrWhiteSpace(note))
            {
                var message = RequestMessage.ForDecision(request, staff, transition, note, now);
                if (message.IsFailure) return Result<Outcome>.From(message);
                db.RequestMessages.Add(message.Value);
            }

            var saved = await db.SaveChangesOrConflictAsync(ct);
            return saved.IsFailure ? Result<Outcome>.From(saved) : new Outcome(true, request.Status, grant);
        }

        private async Task<Authorization> AuthorizationOfAsync(AccessRequest request, CancellationToken ct) =>
            await db.Authorizations.SingleAsync(a => a.Id == request.AuthorizationId, ct);
    }
}
