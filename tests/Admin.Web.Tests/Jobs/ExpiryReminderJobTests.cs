using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Infrastructure.Jobs;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Jobs;

/// <summary>
/// The hourly expiry reminders on a fake clock stepped across an 18-month authorization: every run
/// twice, some twice at once, each in a new scope (as after a restart). Each reminder goes exactly once, on its day.
/// </summary>
public sealed class ExpiryReminderJobTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    [Fact]
    public async Task Across_18_months_with_repeated_and_concurrent_runs_each_of_the_six_reminders_is_sent_once_on_its_day()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var authorization = await app.WithDbAsync(db => db.Authorizations.AsNoTracking().SingleAsync(a => a.Id == arranged.AuthorizationId));
        Assert.True(authorization.ExpiresAt - app.Clock.GetUtcNow() > TimeSpan.FromDays(540), "an authorization of 18 months");
        var steps = 0;
        var concurrentSteps = 0;

        while (app.Clock.GetUtcNow() < authorization.ExpiresAt.AddDays(2))
        {
            var left = authorization.ExpiresOn.DayNumber - ParisTime.Today(app.Clock.GetUtcNow()).DayNumber;
            // Hour by hour on each reminder day and the day before it, day by day elsewhere.
            var hourly = ExpiryReminder.Schedule.Any(step => left == step || left == step + 1);
            if (hourly && steps % 3 == 0)
            {
                await Task.WhenAll(RunAsync(), RunAsync());
                concurrentSteps++;
            }
            else
            {
                await RunAsync();
                await RunAsync();
            }

            app.Clock.Advance(hourly ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1));
            steps++;
        }

        var reminders = await app.WithDbAsync(db => db.ExpiryReminders.AsNoTracking().Where(r => r.AuthorizationId == arranged.AuthorizationId).ToListAsync());
        Assert.Equal(ExpiryReminder.Schedule.Order(), reminders.Select(r => r.DaysBefore).Order());
        Assert.All(reminders, r => Assert.Equal(authorization.ExpiresOn.AddDays(-r.DaysBefore), ParisTime.Today(r.SentAt)));
        var mails = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == AuthorizationNotifications.ExpiryReminderKind && m.TextBody.Contains(arranged.KeysUrl)).ToListAsync());
        Assert.Equal(6, mails.Count(m => m.To == arranged.Applicant.Email));
        Assert.Equal(6, mails.Count(m => m.To == LifecycleArrange.TechnicalEmail));
        Assert.Equal(12, mails.Count);
        Assert.Equal(6, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.AggregateId == arranged.AuthorizationId && a.Action == "authorization.expiry_reminded")));
        Assert.Single(mails, m => m.To == arranged.Applicant.Email && m.Subject.Contains("expire aujourd'hui", StringComparison.Ordinal));
        Assert.Single(mails, m => m.To == arranged.Applicant.Email && m.Subject.Contains("expire dans 90 jours", StringComparison.Ordinal));
        Assert.True(steps > 800 && concurrentSteps > 50, $"{steps} steps, {concurrentSteps} concurrent");
    }

    [Fact]
    public async Task A_second_insert_of_the_same_reminder_is_refused_by_the_unique_index_and_its_emails_go_with_it()
    {
        var arranged = await app.ApprovedWithMembersAsync("Commune en double");
        var authorization = await app.WithDbAsync(db => db.Authorizations.AsNoTracking().SingleAsync(a => a.Id == arranged.AuthorizationId));
        var now = ParisTime.StartOfDay(authorization.ExpiresOn).AddHours(9);
        // Two runs that both found nothing recorded yet, each with its own context.
        var first = ExpiryReminder.DueFor(authorization, now)!;
        var second = ExpiryReminder.DueFor(authorization, now)!;
        await app.WithDbAsync(db => { db.ExpiryReminders.Add(first); return db.SaveChangesAsync(); });

        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(db => { db.ExpiryReminders.Add(second); return db.SaveChangesAsync(); }));

        Assert.Equal(1, await app.WithDbAsync(db => db.ExpiryReminders.CountAsync(r => r.AuthorizationId == arranged.AuthorizationId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == AuthorizationNotifications.ExpiryReminderKind
            && m.To == arranged.Applicant.Email && m.TextBody.Contains(arranged.KeysUrl))));
    }

    private Task<int> RunAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<ExpiryReminderJob>().RunAsync(CancellationToken.None));
}

/// <summary>On a clock of its own: the application was down across reminder days.</summary>
public sealed class ExpiryReminderAfterDowntimeTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    [Fact]
    public async Task Reminder_days_missed_while_down_send_only_the_latest_due_one_once_and_never_a_past_one()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var authorization = await app.WithDbAsync(db => db.Authorizations.AsNoTracking().SingleAsync(a => a.Id == arranged.AuthorizationId));
        MoveTo(authorization, daysLeft: 95);
        Assert.Equal(0, await RunAsync());

        // Down from 95 days before until 25 days before: the 90-, 60- and 30-day reminders were missed.
        MoveTo(authorization, daysLeft: 25);
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());
        MoveTo(authorization, daysLeft: 20);
        Assert.Equal(0, await RunAsync());
        MoveTo(authorization, daysLeft: 15);
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());

        var reminders = await app.WithDbAsync(db => db.ExpiryReminders.AsNoTracking().Where(r => r.AuthorizationId == arranged.AuthorizationId).ToListAsync());
        Assert.Equal([15, 30], reminders.Select(r => r.DaysBefore).Order());
        var mails = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == AuthorizationNotifications.ExpiryReminderKind && m.To == arranged.Applicant.Email).OrderBy(m => m.CreatedAt).ToListAsync());
        Assert.Equal(2, mails.Count);
        Assert.Contains("expire dans 25 jours", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("expire dans 15 jours", mails[1].TextBody, StringComparison.Ordinal);
    }

    /// <summary>Noon in Paris, <paramref name="daysLeft"/> days before the expiry date.</summary>
    private void MoveTo(Authorization authorization, int daysLeft)
    {
        var target = ParisTime.StartOfDay(authorization.ExpiresOn.AddDays(-daysLeft)).AddHours(12);
        if (target > app.Clock.GetUtcNow()) app.Clock.SetUtcNow(target);
    }

    private Task<int> RunAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<ExpiryReminderJob>().RunAsync(CancellationToken.None));
}

/// <summary>On a clock of its own, moved a week before the expiry date.</summary>
public sealed class ExpiryReminderOfRevokedTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    [Fact]
    public async Task A_revoked_authorization_is_never_reminded()
    {
        var arranged = await app.ApprovedWithMembersAsync("Commune révoquée");
        await app.ThenAsync(arranged.Request.Id, (_, r, authorization, now) =>
            Task.FromResult(r.Revoke(LifecycleArrange.SomeInstructor, "Fin du service", authorization!, now)));
        var authorization = await app.WithDbAsync(db => db.Authorizations.AsNoTracking().SingleAsync(a => a.Id == arranged.AuthorizationId));
        MoveTo(authorization, daysLeft: 7);

        await RunAsync();

        Assert.False(await app.WithDbAsync(db => db.ExpiryReminders.AnyAsync(r => r.AuthorizationId == arranged.AuthorizationId)));
    }

    /// <summary>Noon in Paris, <paramref name="daysLeft"/> days before the expiry date.</summary>
    private void MoveTo(Authorization authorization, int daysLeft)
    {
        var target = ParisTime.StartOfDay(authorization.ExpiresOn.AddDays(-daysLeft)).AddHours(12);
        if (target > app.Clock.GetUtcNow()) app.Clock.SetUtcNow(target);
    }

    private Task<int> RunAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<ExpiryReminderJob>().RunAsync(CancellationToken.None));
}
