using Admin.Domain.Common;
using Admin.Domain.Usage;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Usage;

/// <summary>
/// Usage rows written straight into the database, as the gateway (hourly) and the roll-up job (daily, with its
/// watermark) write them, on an application whose clock stands at noon in Paris, 40 days from now (the 5th of a
/// month or later): "today" never turns at midnight during a test, and keys arranged now are 40 days old there.
/// </summary>
public static class StaffUsageArrange
{
    /// <summary>Noon in Paris, 40 days or a little more from now, never before the 5th of its month.</summary>
    public static DateTimeOffset Noon { get; } = NoonFrom(ParisTime.Today(DateTimeOffset.UtcNow).AddDays(40));

    private static DateTimeOffset NoonFrom(DateOnly day) => ParisTime.StartOfDay(day.Day < 5 ? day.AddDays(5) : day).AddHours(12);

    /// <summary>The test's application with its clock at <see cref="Noon"/>.</summary>
    public static ClockedWebFactory AtNoon(this ClockedWebFactory app)
    {
        if (app.Clock.GetUtcNow() < Noon) app.Clock.SetUtcNow(Noon);
        return app;
    }

    public static DateOnly Today => ParisTime.Today(Noon);

    /// <summary>The start of the hour <paramref name="hour"/> (Paris) of <paramref name="day"/>.</summary>
    public static DateTimeOffset At(DateOnly day, int hour) => ParisTime.StartOfDay(day).AddHours(hour);

    public static Task HourAsync(this AdminWebFactory app, UsageKey key, DateTimeOffset hour, string route, string scope, string code, long calls, long units) =>
        app.WithDbAsync(async db =>
        {
            db.KeyUsageHours.Add(new KeyUsageHour(key.KeyId, key.AuthorizationId, key.OrganizationId, hour, route, scope, code, calls, units));
            return await db.SaveChangesAsync();
        });

    public static Task DayAsync(this AdminWebFactory app, UsageKey key, DateOnly day, string route, string scope, string code, long calls, long units) =>
        app.WithDbAsync(async db =>
        {
            db.KeyUsageDays.Add(new KeyUsageDay(key.KeyId, key.AuthorizationId, key.OrganizationId, day, route, scope, code, calls, units));
            return await db.SaveChangesAsync();
        });

    /// <summary>The roll-up job's watermark: the days up to <paramref name="day"/> are read from the daily rows.</summary>
    public static Task RolledUpThroughAsync(this AdminWebFactory app, DateOnly day) =>
        app.WithDbAsync(async db =>
        {
            var state = await db.UsageRollups.SingleOrDefaultAsync(r => r.Id == UsageRollup.SingletonId);
            if (state is null)
            {
                state = UsageRollup.Create();
                db.UsageRollups.Add(state);
            }

            state.Advance(day, Noon);
            return await db.SaveChangesAsync();
        });
}

/// <summary>The ids a usage row carries.</summary>
public sealed record UsageKey(Guid KeyId, Guid AuthorizationId, Guid OrganizationId)
{
    public static UsageKey Of(Admin.Domain.ApiKeys.ApiKey key) => new(key.Id, key.AuthorizationId, key.OrganizationId);

    public static UsageKey Of(GatewayKey key) => new(key.KeyId, key.AuthorizationId, key.OrganizationId);
}
