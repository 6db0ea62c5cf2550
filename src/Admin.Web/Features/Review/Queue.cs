using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Admin.Domain.Messages;
using Admin.Web.Features.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Review;

/// <summary>Who the queue shows: everyone's requests, mine, or the ones nobody took yet.</summary>
public enum QueueAssignee
{
    All = 0,
    Mine = 1,
    Unassigned = 2,
}

/// <summary>
/// The staff queue (/instruction/demandes): every request awaiting staff, oldest submission first,
/// filtered by status, provider of the requested scopes, organization kind, age and assignee, and
/// searchable by organization name, SIRET or request reference.
/// </summary>
public static class Queue
{
    public const int PageSize = 25;
    public const int SearchMaxLength = 200;

    public sealed record Query(
        string? Search = null,
        AccessRequestStatus? Status = null,
        string? Provider = null,
        OrganizationKind? Kind = null,
        int? MinDaysWaiting = null,
        QueueAssignee Assignee = QueueAssignee.All,
        int Page = 1) : IQuery<Result<View>>;

    public sealed record Row(
        Guid Id,
        string Number,
        string Title,
        string OrganizationName,
        string Siret,
        OrganizationKind Kind,
        AccessRequestStatus Status,
        bool IsUpdate,
        bool IsResubmission,
        DateTimeOffset? SubmittedAt,
        int DaysWaiting,
        string? AssigneeName,
        bool IsMine,
        int UnreadMessages = 0);

    public sealed record Provider(string Code, string Name);

    public sealed record View(Query Filters, IReadOnlyList<Row> Rows, int Total, int Page, int PageCount, IReadOnlyList<Provider> Providers);

    /// <summary>The statuses that wait for staff.</summary>
    public static readonly IReadOnlyList<AccessRequestStatus> Awaiting = [AccessRequestStatus.Submitted, AccessRequestStatus.ChangesRequested];

    internal sealed class Handler(AdminDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            var providers = await db.Scopes.AsNoTracking()
                .GroupBy(s => new { s.ProviderCode, s.ProviderName })
                .Select(g => new Provider(g.Key.ProviderCode, g.Key.ProviderName))
                .ToListAsync(ct);
            providers = [.. providers.OrderBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))];

            var requests = db.AccessRequests.AsNoTracking().Where(r => r.Status == AccessRequestStatus.Submitted || r.Status == AccessRequestStatus.ChangesRequested);
            if (query.Status is { } status && Awaiting.Contains(status)) requests = requests.Where(r => r.Status == status);

            var me = user.Id;
            requests = query.Assignee switch
            {
                QueueAssignee.Mine => requests.Where(r => r.AssignedTo == me),
                QueueAssignee.Unassigned => requests.Where(r => r.AssignedTo == null),
                _ => requests,
            };

            if (providers.FirstOrDefault(p => p.Code == query.Provider) is { } provider)
            {
                var codes = await db.Scopes.AsNoTracking().Where(s => s.ProviderCode == provider.Code).Select(s => s.Code).ToListAsync(ct);
                requests = requests.Where(r => EF.Property<List<string>>(r, "_scopes").Any(s => codes.Contains(s)));
            }

            if (query.MinDaysWaiting is { } days and > 0 and <= 3650)
            {
                var before = now.AddDays(-days);
                requests = requests.Where(r => r.SubmittedAt <= before);
            }

            var rows = requests.Join(db.Organizations.AsNoTracking(), r => r.OrganizationId, o => o.Id, (r, o) => new { r, o });
            if (query.Kind is { } kind) rows = rows.Where(x => x.o.Kind == kind);

            var search = query.Search?.Trim();
            if (!string.IsNullOrEmpty(search))
            {
                search = search[..Math.Min(search.Length, SearchMaxLength)];
                var reference = AccessRequest.NormalizeReference(search);
                var number = RequestNumber.Normalize(search);
                var pattern = ListQueries.ContainsPattern(search);
                var siret = ListQueries.SiretIn(search);
                rows = rows.Where(x => EF.Functions.Like(x.o.Name, pattern, ListQueries.LikeEscape)
                    || (siret != null && x.o.Siret == siret)
                    || (number != null && x.r.Number == number)
                    || (reference != null && x.r.Reference.StartsWith(reference)));
            }

            var unread = db.UnreadBy(me, MessageSide.Staff);
            var total = await rows.CountAsync(ct);
            var (page, pageCount) = ListQueries.Paging(total, query.Page, PageSize);
            var found = await rows
                .OrderBy(x => x.r.SubmittedAt)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(x => new
                {
                    x.r.Id, x.r.Number, x.r.Procedure.Name, Organization = x.o.Name, x.o.Siret, x.o.Kind, x.r.Status, x.r.IsReopening,
                    x.r.SubmittedAt, x.r.AssignedTo,
                    Submissions = x.r.Submissions.Count(),
                    ChangesRequestedAt = x.r.Submissions.OrderByDescending(s => s.Number).Select(s => s.EndedAt).FirstOrDefault(),
                    Assignee = db.Users.Where(u => u.Id == x.r.AssignedTo).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault(),
                    Unread = unread.Count(m => m.AccessRequestId == x.r.Id),
                })
                .ToListAsync(ct);

            var result = found.Select(x =>
            {
                var since = x.Status == AccessRequestStatus.ChangesRequested ? x.ChangesRequestedAt ?? x.SubmittedAt : x.SubmittedAt;
                var waiting = since is { } at ? Math.Max(0, (ParisTime.Today(now).DayNumber - ParisTime.Today(at).DayNumber)) : 0;
                return new Row(x.Id, x.Number, AccessRequests.RequestTitle.Of(x.Name), x.Organization, x.Siret.Value, x.Kind, x.Status, x.IsReopening,
                    x.Submissions > 1, x.SubmittedAt, waiting, x.Assignee, x.AssignedTo == me, x.Unread);
            }).ToList();
            return new View(query with { Page = page }, result, total, page, pageCount, providers);
        }
    }
}
