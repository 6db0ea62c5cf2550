using Admin.Domain.AccessRequests;
using Admin.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Admin.Infrastructure.Jobs;

/// <summary>
/// Daily: reminds the applicant of each request sent back for changes more than 15 days ago and
/// not answered, once per request for changes (a reminder already in the audit trail after the
/// request for changes is not sent again).
/// </summary>
public sealed class ApplicantReminderJob(AdminDbContext db, TimeProvider time, ILogger<ApplicantReminderJob> logger)
{
    public const string RecurringJobId = "applicant-reminders";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var waiting = await db.AccessRequests.Where(r => r.Status == AccessRequestStatus.ChangesRequested).ToListAsync(ct);
        var due = waiting.Where(r => r.WaitingForApplicantSince is { } since && now - since >= AccessRequest.ReminderDelay).ToList();
        var dueIds = due.Select(r => r.Id).ToList();
        var reminded = await db.AuditEvents.AsNoTracking()
            .Where(a => a.Action == AccessRequestReminderSent.ActionName && dueIds.Contains(a.AggregateId))
            .Select(a => new { a.AggregateId, a.OccurredAt })
            .ToListAsync(ct);

        var sent = 0;
        foreach (var request in due)
        {
            var since = request.WaitingForApplicantSince!.Value;
            if (reminded.Any(r => r.AggregateId == request.Id && r.OccurredAt >= since)) continue;
            if (request.RemindApplicant(now).IsSuccess) sent++;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Applicant reminders: {Sent} sent, {Waiting} requests waiting for their applicant", sent, waiting.Count);
        return sent;
    }
}
