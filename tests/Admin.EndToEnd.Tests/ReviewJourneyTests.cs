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

        // The instructor starts from a template (its variables filled for this request) and adds a line.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Demander des modifications" }).ClickAsync();
        await staff.GetByLabel("Message au demandeur").FillAsync("Précisez quels agents recevront les données.");
        await staff.GetByLabel("Modèle de message").SelectOptionAsync(new SelectOptionValue { Label = "Cadre juridique à préciser" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "Insérer le modèle" }).ClickAsync();
        var message = staff.GetByLabel("Message au demandeur");
        await Assertions.Expect(message).ToHaveValueAsync(new Regex("^Précisez quels agents recevront les données\\.\\n\\nBonjour,"));
        await Assertions.Expect(message).ToHaveValueAsync(new Regex("« Tarification de la cantine scolaire » de Commune de Démo"));
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        await app.ScreenshotAsync(staff, "21-decision-template");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#confirmation")).ToContainTextAsync("Précisez quels agents recevront les données.");
        await Assertions.Expect(staff.Locator("#confirmation")).ToContainTextAsync("le texte qui fonde l'accès aux données demandées");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        await app.ScreenshotAsync(staff, "21-decision-confirmation");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Confirmer : demander les modifications" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#request-status")).ToContainTextAsync("Modifications demandées");

        // The partner sees the unread count, reads the message in the thread, answers it, edits one step and sends the request again.
        var partner = await app.NewPageAsync();
        await SignInAsync(partner, "partenaire@demo.api-particulier.fr", "Partenaire-Demo-2026");
        var row = partner.Locator("#requests tbody tr", new() { HasText = Title });
        await Assertions.Expect(row.Locator(".apip-unread")).ToContainTextAsync("non lus");
        await Assertions.Expect(partner.Locator("#unread-messages")).ToContainTextAsync("messages non lus");
        await Accessibility.AssertNoSeriousViolationsAsync(partner);
        await app.ScreenshotAsync(partner, "22-partner-home-unread");
        await partner.GetByRole(AriaRole.Link, new() { Name = Title }).First.ClickAsync();
        var thread = partner.Locator("#thread");
        await Assertions.Expect(thread).ToContainTextAsync("Précisez quels agents recevront les données.");
        await Assertions.Expect(thread.Locator("li", new() { HasText = "Demande de modifications" })).ToContainTextAsync("Nouveau");
        var requestUrl = partner.Url.Split('#')[0];
        await partner.GetByLabel("Votre message").FillAsync("Ce sont les agents de la restauration scolaire ; je complète la demande.");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Envoyer le message" }).ClickAsync();
        await Assertions.Expect(thread).ToContainTextAsync("je complète la demande");
        await Accessibility.AssertNoSeriousViolationsAsync(partner);
        await app.ScreenshotAsync(partner, "22-partner-thread");
        await partner.SetViewportSizeAsync(375, 800);
        await app.ScreenshotAsync(partner, "22-partner-thread-mobile");
        await partner.SetViewportSizeAsync(1280, 800);
        await partner.GotoAsync(requestUrl + "/etapes/donnees-personnelles");
        await partner.Locator("#Form_Recipients").FillAsync("Les quatre agents du service de la restauration scolaire");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        // The save answers with a redirect: wait for its page before going on.
        await Assertions.Expect(partner.Locator("body")).ToContainTextAsync("Brouillon enregistré.");
        await partner.GotoAsync(requestUrl + "/recapitulatif");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(partner.Locator("#request-status")).ToContainTextAsync("Envoyée");

        // The instructor sees the answer unread in the queue, then the change, and approves one of the two scopes with a daily quota.
        await staff.GotoAsync("/instruction/demandes?q=Commune+de+D%C3%A9mo");
        await Assertions.Expect(staff.Locator("tbody tr", new() { HasText = Title }).Locator(".apip-unread")).ToContainTextAsync("1 non lu");
        await Accessibility.AssertNoSeriousViolationsAsync(staff);
        await app.ScreenshotAsync(staff, "22-queue-unread");
        await staff.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(staff.Locator("#thread")).ToContainTextAsync("je complète la demande");
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
