using System.Net;
using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Domain.Usage;
using Admin.Infrastructure.Gateway;
using Admin.Infrastructure.Usage;
using Admin.Web.Tests.Support;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Usage;

/// <summary>The partner's usage pages: the numbers the gateway counted, and who may read them.</summary>
public sealed class PartnerUsageTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    private static readonly string[] FamilyScopes = ["cnaf_quotient_familial", "cnaf_allocataires"];

    private async Task CallAsync(GatewayKey key, int valid, int insufficient, string? clientIp = "203.0.113.9")
    {
        using var client = app.CreateClient();
        var credential = await app.GatewayCredentialAsync();
        for (var i = 0; i < valid; i++) await client.VerifyAsync(credential, new { key = key.Secret, scopes = new[] { "cnaf_quotient_familial" }, clientIp });
        for (var i = 0; i < insufficient; i++) await client.VerifyAsync(credential, new { key = key.Secret, scopes = new[] { "cnaf_enfants" }, clientIp });
        await app.Services.GetRequiredService<UsageRecorder>().FlushAsync(CancellationToken.None);
    }

    private static Dictionary<string, string> RowOf(IHtmlDocument document, string tableId, int index)
    {
        var row = document.QuerySelectorAll($"#{tableId} tbody tr")[index];
        return row.QuerySelectorAll("td[data-code]").ToDictionary(td => td.GetAttribute("data-code")!, td => td.TextContent.Trim());
    }

    [Fact]
    public async Task The_authorization_page_shows_this_hour_and_today_with_the_calls_made_by_outcome_the_quota_left_and_the_address()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 100, dailyQuota: 1000, monthlyQuota: 20000);
        await CallAsync(key, valid: 7, insufficient: 3);
        var browser = await app.SignedInAsync(key.Applicant);

        var page = await browser.GetAsync($"/habilitations/{key.AuthorizationId}/consommation");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        // Most recent first: the current hour, and today.
        var hour = RowOf(page.Document, "usage-hourly", 0);
        Assert.Equal("10", hour["TOTAL"]);
        Assert.Equal("7", hour["VALID"]);
        Assert.Equal("3", hour["INSUFFICIENT_SCOPE"]);
        var today = RowOf(page.Document, "usage-daily", 0);
        Assert.Equal(("10", "7", "3"), (today["TOTAL"], today["VALID"], today["INSUFFICIENT_SCOPE"]));
        Assert.Equal(PartnerUsage90Days, page.Document.QuerySelectorAll("#usage-daily tbody tr").Length);
        Assert.Equal(48, page.Document.QuerySelectorAll("#usage-hourly tbody tr").Length);

        var keyRow = page.Document.QuerySelector($"#usage-key-{key.KeyId}")!;
        Assert.Equal("10", keyRow.QuerySelector("[data-field=calls]")!.TextContent.Trim());
        Assert.Equal("3", keyRow.QuerySelector("[data-field=refused]")!.TextContent.Trim());
        var daily = keyRow.QuerySelector("[data-quota='Quota journalier']")!.TextContent;
        Assert.Contains("7 sur 1\u202F000", daily, StringComparison.Ordinal);
        Assert.Contains("reste 993", daily, StringComparison.Ordinal);
        Assert.Contains("203.0.113.9", keyRow.TextContent, StringComparison.Ordinal);
        var routes = page.Document.QuerySelector("#usage-routes")!.TextContent;
        Assert.Contains("cnaf_quotient_familial", routes, StringComparison.Ordinal);
        Assert.Contains("cnaf_enfants", routes, StringComparison.Ordinal);
        // The charts: server-drawn SVG with a title and a summary, one bar per day and per hour.
        Assert.Equal(90, page.Document.QuerySelectorAll("#chart-daily svg > g").Length);
        Assert.Equal(48, page.Document.QuerySelectorAll("#chart-hourly svg > g").Length);
        Assert.Contains("10 appels sur la période, dont 7 admis", page.Document.QuerySelector("#chart-daily desc")!.TextContent, StringComparison.Ordinal);
    }

    private const int PartnerUsage90Days = 90;

    [Fact]
    public async Task The_key_page_shows_only_that_key()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 100);
        var other = await app.WithDbAsync(async db =>
        {
            var authorization = await db.Authorizations.SingleAsync(a => a.Id == key.AuthorizationId);
            var organization = await db.Organizations.Include(o => o.Memberships).SingleAsync(o => o.Id == key.OrganizationId);
            var generated = Admin.Infrastructure.Keys.ApiKeySecrets.Generate(Admin.Domain.ApiKeys.ApiKeyEnvironment.Production);
            var second = Admin.Domain.ApiKeys.ApiKey.Issue(authorization, organization, key.Applicant.User.Id, "Second logiciel",
                Admin.Domain.ApiKeys.ApiKeyEnvironment.Production, generated.Material, DateTimeOffset.UtcNow).Value;
            db.ApiKeys.Add(second);
            await db.SaveChangesAsync();
            return key with { KeyId = second.Id, Secret = generated.Secret };
        });
        await CallAsync(key, valid: 2, insufficient: 0);
        await CallAsync(other, valid: 5, insufficient: 1);
        var browser = await app.SignedInAsync(key.Applicant);

        var first = await browser.GetAsync($"/habilitations/{key.AuthorizationId}/consommation/{key.KeyId}");
        var second = await browser.GetAsync($"/habilitations/{key.AuthorizationId}/consommation/{other.KeyId}");
        var whole = await browser.GetAsync($"/habilitations/{key.AuthorizationId}/consommation");

        Assert.Equal("2", RowOf(first.Document, "usage-daily", 0)["TOTAL"]);
        Assert.Equal("6", RowOf(second.Document, "usage-daily", 0)["TOTAL"]);
        Assert.Equal("8", RowOf(whole.Document, "usage-daily", 0)["TOTAL"]);
        Assert.Contains("Consommation de la clé « Second logiciel »", second.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/habilitations/{key.AuthorizationId}/consommation/{Guid.NewGuid()}")).Status);
    }

    [Fact]
    public async Task Usage_of_an_organization_is_not_for_another_organization_nor_for_its_business_contact_and_staff_reads_it()
    {
        var arranged = await app.ApprovedWithMembersAsync("Commune mesurée");
        var (key, _) = await app.KeyAsync(arranged);
        var outsider = await app.PartnerWithOrganizationAsync("Commune voisine");
        var pages = new[] { $"/habilitations/{arranged.AuthorizationId}/consommation", $"/habilitations/{arranged.AuthorizationId}/consommation/{key.Id}",
            $"/habilitations/{arranged.AuthorizationId}/cles/{key.Id}/alertes" };

        var business = await app.SignedInAsync(arranged.Business);
        var other = await app.SignedInAsync(outsider);
        var technical = await app.SignedInAsync(arranged.Technical);
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);
        foreach (var url in pages)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await business.GetAsync(url)).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).Status);
            Assert.Equal(HttpStatusCode.OK, (await technical.GetAsync(url)).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/instruction/habilitations/{arranged.AuthorizationId}/consommation")).Status);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/instruction/habilitations/{arranged.AuthorizationId}/consommation/{key.Id}")).Status);
        // A partner cannot use the staff address.
        Assert.NotEqual(HttpStatusCode.OK, (await technical.GetAsync($"/instruction/habilitations/{arranged.AuthorizationId}/consommation")).Status);
    }

    [Fact]
    public async Task Totals_are_the_same_before_and_after_the_roll_up_moves_days_to_daily_rows_and_purges_old_hours()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 100);
        var now = app.Clock.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            for (var days = 2; days <= 80; days += 7)
            {
                var hour = KeyUsageHour.HourOf(now.AddDays(-days));
                db.KeyUsageHours.Add(new KeyUsageHour(key.KeyId, key.AuthorizationId, key.OrganizationId, hour, "", "cnaf_quotient_familial", "VALID", days, days));
                db.KeyUsageHours.Add(new KeyUsageHour(key.KeyId, key.AuthorizationId, key.OrganizationId, hour.AddHours(1), "", "cnaf_quotient_familial", "RATE_LIMITED", 2, 0));
            }

            await db.SaveChangesAsync();
            return true;
        });
        var browser = await app.SignedInAsync(key.Applicant);
        static string Daily(Page page) => string.Join("|", page.Document.QuerySelectorAll("#usage-daily tbody tr").Select(r => r.TextContent.Trim()));

        var before = await browser.GetAsync($"/habilitations/{key.AuthorizationId}/consommation/{key.KeyId}");
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<UsageRollupJob>().RunAsync(CancellationToken.None);
        }

        var after = await browser.GetAsync($"/habilitations/{key.AuthorizationId}/consommation/{key.KeyId}");

        Assert.Equal(Daily(before), Daily(after));
        Assert.Contains("VALID", before.Document.QuerySelector("#usage-daily thead")!.TextContent, StringComparison.Ordinal);
        var rolled = await app.WithDbAsync(db => db.KeyUsageDays.Where(d => d.KeyId == key.KeyId).SumAsync(d => d.Calls));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => 2 + (7 * i)).Sum() + (12 * 2), rolled);
    }
}
