using System.Text.RegularExpressions;
using Admin.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using OtpNet;

namespace Admin.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed partial class AccountJourneyTests(AppServer app)
{
    [Fact]
    public async Task New_partner_signs_up_confirms_from_the_written_email_signs_in_and_lands_on_partner_home()
    {
        var page = await app.NewPageAsync();
        var email = $"camille.{Guid.NewGuid():N}@mairie-exemple.fr";

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer un compte", Exact = true }).First.ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Prénom").FillAsync("Camille");
        await page.Locator("#LastName").FillAsync("Martin");
        await page.GetByLabel("Adresse électronique professionnelle").FillAsync(email);
        await page.Locator("#Password").FillAsync("Correct-Horse-42");
        await page.GetByLabel("Confirmation du mot de passe").FillAsync("Correct-Horse-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vérifiez vos courriels");
        await app.ScreenshotAsync(page, "01-register-confirmation");

        var mail = await app.WaitForEmailAsync(email, "Confirmez", TimeSpan.FromSeconds(30));
        var link = LinkPattern().Matches(mail.TextBody ?? "").Select(m => m.Value).Single(u => u.Contains("/compte/confirmer", StringComparison.Ordinal));
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Votre adresse électronique est confirmée");

        await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).Last.ClickAsync();
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.Locator("#Password").FillAsync("Correct-Horse-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/espace-partenaire$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bonjour Camille");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "02-partner-home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mon compte" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mon compte");
        await page.Locator("#CurrentPassword").FillAsync("Pas-Le-Bon-2027");
        await page.Locator("#NewPassword").FillAsync("Nouveau-Secret-2027");
        await page.GetByLabel("Confirmation du nouveau mot de passe").FillAsync("Nouveau-Secret-2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Changer le mot de passe" }).ClickAsync();
        await Assertions.Expect(page.Locator("#CurrentPassword-messages")).ToContainTextAsync("Le mot de passe actuel est incorrect.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Locator("#CurrentPassword").FillAsync("Correct-Horse-42");
        await page.Locator("#NewPassword").FillAsync("Nouveau-Secret-2027");
        await page.GetByLabel("Confirmation du nouveau mot de passe").FillAsync("Nouveau-Secret-2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Changer le mot de passe" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Votre mot de passe a été modifié.");
        await app.ScreenshotAsync(page, "02b-account");
        await page.SetViewportSizeAsync(375, 800);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "02c-account-mobile");
    }

    [Fact]
    public async Task Seeded_administrator_signs_in_with_the_readme_totp_secret_and_finds_the_failed_emails_page_from_the_jobs_dashboard()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync("administrateur@demo.api-particulier.fr");
        await page.Locator("#Password").FillAsync("Administrateur-Demo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/compte/connexion/double-authentification"));
        await page.GetByLabel("Code à 6 chiffres").FillAsync(new Totp(Base32Encoding.ToBytes("MFYGS4BNMRSW23ZNMFSG22LONFZXI4TB")).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Espace instruction");

        // The demo data fills the queue and the statistics.
        await page.GetByRole(AriaRole.Link, new() { Name = "Demandes à instruire" }).ClickAsync();
        // "Accueil périscolaire" waits for the partner; the review journey may have decided the other demo request.
        await Assertions.Expect(page.Locator("#queue")).ToContainTextAsync("Accueil périscolaire");
        await Assertions.Expect(page.Locator("#queue")).ToContainTextAsync("En attente du demandeur depuis");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "06a-queue");
        await page.GotoAsync("/instruction/statistiques");
        await Assertions.Expect(page.Locator("#backlog tbody tr")).ToHaveCountAsync(12);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "06b-statistics");
        await page.SetViewportSizeAsync(375, 800);
        await app.ScreenshotAsync(page, "06c-statistics-mobile");
        await page.GotoAsync("/instruction/demandes");
        await app.ScreenshotAsync(page, "06d-queue-mobile");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GotoAsync("/admin/jobs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Courriels en échec" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Courriels en échec");
        await Assertions.Expect(page.Locator("#failed-emails")).ToContainTextAsync("inconnu@mairie-fermee.example");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "05b-failed-emails");
        await page.SetViewportSizeAsync(375, 800);
        await app.ScreenshotAsync(page, "05c-failed-emails-mobile");
        await page.SetViewportSizeAsync(1280, 900);

        // The message templates, from the staff home, and one of them opened.
        await page.GotoAsync("/instruction");
        await page.GetByRole(AriaRole.Link, new() { Name = "Modèles de messages" }).ClickAsync();
        await Assertions.Expect(page.Locator("#templates")).ToContainTextAsync("Cadre juridique à préciser");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "05d-templates");
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier le modèle Cadre juridique à préciser" }).ClickAsync();
        await Assertions.Expect(page.Locator("#variables")).ToContainTextAsync("{organisation}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "05e-template-edit");
        await page.SetViewportSizeAsync(375, 800);
        await app.ScreenshotAsync(page, "05f-template-edit-mobile");
        await page.SetViewportSizeAsync(1280, 900);

        // The gateway's route table: the seeded routes, then a new one refused with its message at the field, kept as typed.
        await page.GotoAsync("/admin/routes");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Routes de la passerelle");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("/api/v2/composition-familiale");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "05g-routes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une route" }).ClickAsync();
        await page.GetByLabel("Début du chemin").FillAsync("api/sans-barre");
        await page.GetByLabel("Codes des données exigées (facultatif)").FillAsync("cnaf_quotient_familial");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la route" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Erreur"));
        await Assertions.Expect(page.Locator("#PathPrefix")).ToHaveValueAsync("api/sans-barre");
        await Assertions.Expect(page.Locator("#Scopes")).ToHaveValueAsync("cnaf_quotient_familial");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "05h-route-error");
        await page.SetViewportSizeAsync(375, 800);
        await app.ScreenshotAsync(page, "05i-route-error-mobile");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the route form scrolls sideways at 375 px");
        await page.GotoAsync("/admin/routes");
        await app.ScreenshotAsync(page, "05j-routes-mobile");
        // The table scrolls inside its frame; the page itself does not.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the route table page scrolls sideways at 375 px");
        await page.SetViewportSizeAsync(1280, 900);

        // The gateway credentials.
        await page.GotoAsync("/admin/passerelles");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "05k-gateway-credentials");
    }

    [Fact]
    public async Task Administrator_created_by_the_command_line_is_forced_through_two_factor_set_up_before_any_staff_page()
    {
        var email = $"admin.{Guid.NewGuid():N}@exemple.gouv.fr";
        var output = await app.RunCommandAsync("create-admin", "--email", email, "--first-name", "Ada", "--last-name", "Lovelace");
        var password = Regex.Match(output, @"One-time password \(shown once\): (\S+)").Groups[1].Value;
        Assert.NotEmpty(password);
        var page = await app.NewPageAsync();

        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/compte/double-authentification"));
        await Assertions.Expect(page.Locator("#staff-2fa-required")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "03-staff-two-factor-setup");

        await page.GotoAsync("/instruction");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/compte/double-authentification"));

        await page.GetByLabel("Code à 6 chiffres").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer la double authentification" }).ClickAsync();
        await Assertions.Expect(page.Locator(".fr-message--error")).ToContainTextAsync("Ce code n'est pas valide");

        var key = (await page.Locator("#shared-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        await page.GetByLabel("Code à 6 chiffres").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer la double authentification" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await app.ScreenshotAsync(page, "04-recovery-codes");

        await page.GetByRole(AriaRole.Link, new() { Name = "Continuer" }).ClickAsync();
        await page.GotoAsync("/instruction");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Espace instruction");
        await app.ScreenshotAsync(page, "05-staff-home");
    }

    [Fact]
    public async Task Register_form_with_bad_input_shows_french_errors_next_to_fields_and_keeps_typed_values()
    {
        var page = await app.NewPageAsync(width: 375, height: 800);

        await page.GotoAsync("/compte/inscription");
        await page.GetByLabel("Prénom").FillAsync("Dominique");
        await page.GetByLabel("Adresse électronique professionnelle").FillAsync("pas-une-adresse");
        await page.Locator("#Password").FillAsync("faible");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();

        await Assertions.Expect(page.Locator("#LastName-messages")).ToContainTextAsync("Saisissez votre nom.");
        await Assertions.Expect(page.Locator("#Email-messages")).ToContainTextAsync("Saisissez une adresse électronique valide");
        await Assertions.Expect(page.Locator("#Password-messages")).ToContainTextAsync("au moins 12 caractères");
        await Assertions.Expect(page.GetByLabel("Prénom")).ToHaveValueAsync("Dominique");
        await Assertions.Expect(page.GetByLabel("Adresse électronique professionnelle")).ToHaveValueAsync("pas-une-adresse");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await app.ScreenshotAsync(page, "06-register-errors-mobile");
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();
}
