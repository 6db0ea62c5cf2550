using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.Messages;
using Admin.Web.Infrastructure;
using Admin.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests;

/// <summary>The partner home: the current organization's requests, searchable and paged.</summary>
public static class ListForOrganization
{
    public const int PageSize = 20;

    /// <param name="ChosenOrganizationId">The organization last chosen (the controller's cookie), checked here.</param>
    public sealed record Query(string? Search, AccessRequestStatus? Status, int Page = 1, Guid? ChosenOrganizationId = null) : IQuery<Result<View>>;

    /// <param name="NextActionUrl">Null when there is nothing to do: the next step is then plain text, not a link.</param>
    public sealed record Row(Guid Id, string Title, AccessRequestStatus Status, DateTimeOffset UpdatedAt, string NextAction, string? NextActionUrl,
        int UnreadMessages = 0, DateTimeOffset CreatedAt = default, string Number = "");

    public sealed record View(
        MembershipSummary? Organization,
        IReadOnlyList<MembershipSummary> Memberships,
        IReadOnlyList<Row> Rows,
        int Total,
        int Page,
        int PageCount,
        string? Search,
        AccessRequestStatus? Status,
        int UnreadMessages = 0,
        IReadOnlyList<HomeAlert>? Alerts = null)
    {
        public IReadOnlyList<HomeAlert> UsageAlerts => Alerts ?? [];

        public bool CanCreate => Organization?.Role == MembershipRole.Applicant;
    }

    /// <summary>A usage alert of one of the organization's keys, for its applicants and technical contacts.</summary>
    public sealed record HomeAlert(DateTimeOffset RaisedAt, string KeyName, string Message, string UsageUrl);

    /// <summary>How far back the home shows usage alerts.</summary>
    public static readonly TimeSpan AlertsShownFor = TimeSpan.FromDays(7);

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var memberships = await access.MembershipsAsync(ct);
            var current = await access.CurrentOrganizationAsync(query.ChosenOrganizationId, ct);
            var trimmed = query.Search?.Trim();
            var search = string.IsNullOrEmpty(trimmed) ? null : trimmed[..Math.Min(trimmed.Length, 200)];
            if (current is null)
            {
                return new View(null, memberships, [], 0, 1, 1, search, query.Status);
            }

            var requests = db.AccessRequests.AsNoTracking().Where(r => r.OrganizationId == current.OrganizationId);
            if (query.Status is { } status) requests = requests.Where(r => r.Status == status);
            if (search is not null)
            {
                var pattern = ListQueries.ContainsPattern(search);
                var number = RequestNumber.Normalize(search);
                requests = requests.Where(r => (r.Procedure.Name != null && EF.Functions.Like(r.Procedure.Name, pattern, ListQueries.LikeEscape))
                    || (number != null && r.Number == number));
            }

            var unread = db.UnreadBy(user.Id, MessageSide.Partner);
            var organizationId = current.OrganizationId;
            var unreadTotal = await unread.CountAsync(m => m.OrganizationId == organizationId, ct);
            var total = await requests.CountAsync(ct);
            var (page, pageCount) = ListQueries.Paging(total, query.Page, PageSize);
            var rows = await requests
                .OrderByDescending(r => r.UpdatedAt)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(r => new { r.Id, r.Number, r.Procedure.Name, r.Status, r.UpdatedAt, r.CreatedAt, Unread = unread.Count(m => m.AccessRequestId == r.Id) })
                .ToListAsync(ct);

            return new View(current, memberships,
                [.. rows.Select(r => ToRow(r.Id, r.Number, r.Name, r.Status, r.UpdatedAt, r.CreatedAt, r.Unread))], total, page, pageCount, search, query.Status, unreadTotal,
                await AlertsAsync(current, ct));
        }

        /// <summary>The organization's recent usage alerts, for those who hold its keys (applicants and technical contacts).</summary>
        private async Task<IReadOnlyList<HomeAlert>> AlertsAsync(MembershipSummary current, CancellationToken ct)
        {
            if (current.Role is not (MembershipRole.Applicant or MembershipRole.TechnicalContact)) return [];
            var since = time.GetUtcNow() - AlertsShownFor;
            var alerts = await db.UsageAlerts.AsNoTracking()
                .Where(a => a.OrganizationId == current.OrganizationId && a.RaisedAt >= since)
                .OrderByDescending(a => a.RaisedAt).Take(5)
                .Join(db.ApiKeys, a => a.KeyId, k => k.Id, (a, k) => new { Alert = a, k.Name })
                .ToListAsync(ct);
            return [.. alerts.Select(a => new HomeAlert(a.Alert.RaisedAt, a.Name, a.Alert.Message,
                Admin.Web.Features.Usage.UsageRoutes.Usage(a.Alert.AuthorizationId, a.Alert.KeyId, asStaff: false)))];
        }

        private static Row ToRow(Guid id, string number, string? name, AccessRequestStatus status, DateTimeOffset updatedAt, DateTimeOffset createdAt, int unread)
        {
            var (action, url) = unread > 0 ? ("Lire les messages de l'instruction", $"/demandes/{id}#messages") : NextAction(id, status);
            return new Row(id, RequestTitle.Of(name, createdAt), status, updatedAt, action, url, unread, createdAt, number);
        }
    }

    /// <summary>What the partner should do next, in their words.</summary>
    public static (string Text, string? Url) NextAction(Guid id, AccessRequestStatus status) => status switch
    {
        AccessRequestStatus.Draft => ("Compléter et envoyer la demande", $"/demandes/{id}/etapes/demarche"),
        AccessRequestStatus.ChangesRequested => ("Modifier la demande selon les remarques de l'instructeur", $"/demandes/{id}"),
        AccessRequestStatus.Submitted => ("Rien à faire : la demande est en cours d'instruction", null),
        AccessRequestStatus.Approved => ("Gérer l'habilitation", $"/demandes/{id}"),
        AccessRequestStatus.Refused => ("Consulter le motif du refus", $"/demandes/{id}"),
        AccessRequestStatus.Revoked => ("Consulter le motif de la révocation", $"/demandes/{id}"),
        _ => ("Consulter", $"/demandes/{id}"),
    };
}
