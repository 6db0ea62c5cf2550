using Admin.Domain.Common;
using Admin.Domain.Usage;
using Admin.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Admin.Infrastructure.Usage;

/// <summary>
/// Hourly: rolls the hourly usage of every Paris day that is over up into daily rows (one statement per
/// day, which replaces the day's rows, so a second run or a late count changes nothing or corrects it; the
/// previous day is rolled again each time), moves <see cref="UsageRollup.RolledUpThrough"/> on, then purges
/// the hourly rows older than the retention (Usage:RetentionMonths, 13 by default) once their day is rolled up.
/// Readers take the days up to the watermark from the daily rows and the later ones from the hourly rows,
/// so totals are the same before and after (ADR 0019).
/// </summary>
public sealed class UsageRollupJob(AdminDbContext db, TimeProvider time, IOptions<UsageOptions> options, ILogger<UsageRollupJob> logger)
{
    public const string RecurringJobId = "usage-rollup";

    /// <summary>How long after a Paris midnight the day is rolled up: the gateway's last counts of it are written within seconds.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);

    public sealed record Outcome(int DaysRolledUp, DateOnly? RolledUpThrough, int HourlyRowsPurged);

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<Outcome> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = ParisTime.Today(now);
        var lastClosed = now >= ParisTime.StartOfDay(today) + Settle ? today.AddDays(-1) : today.AddDays(-2);

        var state = await db.UsageRollups.SingleOrDefaultAsync(r => r.Id == UsageRollup.SingletonId, ct);
        if (state is null)
        {
            state = UsageRollup.Create();
            db.UsageRollups.Add(state);
        }

        var first = state.RolledUpThrough is { } through ? through.AddDays(-1)
            : await OldestHourAsync(ct) is { } oldestHour ? ParisTime.Today(oldestHour) : lastClosed.AddDays(1);
        var rolled = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        for (var day = first; day <= lastClosed; day = day.AddDays(1))
        {
            var current = day;
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await Gateway.UsageWriter.RollUpDayAsync(db, current, ct);
                state.Advance(current, now);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            });
            rolled++;
        }

        if (state.RolledUpThrough is null || state.RolledUpThrough < lastClosed)
        {
            state.Advance(lastClosed, now);
        }

        await db.SaveChangesAsync(ct);
        var purged = await PurgeAsync(state.RolledUpThrough!.Value, today, ct);
        logger.LogInformation("Usage roll-up: {Days} days rolled up through {Through}, {Purged} hourly rows purged", rolled, state.RolledUpThrough, purged);
        return new Outcome(rolled, state.RolledUpThrough, purged);
    }

    /// <summary>The first instant hourly rows may be purged from: the retention's start, never a day the next run rolls up again.</summary>
    public static DateTimeOffset PurgeBefore(DateOnly today, DateOnly rolledUpThrough, int retentionMonths)
    {
        var retentionStart = ParisTime.StartOfDay(today.AddMonths(-Math.Max(retentionMonths, 0)));
        var rerolled = ParisTime.StartOfDay(rolledUpThrough.AddDays(-1));
        return retentionStart < rerolled ? retentionStart : rerolled;
    }

    private async Task<int> PurgeAsync(DateOnly rolledUpThrough, DateOnly today, CancellationToken ct)
    {
        var before = PurgeBefore(today, rolledUpThrough, options.Value.RetentionMonths);
        var oldest = await OldestHourAsync(ct);
        if (oldest is null || oldest >= before) return 0;

        // A day at a time, so that one run after a long pause never holds one huge transaction.
        var purged = 0;
        for (var day = ParisTime.Today(oldest.Value); ParisTime.StartOfDay(day) < before; day = day.AddDays(1))
        {
            var end = ParisTime.EndOfDay(day) < before ? ParisTime.EndOfDay(day) : before;
            purged += await db.KeyUsageHours.Where(u => u.Hour < end).ExecuteDeleteAsync(ct);
        }

        return purged;
    }

    private Task<DateTimeOffset?> OldestHourAsync(CancellationToken ct) =>
        db.KeyUsageHours.OrderBy(u => u.Hour).Select(u => (DateTimeOffset?)u.Hour).FirstOrDefaultAsync(ct);
}
