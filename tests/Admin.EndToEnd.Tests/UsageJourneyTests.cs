using System.Text.RegularExpressions;
using Admin.EndToEnd.Tests.Support;
using Admin.Infrastructure.Seed;
using Microsoft.Playwright;

namespace Admin.EndToEnd.Tests;

/// <summary>
/// The partner's usage, in the browser, on the demo approved request: a scripted burst of gateway calls
/// with the demo production key (admitted, refused for a scope, refused by the rate limit), then the key's
/// usage page shows in its table exactly the calls made, by outcome, beside its chart; no serious
/// accessibility violation on the usage pages, at 1280 and 375 px.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class UsageJourneyTests(AppServer app)
{
    private const string KeyName = "Logiciel de gestion des aides";

    [Fact]
    public async Task A_burst_of_gateway_calls_shows_on_the_key_usage_page_with_the_numbers_of_the_calls_made()
    {
        var page = await app.NewPageAsync();
        await Demo.SignInPartnerAsync(page);

        // From the approved request to its keys, to the authorization's usage, to the key's.
        await page.GetByRole(AriaRole.Link, new() { Name = "Aide aux vacances" }).First.ClickAsync();
        await page.Locator("#keys-link").ClickAsync();
        await page.Locator("#usage-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/habilitations/[0-9a-f-]+/consommation$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "40-usage-authorization");
        await page.Locator("#usage-keys-nav").GetByRole(AriaRole.Link, new() { Name = $"Clé « {KeyName} »" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/consommation/[0-9a-f-]+$"));
        var before = await TodayAsync(page);

        // The burst: admitted calls, calls for a scope the key lacks, then 30 calls at once against a rate of 20 a second.
        var made = new Dictionary<string, int>(StringComparer.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        for (var i = 0; i < 6; i++) Count(made, await VerifyAsync(http, "cnaf_quotient_familial"));
        for (var i = 0; i < 3; i++) Count(made, await VerifyAsync(http, "cnaf_enfants"));
        foreach (var code in await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => VerifyAsync(http, "cnaf_allocataires")))) Count(made, code);
        Assert.True(made.GetValueOrDefault("RATE_LIMITED") > 0, string.Join(", ", made));
        Assert.Equal(3, made["INSUFFICIENT_SCOPE"]);

        // Counted within a second or so: reload until the total moved, at most 10 s.
        var expectedTotal = before.GetValueOrDefault("TOTAL") + made.Values.Sum();
        Dictionary<string, long> after = before;
        for (var attempt = 0; attempt < 20 && after.GetValueOrDefault("TOTAL") != expectedTotal; attempt++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            after = await TodayAsync(page);
        }

        foreach (var (code, calls) in made) Assert.Equal(before.GetValueOrDefault(code) + calls, after.GetValueOrDefault(code));
        Assert.Equal(expectedTotal, after["TOTAL"]);
        // The chart beside the table: one bar per day, its summary, its legend.
        await Assertions.Expect(page.Locator("#chart-daily svg > g")).ToHaveCountAsync(90);
        await Assertions.Expect(page.Locator("#chart-daily figcaption")).ToContainTextAsync("Trop de requêtes");
        await Assertions.Expect(page.Locator("#chart-hourly desc")).ToContainTextAsync("appels sur la période");
        await page.GetByRole(AriaRole.Button, new() { Name = "Données du graphique, jour par jour" }).ClickAsync();
        await Assertions.Expect(page.Locator("#usage-daily")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "41-usage-key");
        await page.SetViewportSizeAsync(375, 800);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the usage page scrolls sideways at 375 px");
        await app.ScreenshotAsync(page, "41-usage-key-375");
        await page.SetViewportSizeAsync(1280, 900);

        // The key's alert choices.
        await page.Locator("#alert-settings").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/alertes$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "42-usage-alerts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Vos choix d'alertes pour cette clé sont enregistrés.");
    }

    [Fact]
    public async Task Staff_read_the_usage_of_every_organization_and_its_unused_keys_without_a_serious_accessibility_violation()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync("auditeur@demo.api-particulier.fr");
        await page.Locator("#Password").FillAsync("Auditeur-Demo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByLabel("Code à 6 chiffres").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes("MFYGS4BNMRSW23ZNMF2WI2LUMV2XELJS")).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Espace instruction");

        await page.GetByRole(AriaRole.Link, new() { Name = "Consommation" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/instruction/consommation$"));
        // The demo organization's month of calls is at the top.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Commune de Démo");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "43-usage-staff");
        await page.SetViewportSizeAsync(375, 800);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the staff usage page scrolls sideways at 375 px");
        await app.ScreenshotAsync(page, "43-usage-staff-375");

        // The jobs in French, beside Hangfire's English dashboard (issue 16).
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/instruction/taches");
        await Assertions.Expect(page.Locator("#recurring-jobs")).ToContainTextAsync("Consolidation de la consommation");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "44-jobs");
    }

    private static void Count(Dictionary<string, int> made, string code) => made[code] = made.GetValueOrDefault(code) + 1;

    /// <summary>Today's row of the key's daily table (most recent first), by outcome code.</summary>
    private static async Task<Dictionary<string, long>> TodayAsync(IPage page)
    {
        var cells = page.Locator("#usage-daily tbody tr").First.Locator("td[data-code]");
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < await cells.CountAsync(); i++)
        {
            var cell = cells.Nth(i);
            var digits = new string((await cell.TextContentAsync() ?? "").Where(char.IsAsciiDigit).ToArray());
            result[(await cell.GetAttributeAsync("data-code"))!] = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static Task<string> VerifyAsync(HttpClient http, string scope) => Demo.GatewayCodeAsync(http, DemoSecrets.ProductionKey, scope);
}
