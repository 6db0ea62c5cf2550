using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Review;

/// <summary>
/// Review statistics for staff (/instruction/statistiques), over the last 12 months: time to first
/// review and to decision (median and 80th percentile), the backlog at each month's end, the share
/// sent back for changes; overall and per data provider of the requested scopes.
/// </summary>
public static class Statistics
{
    public sealed record Query : IQuery<Result<View>>;

    public sealed record ProviderFigures(string Code, string Name, ReviewFigures Figures);

    public sealed record View(DateTimeOffset From, DateTimeOffset To, ReviewFigures Overall, IReadOnlyList<ProviderFigures> Providers);

    internal sealed class Handler(AdminDbContext db, TimeProvider time) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            var from = now.AddMonths(-12);
            var requests = await db.AccessRequests.AsNoTracking()
                .Where(r => r.Submissions.Any())
                .Select(r => new
                {
                    r.Id,
                    Scopes = EF.Property<List<string>>(r, "_scopes"),
                    Cycles = r.Submissions.Select(s => new { s.Number, s.SubmittedAt, s.FirstStaffActionAt, s.EndedAt, s.Outcome }).ToList(),
                })
                .ToListAsync(ct);
            var providerOf = await db.Scopes.AsNoTracking().ToDictionaryAsync(s => s.Code, s => (s.ProviderCode, s.ProviderName), ct);

            var facts = requests.Select(r => new
            {
                Providers = r.Scopes.Where(providerOf.ContainsKey).Select(s => providerOf[s]).Distinct().ToList(),
                Cycles = r.Cycles.Select(c => new CycleFacts(r.Id, c.Number, c.SubmittedAt, c.FirstStaffActionAt, c.EndedAt, c.Outcome)).ToList(),
            }).ToList();

            var overall = ReviewStatistics.Compute(facts.SelectMany(f => f.Cycles), from, now);
            var perProvider = facts
                .SelectMany(f => f.Providers.Select(p => (Provider: p, f.Cycles)))
                .GroupBy(x => x.Provider)
                .Select(g => new ProviderFigures(g.Key.ProviderCode, g.Key.ProviderName, ReviewStatistics.Compute(g.SelectMany(x => x.Cycles), from, now)))
                .OrderBy(p => p.Code, StringComparer.Ordinal)
                .ToList();
            return new View(from, now, overall, perProvider);
        }
    }

    /// <summary>"3,5 j" for a duration, "—" when there is none.</summary>
    public static string Days(TimeSpan? duration) =>
        duration is { } d ? d.TotalDays.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " j" : "—";

    public static string Percent(double? share) =>
        share is { } s ? (s * 100).ToString("0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " %" : "—";

    public static string MonthLabel(DateOnly month) =>
        month.ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
