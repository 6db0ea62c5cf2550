using System.Globalization;
using AngleSharp.Dom;
using System.Net;
using System.Text;
using Admin.Domain.ApiKeys;
using Admin.Domain.Users;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Admin.Web.Tests.Usage.StaffUsageArrange;

namespace Admin.Web.Tests.Usage;

/// <summary>
/// The staff usage page on a database of its own per test, so every figure is exactly that of the arranged rows:
/// two keys with quotas that called (one close to its daily quota, one to its monthly quota), a key never used
/// (40 days old at the test's clock) and a revoked one that is not listed.
/// </summary>
public sealed class StaffUsageTests
{
    private const string Url = "/instruction/consommation";
    private const string Scope = "cnaf_quotient_familial";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private sealed record Scenario(GatewayKey Daily, GatewayKey Monthly, KeyArrangement Forgotten, ApiKey Unused, ApiKey Revoked);

    private static async Task<Scenario> ArrangeAsync(ClockedWebFactory app)
    {
        var daily = await app.GatewayKeyAsync([Scope], dailyQuota: 100, monthlyQuota: 100_000);
        var monthly = await app.GatewayKeyAsync([Scope], monthlyQuota: 1000);
        foreach (var used in new[] { daily, monthly }) await app.ChangeKeyAsync(used.KeyId, (k, _, _) => k.MarkUsed(Noon.AddHours(-1)));
        var forgotten = await app.ApprovedWithMembersAsync("Commune oubliée");
        var (unused, _) = await app.KeyAsync(forgotten, name: "Clé oubliée");
        var (revoked, _) = await app.KeyAsync(forgotten, name: "Clé révoquée");
        await app.ChangeKeyAsync(revoked.Id, (k, organization, _) => k.RevokeAsMember(organization, forgotten.Applicant.User.Id, "Plus utile", DateTimeOffset.UtcNow));

        await app.RolledUpThroughAsync(Today.AddDays(-1));
        await app.HourAsync(UsageKey.Of(daily), At(Today, 9), "", Scope, "VALID", 85, 85);
        await app.HourAsync(UsageKey.Of(daily), At(Today, 10), "", Scope, "RATE_LIMITED", 15, 15);
        await app.DayAsync(UsageKey.Of(monthly), Today.AddDays(-2), "", Scope, "VALID", 850, 850);
        await app.HourAsync(UsageKey.Of(monthly), At(Today, 9), "", Scope, "VALID", 50, 50);
        // Outside the 30 days and this month: only the 90-day view counts it.
        await app.DayAsync(UsageKey.Of(monthly), Today.AddDays(-40), "", Scope, "VALID", 100, 100);
        return new Scenario(daily, monthly, forgotten, unused, revoked);
    }

    /// <summary>A table row's cells as read aloud: each cell's words (its lines too) separated by spaces (a French number keeps its narrow no-break space), the cells by " | ".</summary>
    private static string Cells(IElement row) =>
        string.Join(" | ", row.QuerySelectorAll("th, td").Select(c => string.Join(' ',
            c.Descendants<IText>().SelectMany(t => t.Data.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)))));

    private static IReadOnlyList<string> Rows(Page page, string table) => [.. page.Document.QuerySelectorAll($"#{table} tbody tr").Select(Cells)];

    [Fact]
    public async Task Get_as_auditor_shows_top_organizations_and_keys_refusal_rates_keys_close_to_quota_and_unused_keys_with_their_numbers()
    {
        await using var app = new ClockedWebFactory().AtNoon();
        var s = await ArrangeAsync(app);
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var home = await auditor.GetAsync("/instruction");
        var page = await auditor.GetAsync(Url);

        Assert.NotNull(home.Document.QuerySelector($"a[href='{Url}']"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"{1000.ToString("N0", French)} appel(s)", page.Text, StringComparison.Ordinal);
        Assert.Equal(
            [$"{s.Monthly.OrganizationName} SIRET {s.Monthly.Siret} | 900 | 900 | 0 | 0 %", $"{s.Daily.OrganizationName} SIRET {s.Daily.Siret} | 100 | 85 | 15 | 15 %"],
            Rows(page, "organizations"));
        var monthlyPrefix = (await app.StoredKeyAsync(s.Monthly.KeyId)).Prefix.Value;
        var dailyPrefix = (await app.StoredKeyAsync(s.Daily.KeyId)).Prefix.Value;
        Assert.Equal(
            [$"Logiciel | {monthlyPrefix} | {s.Monthly.OrganizationName} | 900 | 0 %", $"Logiciel | {dailyPrefix} | {s.Daily.OrganizationName} | 100 | 15 %"],
            Rows(page, "keys"));
        Assert.Equal(["VALID | Admis | 985 | 98,5 %", "RATE_LIMITED | Trop de requêtes | 15 | 1,5 %"], Rows(page, "codes"));
        Assert.Equal(
            [$"Logiciel | {monthlyPrefix} | {s.Monthly.OrganizationName} | mensuel : {1000.ToString("N0", French)} unités | 900 unités | 90 %",
             $"Logiciel | {dailyPrefix} | {s.Daily.OrganizationName} | journalier : 100 unités | 85 unités | 85 %"],
            Rows(page, "near-quota"));
        var unused = Assert.Single(Rows(page, "unused"));
        Assert.StartsWith($"Clé oubliée | {s.Unused.Prefix.Display} | Production | Commune oubliée {s.Forgotten.Request.Number} |", unused, StringComparison.Ordinal);
        Assert.EndsWith("| Jamais", unused, StringComparison.Ordinal);
        // An auditor reads, exports, but does not write to holders.
        Assert.NotNull(page.Document.GetElementById("unused-export"));
        Assert.Null(page.Document.GetElementById("remind"));
        using var export = await auditor.Client.GetAsync(page.Document.GetElementById("export")!.GetAttribute("href"));
        Assert.Equal($"consommation-{Today.AddDays(-29):yyyy-MM-dd}-{Today:yyyy-MM-dd}.csv", export.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(1 + 4, (await export.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Get_with_the_90_day_period_counts_the_older_days_too_and_an_unknown_period_falls_back_to_30_days()
    {
        await using var app = new ClockedWebFactory().AtNoon();
        var s = await ArrangeAsync(app);
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        var ninety = await instructor.GetAsync(Url + "?periode=90");
        var unknown = await instructor.GetAsync(Url + "?periode=12");

        Assert.StartsWith($"{s.Monthly.OrganizationName} SIRET {s.Monthly.Siret} | {1000.ToString("N0", French)} | {1000.ToString("N0", French)} | 0 | 0 %",
            Rows(ninety, "organizations")[0], StringComparison.Ordinal);
        Assert.Equal("page", ninety.Document.QuerySelector("#periods a[href$='periode=90']")!.GetAttribute("aria-current"));
        Assert.Equal("page", unknown.Document.QuerySelector("#periods a[href$='periode=30']")!.GetAttribute("aria-current"));
        Assert.StartsWith($"{s.Monthly.OrganizationName} SIRET {s.Monthly.Siret} | 900 |", Rows(unknown, "organizations")[0], StringComparison.Ordinal);
        Assert.NotNull(ninety.Document.GetElementById("remind"));
    }

    [Fact]
    public async Task Get_lists_the_unused_keys_20_per_page()
    {
        await using var app = new ClockedWebFactory().AtNoon();
        var forgotten = await app.ApprovedWithMembersAsync("Commune oubliée");
        for (var i = 1; i <= 21; i++) await app.KeyAsync(forgotten, name: $"Clé {i:D2}");
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var first = await auditor.GetAsync(Url);
        var second = await auditor.GetAsync(Url + "?periode=30&page=2");

        Assert.Equal(20, Rows(first, "unused").Count);
        Assert.Contains("21 clé(s) inutilisée(s)", first.Document.QuerySelector("#unused caption")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Clé 21 |", Assert.Single(Rows(second, "unused")), StringComparison.Ordinal);
        Assert.Equal("page", second.Document.QuerySelector(".fr-pagination a[title='Page 2']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Get_without_any_usage_says_each_list_is_empty()
    {
        await using var app = new ClockedWebFactory().AtNoon();
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var page = await auditor.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var empty in new[] { "organizations-empty", "keys-empty", "codes-empty", "quota-empty", "unused-empty" })
            Assert.NotNull(page.Document.GetElementById(empty));
        Assert.Empty(page.Document.QuerySelectorAll("table"));
    }

    [Fact]
    public async Task Get_as_partner_is_refused()
    {
        await using var app = new ClockedWebFactory().AtNoon();
        var partner = await app.SignedInAsync(await app.PartnerWithOrganizationAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(Url)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(Url + "/cles-inutilisees.csv")).Status);
    }

    [Fact]
    public async Task Get_unused_keys_csv_lists_each_unused_key_with_its_holders_emails()
    {
        await using var app = new ClockedWebFactory().AtNoon();
        var s = await ArrangeAsync(app);
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        using var response = await auditor.Client.GetAsync(Url + "/cles-inutilisees.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"cles-inutilisees-{Today:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var created = Admin.Domain.Common.ParisTime.Today(s.Unused.CreatedAt);
        var expected = "Organisation;SIRET;Habilitation;Clé;Préfixe;Environnement;Créée le;Dernière utilisation;Détenteurs\r\n"
            + $"Commune oubliée;{s.Forgotten.Applicant.Organization.Siret.Value};{s.Forgotten.Request.Number};Clé oubliée;{s.Unused.Prefix.Value};Production;"
            + $"{created:dd/MM/yyyy};jamais;{s.Forgotten.Applicant.Email}, {LifecycleArrange.TechnicalEmail}\r\n";
        Assert.Equal([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(expected)], bytes);
    }

    [Fact]
    public async Task Post_remind_as_auditor_is_forbidden_and_writes_to_nobody()
    {
        await using var app = new ClockedWebFactory().AtNoon();
        await ArrangeAsync(app);
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);
        await auditor.GetAsync(Url);

        var confirm = await auditor.GetAsync(Url + "/cles-inutilisees/ecrire");
        var posted = await auditor.PostAsync(Url + "/cles-inutilisees/ecrire", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, confirm.Status);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == UnusedKeyNotifications.Kind)));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "api_key.unused_reminded")));
    }

    [Fact]
    public async Task Post_remind_as_instructor_emails_the_holders_of_each_unused_key_through_the_outbox_and_audits_it()
    {
        await using var app = new ClockedWebFactory().AtNoon();
        var s = await ArrangeAsync(app);
        var (instructor, instructorId) = await app.StaffMemberSignedInAsync(Roles.Instructor, app.Clock.GetUtcNow());

        var confirm = await instructor.GetAsync(Url + "/cles-inutilisees/ecrire");
        var posted = await instructor.PostAsync(Url + "/cles-inutilisees/ecrire", new Dictionary<string, string>());
        var after = await instructor.FollowAsync(posted);

        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("1 clé(s) inutilisée(s), 2 détenteur(s)", confirm.Document.GetElementById("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Contains("Les détenteurs de la clé inutilisée sont prévenus par courriel.", after.Text, StringComparison.Ordinal);
        var emails = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == UnusedKeyNotifications.Kind).ToListAsync());
        Assert.Equal(new[] { s.Forgotten.Applicant.Email, LifecycleArrange.TechnicalEmail }.Order(), emails.Select(m => m.To).Order());
        Assert.All(emails, m => Assert.Contains("« Clé oubliée »", m.TextBody, StringComparison.Ordinal));
        Assert.All(emails, m => Assert.Contains($"/habilitations/{s.Forgotten.AuthorizationId}/cles", m.TextBody, StringComparison.Ordinal));
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.Action == "api_key.unused_reminded").ToListAsync());
        var row = Assert.Single(audit);
        Assert.Equal(s.Unused.Id, row.AggregateId);
        Assert.Equal(instructorId, row.ActorId);
    }

    [Fact]
    public async Task A_second_reminder_within_thirty_days_writes_to_nobody_and_says_so_and_one_thirty_days_later_writes_again()
    {
        await using var app = new ClockedWebFactory().AtNoon();
        var s = await ArrangeAsync(app);
        var (instructor, _) = await app.StaffMemberSignedInAsync(Roles.Instructor, app.Clock.GetUtcNow());
        await instructor.PostAsync(Url + "/cles-inutilisees/ecrire", new Dictionary<string, string>());
        Task<int> EmailsAsync() => app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == UnusedKeyNotifications.Kind));
        var afterFirst = await EmailsAsync();

        var confirm = await instructor.GetAsync(Url + "/cles-inutilisees/ecrire");
        var again = await instructor.FollowAsync(await instructor.PostAsync(Url + "/cles-inutilisees/ecrire", new Dictionary<string, string>()));
        var afterSecond = await EmailsAsync();
        var list = await instructor.GetAsync(Url);
        app.Clock.Advance(TimeSpan.FromDays(Admin.Domain.ApiKeys.ApiKey.UnusedReminderIntervalDays));
        var (later, _) = await app.StaffMemberSignedInAsync(Roles.Instructor, app.Clock.GetUtcNow());
        await later.PostAsync(Url + "/cles-inutilisees/ecrire", new Dictionary<string, string>());

        Assert.Equal(2, afterFirst);
        Assert.Contains("ont tous été relancés il y a moins de 30 jours", confirm.Document.GetElementById("nothing")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("personne n'a été relancé", again.Text, StringComparison.Ordinal);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Contains("Relancée le", list.Document.GetElementById("unused")!.TextContent, StringComparison.Ordinal);
        // Thirty days on, the key is reminded again (and keys that became unused meanwhile, for the first time).
        Assert.True(await EmailsAsync() >= afterFirst + 2);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "api_key.unused_reminded" && a.AggregateId == s.Unused.Id)));
    }
}
