using Admin.Domain.Common;
using Admin.Domain.Usage;
using Admin.Infrastructure.Usage;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Jobs;

/// <summary>The roll-up and retention job over fourteen months of hourly usage (fake clock).</summary>
public sealed class UsageRollupJobTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    private async Task<UsageRollupJob.Outcome> RunAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UsageRollupJob>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fourteen_months_of_hours_are_rolled_up_into_days_the_hours_past_13_months_purged_and_every_total_unchanged()
    {
        var today = ParisTime.Today(app.Clock.GetUtcNow()).AddDays(1);
        app.Clock.SetUtcNow(ParisTime.StartOfDay(today).AddHours(10));
        var keyId = Guid.NewGuid();
        var authorizationId = Guid.NewGuid();
        var organizationId = Guid.NewGuid();
        var first = today.AddMonths(-14);
        long expected = 0;
        var perDay = new Dictionary<DateOnly, long>();
        await app.WithDbAsync(async db =>
        {
            for (var day = first; day <= today; day = day.AddDays(1))
            {
                // Two hours a day, one of them 23:00 in Paris (the UTC day is already the next one in winter and summer alike).
                var start = ParisTime.StartOfDay(day);
                var calls = day.DayNumber % 17;
                db.KeyUsageHours.Add(new KeyUsageHour(keyId, authorizationId, organizationId, start.AddHours(9), "", "cnaf_quotient_familial", "VALID", calls + 1, calls + 1));
                db.KeyUsageHours.Add(new KeyUsageHour(keyId, authorizationId, organizationId, ParisTime.EndOfDay(day).AddHours(-1), "/api/v2/x", "", "RATE_LIMITED", 2, 0));
                perDay[day] = calls + 3;
                expected += calls + 3;
            }

            await db.SaveChangesAsync();
            return true;
        });

        var outcome = await RunAsync();

        var (days, hours, through) = await app.WithDbAsync(async db => (
            await db.KeyUsageDays.AsNoTracking().Where(d => d.KeyId == keyId).ToListAsync(),
            await db.KeyUsageHours.AsNoTracking().Where(h => h.KeyId == keyId).ToListAsync(),
            await db.UsageRollups.AsNoTracking().Select(r => r.RolledUpThrough).SingleAsync()));
        var yesterday = today.AddDays(-1);
        Assert.Equal(yesterday, through);
        Assert.Equal(yesterday, outcome.RolledUpThrough);
        // Each closed day is in daily rows, with its route and code kept apart.
        Assert.Equal(perDay.Where(d => d.Key <= yesterday).Select(d => (d.Key, d.Value)), days.GroupBy(d => d.Day).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(d => d.Calls))));
        Assert.All(days, d => Assert.True((d.Code, d.Route) is ("VALID", "") or ("RATE_LIMITED", "/api/v2/x")));
        Assert.All(days, d => Assert.Equal((authorizationId, organizationId), (d.AuthorizationId!.Value, d.OrganizationId!.Value)));
        // Hours older than 13 months are gone; the rest stay.
        var retentionStart = ParisTime.StartOfDay(today.AddMonths(-13));
        Assert.True(outcome.HourlyRowsPurged > 0);
        Assert.All(hours, h => Assert.True(h.Hour >= retentionStart, $"{h.Hour} is older than the retention"));
        Assert.Contains(hours, h => h.Hour < retentionStart.AddDays(1));
        // Totals: the days up to the watermark from daily rows, later ones from hourly rows.
        var total = days.Sum(d => d.Calls) + hours.Where(h => h.Hour >= ParisTime.EndOfDay(yesterday)).Sum(h => h.Calls);
        Assert.Equal(expected, total);

        // A second run the same hour changes nothing.
        var again = await RunAsync();
        Assert.Equal(0, again.HourlyRowsPurged);
        Assert.Equal(days.Sum(d => d.Calls), await app.WithDbAsync(db => db.KeyUsageDays.Where(d => d.KeyId == keyId).SumAsync(d => d.Calls)));

        // A count written late for yesterday is taken by the next run (the day before the watermark is rolled again).
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.WithDbAsync(async db =>
        {
            db.KeyUsageHours.Add(new KeyUsageHour(keyId, authorizationId, organizationId, ParisTime.StartOfDay(yesterday).AddHours(12), "", "cnaf_quotient_familial", "VALID", 5, 5));
            await db.SaveChangesAsync();
            return true;
        });
        await RunAsync();
        Assert.Equal(perDay[yesterday] + 5, await app.WithDbAsync(db => db.KeyUsageDays.Where(d => d.KeyId == keyId && d.Day == yesterday).SumAsync(d => d.Calls)));
    }

    [Theory]
    [InlineData("2026-12-01", "2026-11-30", 13, "2025-11-01")]
    [InlineData("2026-12-01", "2026-11-30", 0, "2026-11-29")]
    [InlineData("2026-07-15", "2026-07-14", 1, "2026-06-15")]
    public void Hours_are_purged_from_the_retention_start_but_never_from_a_day_the_next_run_rolls_up_again(string today, string through, int months, string expected)
    {
        var before = UsageRollupJob.PurgeBefore(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(through, System.Globalization.CultureInfo.InvariantCulture), months);

        Assert.Equal(ParisTime.StartOfDay(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), before);
    }
}
