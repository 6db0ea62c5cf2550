using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Outbox;
using Hangfire.Dashboard;

namespace Admin.Web.Infrastructure;

/// <summary>
/// Puts the e-mails set aside by the outbox on the jobs dashboard: a "Courriels en échec" entry in
/// its menu, with their number, linking to /admin/courriels. Hangfire keeps these lists in static
/// fields, so they are registered once per process; the count is read from the request's services.
/// </summary>
public static class JobsDashboard
{
    private static int _registered;

    public static readonly DashboardMetric FailedEmailsMetric = new("apip:failed-emails", "Courriels en échec", page =>
    {
        using var scope = page.Context.GetHttpContext().RequestServices.CreateScope();
        var count = FailedEmails.Count(scope.ServiceProvider.GetRequiredService<AdminDbContext>());
        return new Metric(count) { Style = count > 0 ? MetricStyle.Danger : MetricStyle.Default };
    });

    public static void AddFailedEmails()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        DashboardMetrics.AddMetric(FailedEmailsMetric);
        NavigationMenu.Items.Add(_ => new MenuItem("Courriels en échec", "/admin/courriels") { Metric = FailedEmailsMetric });
    }
}
