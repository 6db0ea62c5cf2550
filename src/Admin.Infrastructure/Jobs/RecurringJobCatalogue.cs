using Hangfire;
using Hangfire.Storage;

namespace Admin.Infrastructure.Jobs;

/// <summary>One recurring job as staff read it: its id in Hangfire, its French name and purpose, its schedule.</summary>
public sealed record RecurringJobInfo(string Id, string Name, string Description, string Cron, string Schedule);

/// <summary>The recurring jobs of the application, their schedules (Program registers them from here) and French names.</summary>
public static class RecurringJobCatalogue
{
    public static readonly RecurringJobInfo OutboxSweep = new("outbox-sweep", "Envoi des courriels",
        "Envoie les courriels en attente ; un envoi qui échoue est réessayé plus tard, puis mis de côté pour les administrateurs.",
        Cron.Minutely(), "toutes les minutes");

    public static readonly RecurringJobInfo ApplicantReminders = new(ApplicantReminderJob.RecurringJobId, "Relance des demandeurs",
        "Rappelle aux demandeurs les brouillons laissés et les demandes renvoyées pour modification.",
        "0 8 * * *", "tous les jours à 8 h (heure de Paris)");

    public static readonly RecurringJobInfo ExpiryReminders = new(ExpiryReminderJob.RecurringJobId, "Rappels d'expiration des habilitations",
        "Prévient le demandeur et le contact technique 90, 60, 30, 15, 7 et 0 jours avant l'expiration d'une habilitation.",
        Cron.Hourly(), "toutes les heures");

    public static readonly RecurringJobInfo UsageRollup = new(Usage.UsageRollupJob.RecurringJobId, "Consolidation de la consommation",
        "Regroupe par jour la consommation horaire des journées terminées, puis purge la consommation horaire plus ancienne que la durée de conservation.",
        Cron.Hourly(10), "toutes les heures, à la 10e minute");

    public static IReadOnlyList<RecurringJobInfo> All { get; } = [OutboxSweep, ApplicantReminders, ExpiryReminders, UsageRollup];
}

/// <summary>A recurring job's state in the job storage: last run and its outcome, next run, last error.</summary>
public sealed record RecurringJobState(RecurringJobInfo Info, bool Registered, DateTimeOffset? LastRun, string? LastState, DateTimeOffset? NextRun, string? Error);

/// <summary>A job that failed: what it ran, when, and why.</summary>
public sealed record FailedJobState(string Job, DateTimeOffset? FailedAt, string Reason);

/// <summary>What the staff "Tâches" page shows, read from the job storage given by dependency injection (never JobStorage.Current).</summary>
public sealed record JobsSnapshot(IReadOnlyList<RecurringJobState> Recurring, IReadOnlyList<FailedJobState> Failed, long FailedCount, long SucceededCount,
    long ScheduledCount, long EnqueuedCount);

public sealed class JobsOverview(JobStorage storage)
{
    public JobsSnapshot Read(int failedShown)
    {
        using var connection = storage.GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(j => j.Id, StringComparer.Ordinal);
        var states = RecurringJobCatalogue.All.Select(info => recurring.TryGetValue(info.Id, out var job)
                ? new RecurringJobState(info, true, Utc(job.LastExecution), job.LastJobState, Utc(job.NextExecution), job.Error)
                : new RecurringJobState(info, false, null, null, null, null))
            .ToList();

        var monitoring = storage.GetMonitoringApi();
        var statistics = monitoring.GetStatistics();
        var failed = monitoring.FailedJobs(0, failedShown)
            .Select(pair => new FailedJobState(pair.Value.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : pair.Value.InvocationData?.Type ?? "?",
                Utc(pair.Value.FailedAt), FirstLine(pair.Value.ExceptionMessage ?? pair.Value.Reason ?? "")))
            .ToList();
        return new JobsSnapshot(states, failed, statistics.Failed, statistics.Succeeded, statistics.Scheduled, statistics.Enqueued);
    }

    private static DateTimeOffset? Utc(DateTime? moment) =>
        moment is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
