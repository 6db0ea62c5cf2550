using Admin.Domain.AccessRequests;
using Admin.Infrastructure.Jobs;
using Admin.Infrastructure.Outbox;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Jobs;

/// <summary>The daily reminder to applicants who leave a request sent back for changes unanswered, on a moving clock.</summary>
public sealed class ApplicantReminderJobTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    [Fact]
    public async Task An_unanswered_request_for_changes_gets_one_reminder_after_15_days_and_a_new_request_for_changes_one_more()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.ChangesRequestedAsync(applicant);

        app.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(0, await RunAsync());
        Assert.Equal(0, await RemindersAsync(applicant.Email));

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunAsync());
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RunAsync());
        Assert.Equal(1, await RemindersAsync(applicant.Email));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.AggregateId == request.Id && a.Action == AccessRequestReminderSent.ActionName)));

        // The partner sends it again, the instructor asks for changes once more: a new wait, a new reminder.
        await app.WithDbAsync(async db =>
        {
            var stored = await db.AccessRequests.SingleAsync(r => r.Id == request.Id);
            var now = app.Clock.GetUtcNow();
            stored.Submit(applicant.User.Id, await db.CurrentCharterAsync(CancellationToken.None), await db.OfferableScopesAsync(CancellationToken.None), now);
            stored.RequestChanges(LifecycleArrange.SomeInstructor, "Précisez encore la durée.", now.AddHours(1));
            return await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(0, await RunAsync());
        app.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(2, await RemindersAsync(applicant.Email));
    }

    [Fact]
    public async Task A_request_awaiting_staff_is_never_reminded()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        await app.SubmittedAsync(applicant);

        app.Clock.Advance(TimeSpan.FromDays(40));
        await RunAsync();

        Assert.Equal(0, await RemindersAsync(applicant.Email));
    }

    private Task<int> RunAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<ApplicantReminderJob>().RunAsync(CancellationToken.None));

    private Task<int> RemindersAsync(string email) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email && m.Kind == AccessRequestNotifications.ReminderKind));
}
