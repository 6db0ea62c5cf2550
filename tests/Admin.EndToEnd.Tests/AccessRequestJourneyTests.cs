using System.Text;
using System.Text.RegularExpressions;
using Admin.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace Admin.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class AccessRequestJourneyTests(AppServer app)
{
    private const string PartnerEmail = "partenaire@demo.api-particulier.fr";

    [Fact]
    public async Task Seeded_partner_registers_a_second_organization_picks_a_use_case_files_all_six_steps_and_submits()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(PartnerEmail);
        await page.Locator("#Password").FillAsync("Partenaire-Demo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/espace-partenaire$"));

        // The demo partner already works for "Commune de Démo"; a second organization, by SIRET.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Commune de Démo");
        await page.GotoAsync("/organisations/nouvelle");
        await page.Locator("#Siret").FillAsync("217 500 016 00019");
        await page.Locator("#Name").FillAsync("Ville de Paris");
        await page.Locator("#Kind").SelectOptionAsync(new SelectOptionValue { Label = "Commune" });
        await page.Locator("#Address_Street").FillAsync("Place de l'Hôtel de Ville");
        await page.Locator("#Address_PostalCode").FillAsync("75004");
        await page.Locator("#Address_City").FillAsync("Paris");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inscrire l'organisation" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/espace-partenaire$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ville de Paris");

        // The use case first (cas d'usage), at 1280 and 375 px: it names the request and ticks its scopes.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle demande" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/demandes/nouvelle$"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "09-use-case-choice");
        await page.SetViewportSizeAsync(375, 800);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "09-use-case-choice-375");
        await page.SetViewportSizeAsync(1280, 900);
        await page.Locator("label[for='UseCase-tarification_municipale_enfance']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Commencer la demande" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/etapes/demarche$"));
        await Assertions.Expect(page.Locator("#Form_Name")).ToHaveValueAsync("Tarification sociale des services municipaux à l'enfance");

        // The stepper's steps are links: straight to step 5 and back.
        await page.Locator("#stepper-links").GetByRole(AriaRole.Link, new() { Name = "5. Contacts" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/etapes/contacts$"));
        await page.Locator("#stepper-links").GetByRole(AriaRole.Link, new() { Name = "1. Démarche" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/etapes/demarche$"));

        // Step 1, saved as a draft half-way, then the page is reloaded: nothing typed is lost.
        await page.Locator("#Form_Name").FillAsync("Tarification de la restauration scolaire");
        await page.Locator("#Form_Description").FillAsync("Calcul du tarif de la cantine selon le quotient familial de la famille.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        // The save answers with a redirect: wait for its page before going on.
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Brouillon enregistré.");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#Form_Name")).ToHaveValueAsync("Tarification de la restauration scolaire");
        await Assertions.Expect(page.Locator("#Form_Description")).ToHaveValueAsync("Calcul du tarif de la cantine selon le quotient familial de la famille.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "10-step-procedure");
        await page.Locator("#Form_Simplification").FillAsync("Attestation de quotient familial de la CAF");
        await page.Locator("#Form_YearlyVolume").FillAsync("12000");
        await page.Locator("label[for='Form_Modalities-CitizenForm']").ClickAsync();
        await Demo.ContinueAsync(page, "/etapes/cadre-juridique");

        // Step 2: legal basis with its PDF, and the use case's hint.
        await Assertions.Expect(page.Locator("#use-case-hint")).ToContainTextAsync("délibération du conseil municipal");
        await page.Locator("#Form_Title").FillAsync("Délibération du conseil de Paris 2026 DASCO 12");
        await page.Locator("#Form_Url").FillAsync("https://www.paris.fr/deliberations/2026-dasco-12");
        await Demo.AttachPdfAsync(page.Locator("#Form_Document"));
        await Demo.ContinueAsync(page, "/etapes/donnees");

        // Step 3: scopes, by their French names; the use case's come first, its quotient familial already ticked.
        await Assertions.Expect(page.Locator("#use-case-scopes")).ToContainTextAsync("Quotient familial CAF & MSA");
        await Assertions.Expect(page.Locator("#Form_Scopes-cnaf_quotient_familial")).ToBeCheckedAsync();
        await page.Locator("label[for='Form_Scopes-cnaf_enfants']").ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "11-step-scopes");
        await page.SetViewportSizeAsync(375, 800);
        await app.ScreenshotAsync(page, "11-step-scopes-375");
        await page.SetViewportSizeAsync(1280, 900);
        await Demo.ContinueAsync(page, "/etapes/donnees-personnelles");

        // Step 4: personal data.
        await page.Locator("#Form_Recipients").FillAsync("Agents du service de la restauration scolaire");
        await page.Locator("#Form_RetentionMonths").FillAsync("12");
        await Demo.ContinueAsync(page, "/etapes/contacts");

        // Step 5: contacts.
        foreach (var (prefix, first) in new[] { ("BusinessContact", "Marie"), ("TechnicalContact", "Thomas"), ("Dpo", "Denise") })
        {
            await page.Locator($"#Form_{prefix}_FirstName").FillAsync(first);
            await page.Locator($"#Form_{prefix}_LastName").FillAsync("Dupont");
            await page.Locator($"#Form_{prefix}_Email").FillAsync($"{first.ToLowerInvariant()}.dupont@paris.fr");
            await page.Locator($"#Form_{prefix}_Phone").FillAsync("01 42 76 40 40");
        }

        await Demo.ContinueAsync(page, "/etapes/engagements");

        // Step 6: the charter, shown in full, and the commitments.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Charte d'utilisation d'API Particulier");
        await page.Locator("label[for='Form_CharterAcceptance']").ClickAsync();
        await page.Locator("label[for='Form_DpoInformed']").ClickAsync();
        await page.Locator("label[for='Form_CitizenConsentCommitment']").ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "12-step-engagements");
        await Demo.ContinueAsync(page, "/recapitulatif");

        // Summary, then submission.
        await Assertions.Expect(page.Locator("#summary-scopes")).ToContainTextAsync("Quotient familial CAF & MSA");
        await Assertions.Expect(page.Locator("#summary-use-case")).ToContainTextAsync("Tarification sociale des services municipaux à l'enfance");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "13-summary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/demandes/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("#request-status")).ToContainTextAsync("Envoyée");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Demande créée");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Demande envoyée pour instruction");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "14-request-submitted");

        // The demo data's own requests sent receipts too: this one names the démarche just sent.
        var receipt = await app.WaitForEmailAsync(PartnerEmail, "bien été envoyée", TimeSpan.FromSeconds(30), "Tarification de la restauration scolaire");
        Assert.Contains("Tarification de la restauration scolaire", receipt.TextBody);
        await app.WaitForEmailAsync("instructeur@demo.api-particulier.fr", "attend votre instruction", TimeSpan.FromSeconds(30));

        await page.GotoAsync("/espace-partenaire");
        await Assertions.Expect(page.Locator("#requests")).ToContainTextAsync("Tarification de la restauration scolaire");
        await app.ScreenshotAsync(page, "15-partner-home");
    }

}
