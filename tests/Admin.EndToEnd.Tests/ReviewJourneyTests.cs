using System.Text.RegularExpressions;
using Admin.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using OtpNet;

namespace Admin.EndToEnd.Tests;

/// <summary>
/// The review loop on the demo data: an instructor takes the demo's submitted request and asks for
/// changes; the partner edits and sends it again; the instructor sees what changed and approves
/// fewer scopes with a daily quota; the partner sees the authorization.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReviewJourneyTests(AppServer app)
{
    private const string Title = "Tarification de la cantine scolaire";

    [Fact]
    public async Task Instructor_asks_for_changes_partner_resubmits_instructor_sees_the_diff_and_approves_fewer_scopes_with_a_quota()
    {
        var staff = await app.NewPageAsync();
        await SignInAsync(staff, "instructeur@demo.api-particulier.fr", "Instructeur-Demo-2026");
        await staff.GetByLabel("Code à 6 chiffres").FillAsync(new Totp(Base32Encoding.ToBytes("MFYGS4BNMRSW23ZNNFXHG5DSOVRXIZLV")).ComputeTotp());
        await staff.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync("Espace instruction");

        await staff.GotoAsync("/instruction/demandes");
        await staff.Locator("#q").FillAsync("Commune de Démo");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync(Title);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Je prends cette demande" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#assignee")).ToContainTextAsync("Isabelle Instructrice");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        await app.ScreenshotAsync(staff, "20-review");

        await staff.GetByRole(AriaRole.Link, new() { Name = "Demander des modifications" }).ClickAsync();
        await staff.GetByLabel("Message au demandeur").FillAsync("Précisez quels agents recevront les données.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#confirmation")).ToContainTextAsync("Précisez quels agents recevront les données.");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        await app.ScreenshotAsync(staff, "21-decision-confirmation");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Confirmer : demander les modifications" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#request-status")).ToContainTextAsync("Modifications demandées");

        // The partner reads the message, edits one step and sends the request again.
        var partner = await app.NewPageAsync();
        await SignInAsync(partner, "partenaire@demo.api-particulier.fr", "Partenaire-Demo-2026");
        await partner.GetByRole(AriaRole.Link, new() { Name = Title }).First.ClickAsync();
        await Assertions.Expect(partner.Locator("main")).ToContainTextAsync("Précisez quels agents recevront les données.");
        var requestUrl = partner.Url;
        await partner.GotoAsync(requestUrl + "/etapes/donnees-personnelles");
        await partner.Locator("#Form_Recipients").FillAsync("Les quatre agents du service de la restauration scolaire");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        // The save answers with a redirect: wait for its page before going on.
        await Assertions.Expect(partner.Locator("body")).ToContainTextAsync("Brouillon enregistré.");
        await partner.GotoAsync(requestUrl + "/recapitulatif");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(partner.Locator("#request-status")).ToContainTextAsync("Envoyée");

        // The instructor sees the change, and approves one of the two scopes with a daily quota.
        await staff.ReloadAsync();
        await Assertions.Expect(staff.Locator("#changes")).ToContainTextAsync("Les quatre agents du service de la restauration scolaire");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Valider", Exact = true }).ClickAsync();
        await staff.Locator("label[for='Form_GrantedScopes-cnaf_allocataires']").ClickAsync();
        await staff.GetByLabel("Quota journalier (facultatif)").FillAsync("1000");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        await app.ScreenshotAsync(staff, "22-approve-form");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#confirmation")).ToContainTextAsync("1 sur 2");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Confirmer : valider la demande" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#request-status")).ToContainTextAsync("Validée");

        await partner.GotoAsync(requestUrl);
        await Assertions.Expect(partner.Locator("#request-status")).ToContainTextAsync("Validée");
        await Assertions.Expect(partner.Locator("#authorization")).ToContainTextAsync("cnaf_quotient_familial");
        await Assertions.Expect(partner.Locator("#authorization")).Not.ToContainTextAsync("cnaf_allocataires");
        await Assertions.Expect(partner.Locator("#authorization")).ToContainTextAsync("1");
        await Accessibility.AssertNoSeriousViolationsAsync(partner);
        await app.ScreenshotAsync(partner, "23-partner-approved");
        await partner.SetViewportSizeAsync(375, 800);
        await app.ScreenshotAsync(partner, "24-partner-approved-mobile");

        var approval = await app.WaitForEmailAsync("partenaire@demo.api-particulier.fr", "est validée", TimeSpan.FromSeconds(30), Title);
        Assert.Contains("cnaf_quotient_familial", approval.TextBody);
        await app.WaitForEmailAsync("partenaire@demo.api-particulier.fr", "", TimeSpan.FromSeconds(30), "Précisez quels agents recevront les données.");
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/(espace-partenaire|compte/connexion/double-authentification|instruction)"));
    }
}
