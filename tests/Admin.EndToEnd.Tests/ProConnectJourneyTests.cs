using System.Text;
using System.Text.RegularExpressions;
using Admin.EndToEnd.Tests.Support;
using Admin.Web.Tests.Support;
using Microsoft.Playwright;

namespace Admin.EndToEnd.Tests;

/// <summary>
/// A new public servant, in the browser, from ProConnect to a sent request: the app (its own process) is configured
/// with a real OpenID Connect provider standing in for ProConnect and a stub of the company directory, both on
/// loopback. Sign-in with ProConnect, the organization form filled from the SIRET claim and the directory, the use
/// case, the stepper walked out of order, "C'est moi", "Vérifier et envoyer", the sent request read as a document.
/// Every page of the journey is checked with axe and photographed at 1280 and 375 px.
/// </summary>
public sealed class ProConnectJourneyTests : IAsyncLifetime
{
    private readonly AppServer _app = new();
    private ProConnectProvider _provider = default!;
    private SireneStub _directory = default!;

    public async Task InitializeAsync()
    {
        _provider = ProConnectProvider.Start(_app.BaseUrl);
        _provider.User = ProConnectProvider.NewUser(siret: SireneStub.Found);
        _directory = SireneStub.Start();
        _app.Settings["ProConnect__Authority"] = _provider.Authority;
        _app.Settings["ProConnect__ClientId"] = ProConnectProvider.ClientId;
        _app.Settings["ProConnect__ClientSecret"] = ProConnectProvider.ClientSecret;
        _app.Settings["Sirene__BaseUrl"] = _directory.BaseUrl;
        await _app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
        await _directory.DisposeAsync();
    }

    /// <summary>axe at both widths, and a full-page screenshot at each, then back to the desktop width.</summary>
    private async Task CheckAsync(IPage page, string name)
    {
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await _app.ScreenshotAsync(page, name);
        await page.SetViewportSizeAsync(375, 800);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), $"{page.Url} scrolls sideways at 375 px");
        await _app.ScreenshotAsync(page, name + "-375");
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task A_new_agent_signs_in_with_ProConnect_registers_the_organization_of_the_siret_claim_and_sends_a_request_read_as_a_document()
    {
        var page = await _app.NewPageAsync();
        await page.GotoAsync("/compte/connexion");
        await CheckAsync(page, "50-proconnect-sign-in");

        // ProConnect: the provider identifies the agent at once and sends them back with a code.
        await page.Locator("#proconnect").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/organisations/nouvelle"));
        // The SIRET of the claim, looked up in the directory: the form is filled, still editable.
        await Assertions.Expect(page.Locator("#Siret")).ToHaveValueAsync(new Regex("^216 ?902 ?668 ?000 ?13$|^21690266800013$"));
        await Assertions.Expect(page.Locator("#Name")).ToHaveValueAsync(new Regex("villeurbanne", RegexOptions.IgnoreCase));
        await Assertions.Expect(page.Locator("#Address_City")).ToHaveValueAsync(new Regex("villeurbanne", RegexOptions.IgnoreCase));
        await CheckAsync(page, "51-proconnect-organization");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inscrire l'organisation" }).Last.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/espace-partenaire$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Dominique");
        await CheckAsync(page, "52-proconnect-home");

        // The use case.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle demande" }).ClickAsync();
        await CheckAsync(page, "53-proconnect-use-case");
        await page.Locator("label[for='UseCase-tarification_municipale_enfance']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Commencer la demande" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/etapes/demarche$"));
        await Assertions.Expect(page.Locator("#Form_Name")).ToHaveValueAsync("Tarification sociale des services municipaux à l'enfance");

        // From step 1 to step 5 through the stepper, and back.
        await page.Locator("#stepper-links").GetByRole(AriaRole.Link, new() { Name = "5. Contacts" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/etapes/contacts$"));
        await CheckAsync(page, "54-proconnect-step-contacts-early");
        await page.Locator("#stepper-links").GetByRole(AriaRole.Link, new() { Name = "1. Démarche" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/etapes/demarche$"));

        // Step 1.
        await page.Locator("#Form_Description").FillAsync("Tarifs de la cantine et du centre de loisirs selon le quotient familial.");
        await page.Locator("#Form_Simplification").FillAsync("Attestation de quotient familial de la CAF");
        await page.Locator("#Form_YearlyVolume").FillAsync("8000");
        await page.Locator("label[for='Form_Modalities-CitizenForm']").ClickAsync();
        await CheckAsync(page, "55-proconnect-step-procedure");
        await Demo.ContinueAsync(page, "/etapes/cadre-juridique");

        // Step 2.
        await page.Locator("#Form_Title").FillAsync("Délibération du conseil municipal 2026-14");
        await page.Locator("#Form_Url").FillAsync("https://www.villeurbanne.fr/deliberations/2026-14");
        await Demo.AttachPdfAsync(page.Locator("#Form_Document"));
        await CheckAsync(page, "56-proconnect-step-legal");
        await Demo.ContinueAsync(page, "/etapes/donnees");

        // Step 3: the use case's scopes ticked.
        await Assertions.Expect(page.Locator("#Form_Scopes-cnaf_quotient_familial")).ToBeCheckedAsync();
        await CheckAsync(page, "57-proconnect-step-scopes");
        await Demo.ContinueAsync(page, "/etapes/donnees-personnelles");

        // Step 4.
        await page.Locator("#Form_Recipients").FillAsync("Agents du service enfance");
        await page.Locator("#Form_RetentionMonths").FillAsync("12");
        await CheckAsync(page, "58-proconnect-step-personal-data");
        await Demo.ContinueAsync(page, "/etapes/contacts");

        // Step 5: "C'est moi" fills the business contact with the agent ProConnect identified.
        await page.Locator("#Form_BusinessContact_Phone").FillAsync("04 78 03 67 67");
        await page.GetByRole(AriaRole.Button, new() { Name = "C'est moi" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#Form_BusinessContact_Email")).ToHaveValueAsync(_provider.User.Email);
        await Assertions.Expect(page.Locator("#Form_BusinessContact_FirstName")).ToHaveValueAsync("Dominique");
        if (await page.Locator("#Form_BusinessContact_Phone").InputValueAsync() is { Length: 0 })
            await page.Locator("#Form_BusinessContact_Phone").FillAsync("04 78 03 67 67");
        foreach (var (prefix, first) in new[] { ("TechnicalContact", "Thomas"), ("Dpo", "Denise") })
        {
            await page.Locator($"#Form_{prefix}_FirstName").FillAsync(first);
            await page.Locator($"#Form_{prefix}_LastName").FillAsync("Martin");
            await page.Locator($"#Form_{prefix}_Email").FillAsync($"{first.ToLowerInvariant()}.martin@villeurbanne.fr");
            await page.Locator($"#Form_{prefix}_Phone").FillAsync("04 78 03 67 67");
        }

        await CheckAsync(page, "59-proconnect-step-contacts");
        await Demo.ContinueAsync(page, "/etapes/engagements");

        // Step 6, then "Vérifier et envoyer".
        await page.Locator("label[for='Form_CharterAcceptance']").ClickAsync();
        await page.Locator("label[for='Form_DpoInformed']").ClickAsync();
        await page.Locator("label[for='Form_CitizenConsentCommitment']").ClickAsync();
        await CheckAsync(page, "60-proconnect-step-engagements");
        await Demo.ContinueAsync(page, "/recapitulatif");
        await Assertions.Expect(page.Locator("#summary-use-case")).ToContainTextAsync("Tarification sociale des services municipaux à l'enfance");
        await CheckAsync(page, "61-proconnect-summary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();

        // The sent request, read as a document: every section as text, no form field.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/demandes/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("#request-status")).ToContainTextAsync("Envoyée");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tarification sociale des services municipaux à l'enfance");
        var document = page.Locator("#request-document");
        await Assertions.Expect(document).ToContainTextAsync("Agents du service enfance");
        await Assertions.Expect(document).ToContainTextAsync(_provider.User.Email);
        await Assertions.Expect(document).ToContainTextAsync("Délibération du conseil municipal 2026-14");
        await Assertions.Expect(document.Locator("input, textarea, select")).ToHaveCountAsync(0);
        await CheckAsync(page, "62-proconnect-request-sent");
    }

}
