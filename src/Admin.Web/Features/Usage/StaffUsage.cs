using System.Globalization;
using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Gateways;
using Admin.Domain.Usage;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Admin.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Usage;

/// <summary>
/// Usage for staff (/instruction/consommation), every staff role, over the last 7, 30 or 90 Paris days: the 20
/// organizations and the 20 keys that call the most, with their refusal rates; the calls per outcome code;
/// the keys close to their quota today or this month (80 % of it or more, in admitted units); the keys approved
/// but unused (<see cref="UnusedKeys"/>), paged.
/// </summary>
public static class StaffUsage
{
    public const int Top = 20;
    public const int DefaultDays = 30;
    public static readonly IReadOnlyList<int> PeriodDays = [7, 30, 90];

    /// <summary>The share of a quota from which a key is listed as close to it: the first threshold of the usage alerts.</summary>
    public static int NearQuotaPercent => UsageAlert.QuotaThresholds[0];

    public sealed record Query(int Days = DefaultDays, int Page = 1) : IQuery<Result<View>>;

    public sealed record OrganizationRow(Guid Id, string Name, string Siret, long Calls, long Admitted)
    {
        public long Refused => Calls - Admitted;
        public double RefusalRate => Calls == 0 ? 0 : (double)Refused / Calls;
    }

    public sealed record KeyRow(Guid KeyId, Guid? AuthorizationId, string Name, string Prefix, string OrganizationName, long Calls, long Admitted)
    {
        public double RefusalRate => Calls == 0 ? 0 : (double)(Calls - Admitted) / Calls;
    }

    public sealed record CodeRow(string Code, string Label, long Calls, double Share);

    public sealed record QuotaRow(Guid KeyId, Guid AuthorizationId, string Name, string Prefix, string OrganizationName, string Quota, long Units, long Limit)
    {
        public double Share => (double)Units / Limit;
    }

    public sealed record View(int Days, DateOnly From, DateOnly To, long Calls, IReadOnlyList<OrganizationRow> Organizations, IReadOnlyList<KeyRow> Keys,
        IReadOnlyList<CodeRow> Codes, IReadOnlyList<QuotaRow> NearQuota, IReadOnlyList<UnusedKeys.Row> Unused, int UnusedTotal, int Page, int PageCount,
        bool CanRemind);

    internal sealed class Handler(AdminDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<Query, Result<View>>
    {
        private static readonly string Valid = GatewayCode.Valid.ContractName();

        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            var today = ParisTime.Today(now);
            var days = PeriodDays.Contains(query.Days) ? query.Days : DefaultDays;
            var from = today.AddDays(-(days - 1));
            var labels = await UsageCsv.LoadAsync(db, UsageScope.Everything, ct);
            var totals = await UsageData.TotalsAsync(db, UsageScope.Everything, from, today, ct);
            var calls = totals.Sum(t => t.Calls);

            var organizations = totals.Where(t => t.OrganizationId is not null).GroupBy(t => t.OrganizationId!.Value)
                .Select(g =>
                {
                    var (name, siret) = labels.Organization(g.Key);
                    return new OrganizationRow(g.Key, name, siret, g.Sum(t => t.Calls), g.Where(t => t.Code == Valid).Sum(t => t.Calls));
                })
                .OrderByDescending(o => o.Calls).ThenBy(o => o.Name, StringComparer.CurrentCulture).Take(Top).ToList();
            var keys = totals.GroupBy(t => t.KeyId)
                .Select(g =>
                {
                    var key = labels.Key(g.Key);
                    return new KeyRow(g.Key, key.AuthorizationId, key.Name, key.Prefix, labels.Organization(key.OrganizationId).Name,
                        g.Sum(t => t.Calls), g.Where(t => t.Code == Valid).Sum(t => t.Calls));
                })
                .OrderByDescending(k => k.Calls).ThenBy(k => k.Name, StringComparer.CurrentCulture).Take(Top).ToList();
            var codes = totals.GroupBy(t => t.Code)
                .Select(g => new CodeRow(g.Key, UsageText.Outcome(g.Key), g.Sum(t => t.Calls), calls == 0 ? 0 : (double)g.Sum(t => t.Calls) / calls))
                .OrderByDescending(c => c.Calls).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();

            var unused = UnusedKeys.Selection(db, now);
            var unusedTotal = await unused.CountAsync(ct);
            var (page, pageCount) = ListQueries.Paging(unusedTotal, query.Page, UnusedKeys.PageSize);
            var unusedPage = await unused.Skip((page - 1) * UnusedKeys.PageSize).Take(UnusedKeys.PageSize).ToListAsync(ct);

            return new View(days, from, today, calls, organizations, keys, codes, await NearQuotaAsync(labels, now, today, ct),
                unusedPage, unusedTotal, page, pageCount, CanRemind: user.IsInRole(Roles.Instructor) || user.IsInRole(Roles.Administrator));
        }

        /// <summary>Active keys of active authorizations with a quota, whose admitted units today or this Paris month reach 80 % of it.</summary>
        private async Task<List<QuotaRow>> NearQuotaAsync(UsageCsv labels, DateTimeOffset now, DateOnly today, CancellationToken ct)
        {
            var limited = await (
                from k in db.ApiKeys.AsNoTracking()
                where k.RevokedAt == null && k.ExpiresAt > now
                join a in db.Authorizations.AsNoTracking() on k.AuthorizationId equals a.Id
                where a.Status == AuthorizationStatus.Active && a.ExpiresAt > now && (a.DailyQuota != null || a.MonthlyQuota != null)
                select new { k.Id, k.AuthorizationId, a.DailyQuota, a.MonthlyQuota }).ToListAsync(ct);
            if (limited.Count == 0) return [];

            var monthStart = new DateOnly(today.Year, today.Month, 1);
            var todayUnits = AdmittedUnits(await UsageData.TotalsAsync(db, UsageScope.Everything, today, today, ct));
            var monthUnits = AdmittedUnits(await UsageData.TotalsAsync(db, UsageScope.Everything, monthStart, today, ct));
            var rows = new List<QuotaRow>();
            foreach (var key in limited)
            {
                var label = labels.Key(key.Id);
                var organization = labels.Organization(label.OrganizationId).Name;
                if (key.DailyQuota is { } daily && Near(todayUnits.GetValueOrDefault(key.Id), daily))
                    rows.Add(new QuotaRow(key.Id, key.AuthorizationId, label.Name, label.Prefix, organization, "journalier", todayUnits[key.Id], daily));
                if (key.MonthlyQuota is { } monthly && Near(monthUnits.GetValueOrDefault(key.Id), monthly))
                    rows.Add(new QuotaRow(key.Id, key.AuthorizationId, label.Name, label.Prefix, organization, "mensuel", monthUnits[key.Id], monthly));
            }

            return [.. rows.OrderByDescending(r => r.Share).ThenBy(r => r.Name, StringComparer.CurrentCulture)];
        }

        private static bool Near(long units, long quota) => quota > 0 && units >= QuotaAlerts.UnitsAt(quota, NearQuotaPercent);

        private static Dictionary<Guid, long> AdmittedUnits(List<KeyTotal> totals) =>
            totals.Where(t => t.Code == Valid).GroupBy(t => t.KeyId).ToDictionary(g => g.Key, g => g.Sum(t => t.Units));
    }

    /// <summary>"12,5 %".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.#", UsageText.French) + " %";
}

/// <summary>The staff usage pages' addresses.</summary>
public static class StaffUsageRoutes
{
    public const string Page = "instruction/consommation";
    public const string Home = "/" + Page;

    public static string Period(int days, int page = 1) => page > 1 ? $"/{Page}?periode={days}&page={page}" : $"/{Page}?periode={days}";

    public const string ExportPath = "/" + Page + "/export.csv";

    public static string Export(DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"{ExportPath}?du={from:yyyy-MM-dd}&au={to:yyyy-MM-dd}");

    public const string UnusedCsv = "/" + Page + "/cles-inutilisees.csv";
    public const string Remind = "/" + Page + "/cles-inutilisees/ecrire";
}
