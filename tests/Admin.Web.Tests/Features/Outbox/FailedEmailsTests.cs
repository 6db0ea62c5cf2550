using System.Net;
using Admin.Domain.Users;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Outbox;

public sealed class FailedEmailsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Get_as_administrator_lists_the_set_aside_emails_with_their_error_and_the_jobs_dashboard_links_there()
    {
        var poisoned = await PoisonedMessageAsync();
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);

        var page = await administrator.GetAsync("/admin/courriels");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.Document.QuerySelectorAll("#failed-emails tbody tr").Single(r => r.TextContent.Contains(poisoned.To, StringComparison.Ordinal));
        Assert.Contains("ParseException", row.TextContent);
        var dashboard = await administrator.GetAsync("/admin/jobs");
        Assert.Contains(dashboard.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/admin/courriels" && a.TextContent.Contains("Courriels en échec"));
    }

    [Theory]
    [InlineData(Roles.Instructor)]
    [InlineData(Roles.Auditor)]
    public async Task Get_and_post_as_other_staff_are_refused(string role)
    {
        var poisoned = await PoisonedMessageAsync();
        var staff = await app.StaffWithTwoFactorAsync(role);

        var page = await staff.GetAsync("/admin/courriels");
        var retry = await staff.PostAsync($"/admin/courriels/{poisoned.Id}/relancer", new Dictionary<string, string>());

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (page.Status, retry.Status));
        Assert.Contains("Accès refusé", page.Document.QuerySelector("h1")?.TextContent);
        Assert.NotNull((await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == poisoned.Id))).FailedAt);
    }

    [Fact]
    public async Task Post_retry_puts_the_message_back_in_the_queue_and_audits_it()
    {
        var poisoned = await PoisonedMessageAsync();
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        await administrator.GetAsync("/admin/courriels");

        var retried = await administrator.PostAsync($"/admin/courriels/{poisoned.Id}/relancer", new Dictionary<string, string>());

        Assert.Equal("/admin/courriels", retried.Location);
        var stored = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == poisoned.Id));
        Assert.Null(stored.FailedAt);
        Assert.Equal(0, stored.Attempts);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == poisoned.Id && a.Action == "outbox.retried")));
        Assert.Equal(HttpStatusCode.NotFound, (await administrator.PostAsync($"/admin/courriels/{Guid.NewGuid()}/relancer", new Dictionary<string, string>())).Status);
    }

    /// <summary>A message to an address MailKit cannot parse, delivered once so the dispatcher sets it aside.</summary>
    private async Task<OutboxMessage> PoisonedMessageAsync()
    {
        var message = EmailComposer.Compose("test", $"x<b>{Guid.NewGuid():N}</b>@example.com", "Poison", ["x"], null, DateTimeOffset.UtcNow.AddMinutes(-1));
        await app.WithDbAsync(db =>
        {
            db.OutboxMessages.Add(message);
            return db.SaveChangesAsync();
        });
        var delivered = await app.DeliverOutboxAsync();
        var stored = delivered.Single(m => m.Id == message.Id);
        Assert.NotNull(stored.FailedAt);
        return stored;
    }
}
