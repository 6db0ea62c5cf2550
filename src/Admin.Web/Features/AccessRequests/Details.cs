using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.Messages;
using Admin.Web.Infrastructure;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests;

/// <summary>A request's page: its state, what the partner can do, and its timeline (audit trail).</summary>
public static class Details
{
    public sealed record Query(Guid RequestId) : IQuery<Result<View>>;

    public sealed record TimelineEntry(DateTimeOffset At, string Who, string What, string? Reason);

    public sealed record View(
        AccessRequest Request,
        string OrganizationName,
        MembershipRole? Role,
        IReadOnlyList<TimelineEntry> Timeline,
        Admin.Domain.Authorizations.Authorization? Authorization = null,
        MessageThread? Thread = null,
        IReadOnlyDictionary<string, string>? ScopeLabels = null,
        string? ApplicantName = null,
        Steps.SummaryPage? Document = null)
    {
        /// <summary>Where the request stands, in a sentence the partner understands.</summary>
        public string StatusSentence => Request.Status switch
        {
            AccessRequestStatus.Draft => "Cette demande est un brouillon : elle n'a pas encore été envoyée.",
            AccessRequestStatus.Submitted => Request.IsReopening
                ? "La mise à jour est en cours d'instruction ; l'habilitation validée reste valable en attendant. Vous serez prévenu par courriel de la décision."
                : "La demande est en cours d'instruction par l'équipe API Particulier. Vous serez prévenu par courriel de la décision ou des modifications à apporter.",
            AccessRequestStatus.ChangesRequested => "L'instructeur demande des modifications : modifiez la demande selon son message puis renvoyez-la.",
            AccessRequestStatus.Approved => "La demande est validée : l'habilitation ci-dessous est en vigueur.",
            AccessRequestStatus.Refused => "La demande est refusée. Le motif figure ci-dessous ; vous pouvez la copier pour en déposer une nouvelle.",
            AccessRequestStatus.Revoked => "L'habilitation a été révoquée : ses clés sont refusées.",
            _ => "La demande est archivée : elle reste consultable.",
        };

        /// <summary>A scope as the partner reads it: its French name, or its code when the catalogue has none.</summary>
        public string ScopeName(string code) => ScopeLabels?.GetValueOrDefault(code) is { Length: > 0 } label ? label : code;

        public bool IsApplicant => Role == MembershipRole.Applicant;
        public bool CanEdit => IsApplicant && Request.IsEditable && !Request.IsAwaitingTakeOver;
        public bool CanTakeOver => IsApplicant && Request.IsAwaitingTakeOver;
        public bool CanTransfer => IsApplicant && Request.Status != AccessRequestStatus.Archived;
        public bool CanReopen => IsApplicant && AccessRequestLifecycle.IsAllowed(Request.Status, AccessRequestTransition.Reopen);
        public bool CanArchive => IsApplicant && AccessRequestLifecycle.IsAllowed(Request.Status, AccessRequestTransition.Archive) && !Request.HasActiveAuthorization;
        public bool CanCopy => IsApplicant;

        /// <summary>The key page is the applicants' and technical contacts', not the business contacts'.</summary>
        public bool CanManageKeys => Role is MembershipRole.Applicant or MembershipRole.TechnicalContact;
        public string Title => RequestTitle.Of(Request.Procedure.Name);
    }

    internal sealed class Handler(AdminDbContext db, AccessService access, MessageThreads threads, ICurrentUser user) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var allowed = await access.ForRequestAsync(query.RequestId, Need.Read, ct, tracking: false);
            if (allowed.IsFailure) return Result<View>.From(allowed);
            var found = allowed.Value;

            var organizationName = await db.Organizations.Where(o => o.Id == found.Request.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            var timeline = await TimelineAsync(db, query.RequestId, ct);
            var authorization = found.Request.AuthorizationId is { } authorizationId
                ? await db.Authorizations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == authorizationId, ct)
                : null;
            var applicant = await db.Users.AsNoTracking().Where(u => u.Id == found.Request.ApplicantId)
                .Select(u => (u.FirstName + " " + u.LastName).Trim()).FirstOrDefaultAsync(ct);
            var thread = await threads.ReadAsync(found.Request, user.Id, MessageSide.Partner,
                canWrite: found.Role is not null && found.Request.Status != AccessRequestStatus.Archived, ct);
            var labels = await db.ScopeLabelsAsync(ct);
            return new View(found.Request, organizationName, found.Role, timeline, authorization, thread, labels, applicant);
        }
    }

    /// <summary>The request's audit trail in the words of its pages, oldest first; shared with the staff review page.</summary>
    internal static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(AdminDbContext db, Guid requestId, CancellationToken ct)
    {
        var events = await db.AuditEvents.AsNoTracking()
            .Where(a => a.AggregateType == "AccessRequest" && a.AggregateId == requestId && a.Action != RequestMessagePosted.ActionName)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .ToListAsync(ct);
        var actorIds = events.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value).Distinct().ToList();
        var actors = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.FirstName + " " + u.LastName).Trim(), ct);

        return [.. events.Select(e => new TimelineEntry(
            e.OccurredAt,
            e.ActorId is { } id && actors.TryGetValue(id, out var name) && name.Length > 0 ? name : "API Particulier",
            TimelineLabels.For(e.Action, e.FromState, e.ToState),
            e.Reason))];
    }
}

public static class TimelineLabels
{
    public static string For(string action, string? from, string? to) => action switch
    {
        "access_request.created" => "Demande créée",
        "access_request.submitted" => from == nameof(AccessRequestStatus.ChangesRequested) ? "Demande modifiée et renvoyée" : "Demande envoyée pour instruction",
        "access_request.changes_requested" => "Modifications demandées par l'instructeur",
        "access_request.approved" => "Demande validée",
        "access_request.refused" => "Demande refusée",
        "access_request.update_refused" => "Mise à jour refusée : l'habilitation en cours reste valable",
        "access_request.revoked" => "Habilitation révoquée",
        "access_request.reopened" => "Demande rouverte pour une mise à jour",
        "access_request.archived" => "Demande archivée",
        "access_request.assigned" => "Demande prise en charge par un agent",
        "access_request.prepared" => "Demande préparée par l'équipe API Particulier",
        "access_request.taken_over" => "Demande reprise par un demandeur de l'organisation",
        "access_request.transferred" => "Demande transférée à un autre demandeur de l'organisation",
        _ => action,
    };
}
