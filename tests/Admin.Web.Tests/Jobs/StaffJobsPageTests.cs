using System.Net;
using Admin.Domain.Users;
using Admin.Infrastructure.Jobs;
using Admin.Web.Tests.Support;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Jobs;

/// <summary>The French "Tâches" page: the recurring jobs with their schedule and state, the failed jobs with their reason.</summary>
public sealed class StaffJobsPageTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Every_staff_role_reads_the_recurring_jobs_in_french_and_the_failed_ones_with_their_reason()
    {
        var storage = app.Services.GetRequiredService<JobStorage>();
        // No filters: the global automatic retry would turn the failure into a retry.
        new BackgroundJobClient(storage, new Hangfire.Common.JobFilterCollection()).Create(() => FailingJob.Run(), new FailedState(new InvalidOperationException("Le serveur SMTP ne répond pas")));
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var page = await auditor.GetAsync("/instruction/taches");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var job in RecurringJobCatalogue.All)
        {
            var row = page.Document.QuerySelector($"#job-{job.Id}");
            Assert.NotNull(row);
            Assert.Contains(job.Name, row!.TextContent, StringComparison.Ordinal);
            Assert.Contains(job.Schedule, row.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("non enregistrée", row.TextContent, StringComparison.Ordinal);
        }

        var monitoring = storage.GetMonitoringApi();
        Assert.True(monitoring.FailedCount() > 0, $"failed {monitoring.FailedCount()}, page: {page.Document.QuerySelector("#job-counts")?.TextContent}");
        var failed = page.Document.QuerySelector("#failed-jobs")!.TextContent;
        Assert.Contains("FailingJob.Run", failed, StringComparison.Ordinal);
        Assert.Contains("Le serveur SMTP ne répond pas", failed, StringComparison.Ordinal);
        Assert.Contains("en échec", page.Document.QuerySelector("#job-counts")!.TextContent, StringComparison.Ordinal);
        // The Hangfire dashboard is for administrators only.
        Assert.Null(page.Document.QuerySelector("#hangfire-link"));
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        Assert.NotNull((await administrator.GetAsync("/instruction/taches")).Document.QuerySelector("#hangfire-link"));
    }

    [Fact]
    public async Task A_partner_cannot_read_the_jobs()
    {
        var partner = await app.SignedInAsync(await app.PartnerWithOrganizationAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/instruction/taches")).Status);
    }
}

/// <summary>A job that fails, to be found among the failed ones.</summary>
public static class FailingJob
{
    public static void Run() => throw new InvalidOperationException("Le serveur SMTP ne répond pas");
}
