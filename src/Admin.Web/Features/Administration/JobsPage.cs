using Admin.Infrastructure.Jobs;
using Mediator;

namespace Admin.Web.Features.Administration;

/// <summary>
/// "Tâches" (/instruction/taches), for every staff role: the recurring jobs in French (what each does, its
/// schedule, its last run and outcome, its next run) and the last failed jobs with their reason. Hangfire's own
/// dashboard (/admin/jobs, English, its own looser CSP) stays for administrators.
/// </summary>
public static class JobsPage
{
    public const int FailedShown = 20;

    public sealed record Query : IQuery<View>;

    public sealed record View(JobsSnapshot Jobs, bool CanOpenDashboard);

    /// <summary>Hangfire's state names, in French.</summary>
    public static string StateText(string? state) => state switch
    {
        null or "" => "jamais exécutée",
        "Succeeded" => "réussie",
        "Failed" => "échouée",
        "Processing" => "en cours",
        "Enqueued" => "en file d'attente",
        "Scheduled" => "planifiée",
        "Deleted" => "supprimée",
        "Awaiting" => "en attente",
        _ => state,
    };

    internal sealed class Handler(JobsOverview jobs, Admin.Web.Infrastructure.ICurrentUser user) : IQueryHandler<Query, View>
    {
        public ValueTask<View> Handle(Query query, CancellationToken ct) =>
            ValueTask.FromResult(new View(jobs.Read(FailedShown), user.IsInRole(Admin.Domain.Users.Roles.Administrator)));
    }
}
