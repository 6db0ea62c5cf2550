using Admin.Domain.AccessRequests;
using Admin.Domain.Audit;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Audit;

/// <summary>What the audit viewer filters on: organization (name or SIRET), request (reference), actor (e-mail), action, period (Paris days).</summary>
public sealed record AuditFilters(string? Organization = null, string? Request = null, string? Actor = null, string? Action = null,
    DateOnly? From = null, DateOnly? To = null);

/// <summary>One line of the audit trail as staff read it.</summary>
public sealed record AuditRow(long Id, DateTimeOffset OccurredAt, string? Actor, string Action, string AggregateType, Guid AggregateId,
    string? FromState, string? ToState, string? Reason);

/// <summary>
/// The audit trail viewer (auditors and administrators): filtered, newest first, paged; and the same
/// selection streamed as CSV. Reading never changes the trail (it is append-only, ADR 0008).
/// </summary>
public static class AuditTrail
{
    public const int PageSize = 50;
    public const int FilterMaxLength = 200;

    public sealed record Query(AuditFilters Filters, int Page = 1) : IQuery<Result<View>>;

    public sealed record Export(AuditFilters Filters) : IQuery<Result<IAsyncEnumerable<AuditRow>>>;

    public sealed record View(AuditFilters Filters, IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageCount, IReadOnlyList<string> Actions);

    internal sealed class ListHandler(AdminDbContext db) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var selection = await Selection.ApplyAsync(db, query.Filters, ct);
            var total = await selection.CountAsync(ct);
            var (page, pageCount) = ListQueries.Paging(total, query.Page, PageSize);
            var rows = await Selection.Rows(db, selection.OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
            var actions = await db.AuditEvents.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
            return new View(query.Filters, rows, total, page, pageCount, actions);
        }
    }

    internal sealed class ExportHandler(AdminDbContext db) : IQueryHandler<Export, Result<IAsyncEnumerable<AuditRow>>>
    {
        public async ValueTask<Result<IAsyncEnumerable<AuditRow>>> Handle(Export query, CancellationToken ct)
        {
            var selection = await Selection.ApplyAsync(db, query.Filters, ct);
            // Streamed row by row while the response is written: constant memory whatever the period.
            return Result<IAsyncEnumerable<AuditRow>>.Success(Selection.Rows(db, selection.OrderBy(a => a.Id)).AsAsyncEnumerable());
        }
    }

    private static class Selection
    {
        public static async Task<IQueryable<AuditEvent>> ApplyAsync(AdminDbContext db, AuditFilters filters, CancellationToken ct)
        {
            var events = db.AuditEvents.AsNoTracking();
            if (Clean(filters.Organization) is { } organization)
            {
                var siret = ListQueries.SiretIn(organization);
                var pattern = ListQueries.ContainsPattern(organization);
                var organizationIds = await db.Organizations.AsNoTracking()
                    .Where(o => EF.Functions.Like(o.Name, pattern, ListQueries.LikeEscape) || (siret != null && o.Siret == siret))
                    .Select(o => o.Id).ToListAsync(ct);
                var subjects = await SubjectsOfAsync(db, db.AccessRequests.Where(r => organizationIds.Contains(r.OrganizationId)), ct);
                subjects.AddRange(organizationIds);
                events = events.Where(a => subjects.Contains(a.AggregateId));
            }

            if (Clean(filters.Request) is { } reference)
            {
                var normalized = AccessRequest.NormalizeReference(reference) ?? "-";
                var subjects = await SubjectsOfAsync(db, db.AccessRequests.Where(r => r.Reference.StartsWith(normalized)), ct);
                events = events.Where(a => subjects.Contains(a.AggregateId));
            }

            if (Clean(filters.Actor) is { } actor)
            {
                var pattern = ListQueries.ContainsPattern(actor);
                var actorIds = await db.Users.AsNoTracking()
                    .Where(u => EF.Functions.Like(u.Email!, pattern, ListQueries.LikeEscape) || EF.Functions.Like(u.FirstName + " " + u.LastName, pattern, ListQueries.LikeEscape))
                    .Select(u => (Guid?)u.Id).ToListAsync(ct);
                events = events.Where(a => actorIds.Contains(a.ActorId));
            }

            if (Clean(filters.Action) is { } action) events = events.Where(a => a.Action == action);
            if (filters.From is { } from)
            {
                var start = ParisTime.StartOfDay(from);
                events = events.Where(a => a.OccurredAt >= start);
            }

            if (filters.To is { } to)
            {
                var end = ParisTime.EndOfDay(to);
                events = events.Where(a => a.OccurredAt < end);
            }

            return events;
        }

        public static IQueryable<AuditRow> Rows(AdminDbContext db, IQueryable<AuditEvent> events) =>
            events.Select(a => new AuditRow(a.Id, a.OccurredAt,
                db.Users.Where(u => u.Id == a.ActorId).Select(u => u.FirstName + " " + u.LastName + " <" + u.Email + ">").FirstOrDefault(),
                a.Action, a.AggregateType, a.AggregateId, a.FromState, a.ToState, a.Reason));

        /// <summary>The requests and their authorizations: the aggregates whose rows belong to them.</summary>
        private static async Task<List<Guid>> SubjectsOfAsync(AdminDbContext db, IQueryable<AccessRequest> requests, CancellationToken ct)
        {
            var found = await requests.AsNoTracking().Select(r => new { r.Id, r.AuthorizationId }).ToListAsync(ct);
            return [.. found.Select(r => r.Id), .. found.Where(r => r.AuthorizationId is not null).Select(r => r.AuthorizationId!.Value)];
        }

        private static string? Clean(string? value)
        {
            var trimmed = value?.Trim();
            return string.IsNullOrEmpty(trimmed) ? null : trimmed[..Math.Min(trimmed.Length, FilterMaxLength)];
        }
    }
}
