using Admin.Domain.Common;
using Admin.Domain.Gateways;
using Admin.Domain.Usage;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.ApiKeys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Usage;

/// <summary>
/// The usage of an authorization, or of one of its keys: calls per Paris day over 90 days and per hour
/// over 48 hours, split by outcome and by route or scopes; each key's consumption of its daily and monthly
/// quotas as the gateway's counters see it, with what remains; its last use and last client addresses; its
/// recent alerts. For the organization's applicants and technical contacts (and staff), at
/// /habilitations/{id}/consommation and /habilitations/{id}/consommation/{keyId}.
/// </summary>
public static class PartnerUsage
{
    public const int Days = 90;
    public const int Hours = 48;

    public sealed record Query(Guid AuthorizationId, Guid? KeyId, bool AsStaff = false) : IQuery<Result<View>>;

    /// <summary>One bar: its label, and its calls per outcome code (VALID first).</summary>
    public sealed record Period(string Label, string ShortLabel, IReadOnlyDictionary<string, long> ByCode)
    {
        public long Total => ByCode.Values.Sum();
        public long Admitted => ByCode.GetValueOrDefault(GatewayCode.Valid.ContractName());
        public long Calls(string code) => ByCode.GetValueOrDefault(code);
    }

    public sealed record RouteTotal(string RouteOrScope, long Calls48Hours, long Calls90Days);

    public sealed record QuotaUse(string Name, long Quota, long Used)
    {
        public long Remaining => Math.Max(0, Quota - Used);
        public int Percent => Quota <= 0 ? 0 : (int)Math.Min(100, Used * 100 / Quota);
    }

    public sealed record KeyUse(KeyPage.KeyRow Key, long Calls90Days, long Refused90Days, IReadOnlyList<QuotaUse> Quotas,
        IReadOnlyList<(string Address, DateTimeOffset LastSeenAt)> Addresses);

    public sealed record AlertRow(Guid KeyId, string KeyName, DateTimeOffset RaisedAt, string Message);

    public sealed record View(
        KeyPage.View Page,
        KeyPage.KeyRow? Key,
        IReadOnlyList<Period> Daily,
        IReadOnlyList<Period> Hourly,
        IReadOnlyList<string> Codes,
        IReadOnlyList<RouteTotal> Routes,
        IReadOnlyList<KeyUse> Keys,
        IReadOnlyList<AlertRow> Alerts,
        DateOnly Today)
    {
        public string Title => Key is null ? "Consommation de l'habilitation" : $"Consommation de la clé « {Key.Name} »";
        public long Total90Days => Daily.Sum(d => d.Total);
        public long Total48Hours => Hourly.Sum(h => h.Total);
        public string BasePath => UsageRoutes.Usage(Page.Authorization.Id, null, Page.AsStaff);
    }

    internal sealed class Handler(AdminDbContext db, AccessService access, IKeyCounters counters, TimeProvider time) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var allowed = await access.ForAuthorizationAsync(query.AuthorizationId, Need.SeeKeys, ct);
            if (allowed.IsFailure) return Result<View>.From(allowed);
            var now = time.GetUtcNow();
            var page = await KeyPage.BuildAsync(db, allowed.Value, query.AsStaff, now, ct);
            var key = query.KeyId is { } keyId ? page.Keys.FirstOrDefault(k => k.Id == keyId) : null;
            if (query.KeyId is not null && key is null) return Result<View>.From(Result.NotFound());

            var scope = key is null ? new UsageScope(AuthorizationId: page.Authorization.Id) : new UsageScope(KeyId: key.Id);
            var today = ParisTime.Today(now);
            var firstDay = today.AddDays(1 - Days);
            var byDay = await UsageData.ByDayAsync(db, scope, firstDay, today, UsageSplit.Outcome, ct);
            var hourEnd = KeyUsageHour.HourOf(now).AddHours(1);
            var hourStart = hourEnd.AddHours(-Hours);
            var byHour = await UsageData.ByHourAsync(db, scope, hourStart, hourEnd, UsageSplit.Outcome, ct);
            var routes90 = await UsageData.ByDayAsync(db, scope, firstDay, today, UsageSplit.RouteOrScope, ct);
            var routes48 = await UsageData.ByHourAsync(db, scope, hourStart, hourEnd, UsageSplit.RouteOrScope, ct);

            var codes = byDay.Select(d => d.Group).Concat(byHour.Select(h => h.Group)).Distinct(StringComparer.Ordinal)
                .OrderBy(c => GatewayCodes.FromContractName(c) is { } code ? (int)code : int.MaxValue).ThenBy(c => c, StringComparer.Ordinal).ToList();
            var daily = Enumerable.Range(0, Days).Select(i => firstDay.AddDays(i)).Select(day => new Period(
                day.ToString("dddd d MMMM yyyy", UsageText.French), day.ToString("dd/MM", UsageText.French),
                byDay.Where(d => d.Day == day).GroupBy(d => d.Group).ToDictionary(g => g.Key, g => g.Sum(d => d.Calls), StringComparer.Ordinal))).ToList();
            var hourly = Enumerable.Range(0, Hours).Select(i => hourStart.AddHours(i)).Select(hour => new Period(
                UsageText.HourLabel(hour), ParisTime.ToParis(hour).ToString("HH'h'", UsageText.French),
                byHour.Where(h => h.Hour == hour).GroupBy(h => h.Group).ToDictionary(g => g.Key, g => g.Sum(h => h.Calls), StringComparer.Ordinal))).ToList();
            var routes = routes90.GroupBy(r => r.Group).Select(g => new RouteTotal(g.Key,
                    routes48.Where(r => r.Group == g.Key).Sum(r => r.Calls), g.Sum(r => r.Calls)))
                .OrderByDescending(r => r.Calls90Days).ThenBy(r => r.RouteOrScope, StringComparer.Ordinal).ToList();

            var shown = key is null ? page.Keys : [key];
            var ids = shown.Select(k => k.Id).ToList();
            // Per key and code over the 90 days (the authorization's page; one key's page has them in its daily series already).
            var valid = GatewayCode.Valid.ContractName();
            var totals = key is null ? await UsageData.TotalsAsync(db, scope, firstDay, today, ct) : null;
            var addresses = (await db.KeyClientAddresses.AsNoTracking().Where(a => ids.Contains(a.KeyId))
                    .Select(a => new { a.KeyId, a.Address, a.LastSeenAt }).ToListAsync(ct))
                .GroupBy(a => a.KeyId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.LastSeenAt).Take(KeyClientAddress.KeptPerKey)
                    .Select(a => (a.Address, a.LastSeenAt)).ToList());
            var windows = LimitWindows.At(now);
            var a = page.Authorization;
            var keys = new List<KeyUse>();
            foreach (var row in shown)
            {
                var quotas = new List<QuotaUse>();
                if (a.DailyQuota is not null || a.MonthlyQuota is not null)
                {
                    var reading = await counters.PeekAsync(row.Id, windows);
                    if (a.DailyQuota is { } d) quotas.Add(new QuotaUse("Quota journalier", d, reading.DayUsed));
                    if (a.MonthlyQuota is { } m) quotas.Add(new QuotaUse("Quota mensuel", m, reading.MonthUsed));
                }

                var calls = totals?.Where(t => t.KeyId == row.Id).Sum(t => t.Calls) ?? daily.Sum(d => d.Total);
                var refused = totals?.Where(t => t.KeyId == row.Id && t.Code != valid).Sum(t => t.Calls) ?? daily.Sum(d => d.Total - d.Admitted);
                keys.Add(new KeyUse(row, calls, refused, quotas, addresses.GetValueOrDefault(row.Id) ?? []));
            }

            var since = now.AddDays(-30);
            var names = page.Keys.ToDictionary(k => k.Id, k => k.Name);
            var alerts = (await db.UsageAlerts.AsNoTracking()
                    .Where(x => x.AuthorizationId == a.Id && ids.Contains(x.KeyId) && x.RaisedAt >= since)
                    .OrderByDescending(x => x.RaisedAt).Take(20).ToListAsync(ct))
                .Select(x => new AlertRow(x.KeyId, names.GetValueOrDefault(x.KeyId, ""), x.RaisedAt, x.Message)).ToList();
            return new View(page, key, daily, hourly, codes, routes, keys, alerts, today);
        }

    }
}

/// <summary>The usage pages' addresses.</summary>
public static class UsageRoutes
{
    public static string Usage(Guid authorizationId, Guid? keyId, bool asStaff) =>
        (asStaff ? $"/instruction/habilitations/{authorizationId}/consommation" : $"/habilitations/{authorizationId}/consommation")
        + (keyId is { } id ? $"/{id}" : "");

    public static string Export(Guid authorizationId) => $"/habilitations/{authorizationId}/consommation/export.csv";

    public static string Alerts(Guid authorizationId, Guid keyId) => $"/habilitations/{authorizationId}/cles/{keyId}/alertes";
}

/// <summary>The words and numbers of the usage pages, in French.</summary>
public static class UsageText
{
    public static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    public static string Number(long value) => value.ToString("N0", French);

    /// <summary>"Admis" for VALID, otherwise the contract code's French title ("Trop de requêtes").</summary>
    public static string Outcome(string code) =>
        code == GatewayCode.Valid.ContractName() ? "Admis" : GatewayCodes.FromContractName(code) is { } known ? known.FrenchTitle() : code;

    public static string RouteOrScope(string value) => value.Length == 0 ? "(aucune donnée demandée)" : value;

    public static string HourLabel(DateTimeOffset hour)
    {
        var paris = ParisTime.ToParis(hour);
        return $"{paris.ToString("dddd d MMMM", French)}, {paris:HH}h–{ParisTime.ToParis(hour.AddHours(1)):HH}h";
    }
}
