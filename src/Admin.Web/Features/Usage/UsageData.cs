using System.Runtime.CompilerServices;
using Admin.Domain.Common;
using Admin.Domain.Usage;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Usage;

/// <summary>Which usage rows a page reads: one key, one authorization, one organization, or everything (staff).</summary>
public sealed record UsageScope(Guid? KeyId = null, Guid? AuthorizationId = null, Guid? OrganizationId = null)
{
    public static UsageScope Everything { get; } = new();
}

/// <summary>What the calls of a bucket are split by.</summary>
public enum UsageSplit
{
    /// <summary>The contract's outcome code (VALID, RATE_LIMITED…).</summary>
    Outcome,

    /// <summary>The route (forward-auth) or the scopes asked (JSON API).</summary>
    RouteOrScope,
}

/// <summary>The calls and units of one day (Paris) and one value of the split.</summary>
public readonly record struct DayBucket(DateOnly Day, string Group, long Calls, long Units);

/// <summary>The calls and units of one UTC hour and one value of the split.</summary>
public readonly record struct HourBucket(DateTimeOffset Hour, string Group, long Calls, long Units);

/// <summary>The calls and units of one key and one outcome code over a whole period.</summary>
public readonly record struct KeyTotal(Guid KeyId, Guid? OrganizationId, string Code, long Calls, long Units);

/// <summary>One line of the export: one key's calls on one Paris day, for one route or scopes and one outcome code.</summary>
public readonly record struct UsageLine(DateOnly Day, Guid? OrganizationId, Guid? AuthorizationId, Guid KeyId, string Route, string Scope, string Code,
    long Calls, long Units);

/// <summary>
/// The reading side of usage, for every page and export: days up to the roll-up's watermark come from the
/// daily rows, later days (today, and any day the job has not rolled up yet) from the hourly rows grouped by
/// Paris day, so a total never depends on whether the job has run (ADR 0019). Grouping happens in the database.
/// </summary>
internal static class UsageData
{
    public static async Task<DateOnly?> RolledUpThroughAsync(AdminDbContext db, CancellationToken ct) =>
        await db.UsageRollups.AsNoTracking().Where(r => r.Id == UsageRollup.SingletonId).Select(r => r.RolledUpThrough).SingleOrDefaultAsync(ct);

    public static IQueryable<KeyUsageDay> Days(AdminDbContext db, UsageScope scope)
    {
        var days = db.KeyUsageDays.AsNoTracking();
        if (scope.KeyId is { } key) days = days.Where(d => d.KeyId == key);
        if (scope.AuthorizationId is { } authorization) days = days.Where(d => d.AuthorizationId == authorization);
        if (scope.OrganizationId is { } organization) days = days.Where(d => d.OrganizationId == organization);
        return days;
    }

    public static IQueryable<KeyUsageHour> Hours(AdminDbContext db, UsageScope scope)
    {
        var hours = db.KeyUsageHours.AsNoTracking();
        if (scope.KeyId is { } key) hours = hours.Where(h => h.KeyId == key);
        if (scope.AuthorizationId is { } authorization) hours = hours.Where(h => h.AuthorizationId == authorization);
        if (scope.OrganizationId is { } organization) hours = hours.Where(h => h.OrganizationId == organization);
        return hours;
    }

    /// <summary>Calls per Paris day from <paramref name="from"/> to <paramref name="to"/> (both included) and per value of <paramref name="split"/>.</summary>
    public static async Task<List<DayBucket>> ByDayAsync(AdminDbContext db, UsageScope scope, DateOnly from, DateOnly to, UsageSplit split,
        CancellationToken ct)
    {
        var (daily, hourly, _) = await SplitAsync(db, scope, from, to, ct);
        var result = new List<DayBucket>();
        if (daily is not null) result.AddRange(await GroupDays(daily, split).ToListAsync(ct));
        if (hourly is not null)
        {
            var hours = await GroupHours(hourly, split).ToListAsync(ct);
            result.AddRange(hours
                .GroupBy(h => (Day: ParisTime.Today(h.Hour), h.Group))
                .Select(g => new DayBucket(g.Key.Day, g.Key.Group, g.Sum(h => h.Calls), g.Sum(h => h.Units))));
        }

        return result;
    }

    /// <summary>Calls per UTC hour in [<paramref name="from"/>, <paramref name="to"/>) and per value of <paramref name="split"/>.</summary>
    public static Task<List<HourBucket>> ByHourAsync(AdminDbContext db, UsageScope scope, DateTimeOffset from, DateTimeOffset to, UsageSplit split,
        CancellationToken ct)
    {
        var hours = Hours(db, scope).Where(h => h.Hour >= from && h.Hour < to);
        return GroupHours(hours, split).ToListAsync(ct);
    }

    /// <summary>Calls and units per key and outcome code over the Paris days from <paramref name="from"/> to <paramref name="to"/> (both included).</summary>
    public static async Task<List<KeyTotal>> TotalsAsync(AdminDbContext db, UsageScope scope, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (daily, hourly, _) = await SplitAsync(db, scope, from, to, ct);
        var totals = new List<KeyTotal>();
        if (daily is not null)
        {
            totals.AddRange(await daily.GroupBy(d => new { d.KeyId, d.OrganizationId, d.Code })
                .Select(g => new KeyTotal(g.Key.KeyId, g.Key.OrganizationId, g.Key.Code, g.Sum(d => d.Calls), g.Sum(d => d.Units))).ToListAsync(ct));
        }

        if (hourly is not null)
        {
            totals.AddRange(await hourly.GroupBy(h => new { h.KeyId, h.OrganizationId, h.Code })
                .Select(g => new KeyTotal(g.Key.KeyId, g.Key.OrganizationId, g.Key.Code, g.Sum(h => h.Calls), g.Sum(h => h.Units))).ToListAsync(ct));
        }

        return [.. totals.GroupBy(t => (t.KeyId, t.OrganizationId, t.Code))
            .Select(g => new KeyTotal(g.Key.KeyId, g.Key.OrganizationId, g.Key.Code, g.Sum(t => t.Calls), g.Sum(t => t.Units)))];
    }

    /// <summary>
    /// Every line of the period, ordered by day, organization name, key name, route or scopes and code, read from
    /// the database as it is enumerated: nothing is held but the current line, whatever the period (the export
    /// streams it). Rolled-up days come from one query; each later day from one query grouping its hours.
    /// </summary>
    public static async IAsyncEnumerable<UsageLine> LinesAsync(AdminDbContext db, UsageScope scope, DateOnly from, DateOnly to,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var (daily, _, hourlyFrom) = await SplitAsync(db, scope, from, to, ct);
        if (daily is not null)
        {
            var lines =
                from d in daily
                join o in db.Organizations.AsNoTracking() on d.OrganizationId equals o.Id into organizations
                from o in organizations.DefaultIfEmpty()
                join k in db.ApiKeys.AsNoTracking() on d.KeyId equals k.Id into keys
                from k in keys.DefaultIfEmpty()
                orderby d.Day, o.Name, d.OrganizationId, k.Name, d.KeyId, d.Route, d.Scope, d.Code
                select new UsageLine(d.Day, d.OrganizationId, d.AuthorizationId, d.KeyId, d.Route, d.Scope, d.Code, d.Calls, d.Units);
            await foreach (var line in lines.AsAsyncEnumerable().WithCancellation(ct)) yield return line;
        }

        for (var day = hourlyFrom; day <= to; day = day.AddDays(1))
        {
            var (start, end) = (ParisTime.StartOfDay(day), ParisTime.EndOfDay(day));
            var current = day;
            var lines =
                from h in Hours(db, scope).Where(h => h.Hour >= start && h.Hour < end)
                join o in db.Organizations.AsNoTracking() on h.OrganizationId equals o.Id into organizations
                from o in organizations.DefaultIfEmpty()
                join k in db.ApiKeys.AsNoTracking() on h.KeyId equals k.Id into keys
                from k in keys.DefaultIfEmpty()
                group h by new { OrganizationName = o.Name, h.OrganizationId, KeyName = k.Name, h.KeyId, h.AuthorizationId, h.Route, h.Scope, h.Code } into g
                orderby g.Key.OrganizationName, g.Key.OrganizationId, g.Key.KeyName, g.Key.KeyId, g.Key.Route, g.Key.Scope, g.Key.Code
                select new UsageLine(current, g.Key.OrganizationId, g.Key.AuthorizationId, g.Key.KeyId, g.Key.Route, g.Key.Scope, g.Key.Code,
                    g.Sum(h => h.Calls), g.Sum(h => h.Units));
            await foreach (var line in lines.AsAsyncEnumerable().WithCancellation(ct)) yield return line;
        }
    }

    /// <summary>
    /// The daily rows of the rolled-up days of the period and the hourly rows of its later days (null when there are
    /// none), with the first of those later days: the watermark is read once, so no day is counted twice.
    /// </summary>
    private static async Task<(IQueryable<KeyUsageDay>? Daily, IQueryable<KeyUsageHour>? Hourly, DateOnly HourlyFrom)> SplitAsync(AdminDbContext db, UsageScope scope,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var through = await RolledUpThroughAsync(db, ct);
        IQueryable<KeyUsageDay>? daily = null;
        if (through is { } rolled && from <= rolled)
        {
            var last = to < rolled ? to : rolled;
            daily = Days(db, scope).Where(d => d.Day >= from && d.Day <= last);
        }

        var hourlyFrom = through is { } r && r >= from ? r.AddDays(1) : from;
        IQueryable<KeyUsageHour>? hourly = null;
        if (hourlyFrom <= to)
        {
            var (start, end) = (ParisTime.StartOfDay(hourlyFrom), ParisTime.EndOfDay(to));
            hourly = Hours(db, scope).Where(h => h.Hour >= start && h.Hour < end);
        }

        return (daily, hourly, hourlyFrom);
    }

    private static IQueryable<DayBucket> GroupDays(IQueryable<KeyUsageDay> days, UsageSplit split) => split switch
    {
        UsageSplit.Outcome => days.GroupBy(d => new { d.Day, Group = d.Code })
            .Select(g => new DayBucket(g.Key.Day, g.Key.Group, g.Sum(d => d.Calls), g.Sum(d => d.Units))),
        _ => days.GroupBy(d => new { d.Day, Group = d.Route != "" ? d.Route : d.Scope })
            .Select(g => new DayBucket(g.Key.Day, g.Key.Group, g.Sum(d => d.Calls), g.Sum(d => d.Units))),
    };

    private static IQueryable<HourBucket> GroupHours(IQueryable<KeyUsageHour> hours, UsageSplit split) => split switch
    {
        UsageSplit.Outcome => hours.GroupBy(h => new { h.Hour, Group = h.Code })
            .Select(g => new HourBucket(g.Key.Hour, g.Key.Group, g.Sum(h => h.Calls), g.Sum(h => h.Units))),
        _ => hours.GroupBy(h => new { h.Hour, Group = h.Route != "" ? h.Route : h.Scope })
            .Select(g => new HourBucket(g.Key.Hour, g.Key.Group, g.Sum(h => h.Calls), g.Sum(h => h.Units))),
    };
}
