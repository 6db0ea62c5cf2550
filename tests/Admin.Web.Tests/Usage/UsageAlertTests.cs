using Admin.Domain.Common;
using Admin.Domain.Usage;
using Admin.Infrastructure.Gateway;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Usage;

/// <summary>A factory whose refusal alerts start at 5 refusals an hour (instead of 100), for short tests.</summary>
public sealed class AlertingWebFactory : ClockedWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Usage:RefusalAlertPerHour", "5");
    }
}

/// <summary>Usage alerts: at 80 % and 100 % of a quota once per period and threshold, refusals once per hour, the key's choices, the partner home.</summary>
public sealed class UsageAlertTests(AlertingWebFactory app) : IClassFixture<AlertingWebFactory>
{
    private static readonly string[] FamilyScopes = ["cnaf_quotient_familial", "cnaf_allocataires"];

    private async Task CallAsync(GatewayKey key, int times, string scope = "cnaf_quotient_familial")
    {
        using var client = app.CreateClient();
        var credential = await app.GatewayCredentialAsync();
        for (var i = 0; i < times; i++) await client.VerifyAsync(credential, new { key = key.Secret, scopes = new[] { scope } });
        await app.Services.GetRequiredService<UsageRecorder>().FlushAsync(CancellationToken.None);
    }

    private Task<List<OutboxMessage>> AlertMailsAsync(GatewayKey key) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == UsageAlertNotifications.Kind && m.To == key.Applicant.Email)
            .ToListAsync());

    private static string Threshold(OutboxMessage mail) => mail.Subject[(mail.Subject.IndexOf(": ", StringComparison.Ordinal) + 2)..];

    /// <summary>A Paris morning, so that a few calls never straddle midnight; each test moves the shared clock forward only.</summary>
    private void MoveToNextParisMorning()
    {
        var today = ParisTime.Today(app.Clock.GetUtcNow());
        app.Clock.SetUtcNow(ParisTime.StartOfDay(today.AddDays(1)).AddHours(9));
    }

    [Fact]
    public async Task A_daily_quota_alerts_once_at_80_and_once_at_100_percent_per_day_and_again_the_next_day()
    {
        MoveToNextParisMorning();
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 1000, dailyQuota: 10);

        await CallAsync(key, 7);
        Assert.Empty(await AlertMailsAsync(key));
        await CallAsync(key, 1);
        var at80 = await AlertMailsAsync(key);
        Assert.Single(at80);
        Assert.Contains("80 % du quota journalier", at80[0].Subject, StringComparison.Ordinal);

        await CallAsync(key, 1);
        Assert.Single(await AlertMailsAsync(key));
        await CallAsync(key, 1);
        // Refused calls beyond the quota add nothing: still one e-mail per threshold.
        await CallAsync(key, 5);
        var today = await AlertMailsAsync(key);
        Assert.Equal(["100 % du quota journalier", "80 % du quota journalier"], today.Select(Threshold).Order(StringComparer.Ordinal));
        var full = today.Single(m => Threshold(m).StartsWith("100", StringComparison.Ordinal));
        Assert.Contains("Le quota journalier est atteint : 10 unités sur 10", full.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/habilitations/{key.AuthorizationId}/consommation/{key.KeyId}", full.TextBody, StringComparison.Ordinal);

        MoveToNextParisMorning();
        await CallAsync(key, 8);
        var both = await AlertMailsAsync(key);
        Assert.Equal(["100 % du quota journalier", "80 % du quota journalier", "80 % du quota journalier"], both.Select(Threshold).Order(StringComparer.Ordinal));
        var alerts = await app.WithDbAsync(db => db.UsageAlerts.AsNoTracking().Where(a => a.KeyId == key.KeyId).ToListAsync());
        Assert.Equal([(80, UsageAlertKind.DailyQuota), (80, UsageAlertKind.DailyQuota), (100, UsageAlertKind.DailyQuota)],
            alerts.Select(a => (a.Threshold, a.Kind)).Order());
        Assert.Equal(2, alerts.Select(a => a.PeriodStart).Distinct().Count());
    }

    [Fact]
    public async Task A_monthly_quota_alerts_at_80_and_100_percent_once_in_the_month()
    {
        MoveToNextParisMorning();
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 1000, monthlyQuota: 20);

        await CallAsync(key, 16);
        await CallAsync(key, 10);

        var mails = await AlertMailsAsync(key);
        Assert.Equal(["100 % du quota mensuel", "80 % du quota mensuel"], mails.Select(Threshold).Order(StringComparer.Ordinal));
        var period = await app.WithDbAsync(db => db.UsageAlerts.AsNoTracking().Where(a => a.KeyId == key.KeyId).Select(a => a.PeriodStart).Distinct().SingleAsync());
        var today = ParisTime.Today(app.Clock.GetUtcNow());
        Assert.Equal(ParisTime.StartOfDay(new DateOnly(today.Year, today.Month, 1)), period);
    }

    [Fact]
    public async Task Refusals_past_the_hourly_threshold_alert_once_an_hour_and_the_partner_home_shows_it()
    {
        MoveToNextParisMorning();
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 1000);

        await CallAsync(key, 4, scope: "cnaf_enfants");
        Assert.Empty(await AlertMailsAsync(key));
        await CallAsync(key, 1, scope: "cnaf_enfants");
        await CallAsync(key, 20, scope: "cnaf_enfants");
        var mails = await AlertMailsAsync(key);
        Assert.Single(mails);
        Assert.Contains("INSUFFICIENT_SCOPE=5", mails[0].TextBody, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await CallAsync(key, 6, scope: "cnaf_enfants");
        Assert.Equal(2, (await AlertMailsAsync(key)).Count);

        var home = await (await app.SignedInAsync(key.Applicant)).GetAsync("/espace-partenaire");
        var shown = home.Document.QuerySelector("#home-alerts")!.TextContent;
        Assert.Contains("appels refusés en une heure", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_whose_holders_chose_no_quota_alerts_sends_none_but_the_alert_is_still_shown()
    {
        MoveToNextParisMorning();
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 1000, dailyQuota: 5);
        var browser = await app.SignedInAsync(key.Applicant);
        var form = $"/habilitations/{key.AuthorizationId}/cles/{key.KeyId}/alertes";

        var saved = await browser.SubmitAsync(form, new Dictionary<string, string> { ["RefusalAlerts"] = "true" });
        Assert.Equal($"/habilitations/{key.AuthorizationId}/consommation/{key.KeyId}", saved.Location);
        await CallAsync(key, 5);

        Assert.Empty(await AlertMailsAsync(key));
        Assert.Equal(2, await app.WithDbAsync(db => db.UsageAlerts.CountAsync(a => a.KeyId == key.KeyId)));
        var choice = await app.WithDbAsync(db => db.ApiKeys.AsNoTracking().Where(k => k.Id == key.KeyId).Select(k => new { k.QuotaAlerts, k.RefusalAlerts }).SingleAsync());
        Assert.False(choice.QuotaAlerts);
        Assert.True(choice.RefusalAlerts);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.AggregateId == key.KeyId && e.Action == "api_key.alerts_chosen")));
        var page = await browser.GetAsync($"/habilitations/{key.AuthorizationId}/consommation/{key.KeyId}");
        Assert.Contains("Le quota journalier est atteint", page.Document.QuerySelector("#usage-alerts")!.TextContent, StringComparison.Ordinal);
    }
}
