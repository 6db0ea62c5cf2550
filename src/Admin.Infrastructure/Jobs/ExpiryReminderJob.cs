using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Admin.Infrastructure.Jobs;

/// <summary>
/// Hourly: reminds the applicant and technical contact of each active authorization 90, 60, 30, 15,
/// 7 and 0 days before its expiry date (Paris dates), each reminder exactly once. The
/// <see cref="ExpiryReminder"/> row and its outbox e-mails are saved together, one authorization at a
/// time; the unique index refuses the row of a second run (hourly, concurrent, after a restart), and
/// that run's e-mails are discarded with it (ADR 0015).
/// </summary>
public sealed class ExpiryReminderJob(AdminDbContext db, TimeProvider time, ILogger<ExpiryReminderJob> logger)
{
    public const string RecurringJobId = "expiry-reminders";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = ParisTime.Today(now);
        var horizon = today.AddDays(ExpiryReminder.Schedule[0]);
        var candidates = await db.Authorizations.AsNoTracking()
            .Where(a => a.Status == AuthorizationStatus.Active && a.ExpiresOn >= today && a.ExpiresOn <= horizon)
            .ToListAsync(ct);
        var ids = candidates.Select(a => a.Id).ToList();
        var sent = (await db.ExpiryReminders.AsNoTracking().Where(r => ids.Contains(r.AuthorizationId))
                .Select(r => new { r.AuthorizationId, r.ExpiresOn, r.DaysBefore }).ToListAsync(ct))
            .Select(r => (r.AuthorizationId, r.ExpiresOn, r.DaysBefore)).ToHashSet();

        var reminded = 0;
        var discarded = 0;
        foreach (var authorization in candidates)
        {
            if (ExpiryReminder.DueFor(authorization, now) is not { } reminder) continue;
            if (sent.Contains((reminder.AuthorizationId, reminder.ExpiresOn, reminder.DaysBefore))) continue;

            db.ExpiryReminders.Add(reminder);
            try
            {
                await db.SaveChangesAsync(ct);
                reminded++;
            }
            catch (DbUpdateException)
            {
                // Another run recorded it first: its e-mails are the ones that go; ours are dropped with our row.
                if (!await AlreadySentAsync(reminder, ct)) throw;
                discarded++;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        logger.LogInformation("Expiry reminders: {Sent} sent, {Discarded} already sent by another run, {Candidates} authorizations within {Days} days",
            reminded, discarded, candidates.Count, ExpiryReminder.Schedule[0]);
        return reminded;
    }

    private async Task<bool> AlreadySentAsync(ExpiryReminder reminder, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.ExpiryReminders.AsNoTracking().AnyAsync(r => r.AuthorizationId == reminder.AuthorizationId
            && r.ExpiresOn == reminder.ExpiresOn && r.DaysBefore == reminder.DaysBefore, ct);
    }
}
