using System.Text.RegularExpressions;
using Admin.EndToEnd.Tests.Support;
using Admin.Infrastructure.Seed;
using Microsoft.Playwright;

namespace Admin.EndToEnd.Tests;

/// <summary>
/// The partner's keys, in the browser, on the demo approved request: a production key created after
/// confirming the password, copied, gone on reload; renewed with a 24-hour overlap; the new one
/// revoked; the e-mails written; the gateway agreeing at once; no serious accessibility violation.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class KeyJourneyTests(AppServer app)
{
    private const string PartnerEmail = Demo.PartnerEmail;
    private const string PartnerPassword = Demo.PartnerPassword;
    private const string KeyName = "Logiciel du parcours navigateur";

    [Fact]
    public async Task Partner_creates_a_key_after_the_password_copies_it_cannot_see_it_again_renews_it_with_24_hours_overlap_and_revokes_the_new_one()
    {
        var page = await app.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = app.BaseUrl });
        await Demo.SignInPartnerAsync(page);

        // The approved request's page, then its keys.
        await page.GetByRole(AriaRole.Link, new() { Name = "Aide aux vacances" }).First.ClickAsync();
        await page.Locator("#keys-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/habilitations/[0-9a-f-]+/cles$"));
        var keysUrl = page.Url;
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "30-keys");

        // Creating a key asks for the password first.
        await page.Locator("#new-key").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/compte/confirmer-identite"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Locator("#Password").FillAsync(PartnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cles/nouvelle$"));
        await page.Locator("#Form_Name").FillAsync(KeyName);
        await page.Locator("label[for='Form_Environment_Production']").ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la clé" }).ClickAsync();

        // The secret, once, with its copy button.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cles/creee$"));
        var secret = await page.Locator("#secret").InputValueAsync();
        Assert.Matches("^apip_live_[0-9A-Za-z]{38}$", secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copier la clé" }).ClickAsync();
        Assert.Equal(secret, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "31-key-created");
        await page.SetViewportSizeAsync(375, 800);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "31-key-created-375");
        await page.SetViewportSizeAsync(1280, 900);

        // A reload shows the keys, not the secret again, and creates nothing.
        await page.ReloadAsync();
        await Assertions.Expect(page).ToHaveURLAsync(keysUrl);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#keys tr", new() { HasText = KeyName })).ToHaveCountAsync(1);
        Assert.Equal("VALID", await GatewayCodeAsync(secret));

        // Renewed with a 24-hour overlap (the password was confirmed a moment ago).
        await page.Locator("#keys tr", new() { HasText = KeyName }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Renouveler") }).ClickAsync();
        await page.Locator("label[for='Overlap_Hours24']").ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Renouveler la clé" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cles/creee$"));
        var renewed = await page.Locator("#secret").InputValueAsync();
        Assert.NotEqual(secret, renewed);
        await Assertions.Expect(page.Locator("#renewal")).ToContainTextAsync(secret[..14]);
        Assert.Equal("VALID", await GatewayCodeAsync(secret));
        Assert.Equal("VALID", await GatewayCodeAsync(renewed));

        // The new key revoked, with a reason: refused at once, the old one still working during its overlap.
        await page.GotoAsync(keysUrl);
        var newRow = page.Locator("#keys tr", new() { HasText = renewed[..14] });
        await newRow.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Révoquer") }).ClickAsync();
        await page.Locator("#Reason").FillAsync("Déployée par erreur sur un poste de test.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Révoquer la clé" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("La clé est révoquée");
        await Assertions.Expect(page.Locator("#keys tr", new() { HasText = renewed[..14] })).ToContainTextAsync("Révoquée");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "32-keys-after-revocation");
        await page.SetViewportSizeAsync(375, 800);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "32-keys-after-revocation-375");
        Assert.Equal("REVOKED", await GatewayCodeAsync(renewed));
        Assert.Equal("VALID", await GatewayCodeAsync(secret));

        // The e-mails of the renewal and the revocation, to the applicant.
        await app.WaitForEmailAsync(PartnerEmail, "est renouvelée", TimeSpan.FromSeconds(30), KeyName);
        var revocation = await app.WaitForEmailAsync(PartnerEmail, "est révoquée", TimeSpan.FromSeconds(30), "Déployée par erreur");
        Assert.DoesNotContain(renewed, revocation.TextBody ?? "", StringComparison.Ordinal);
    }

    private async Task<string?> GatewayCodeAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        return await Demo.GatewayCodeAsync(http, key);
    }
}
