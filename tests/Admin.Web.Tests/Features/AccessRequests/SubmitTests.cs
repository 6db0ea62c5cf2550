using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.AccessRequests;

public sealed class SubmitTests(WizardWebFactory app) : IClassFixture<WizardWebFactory>
{
    [Fact]
    public async Task Get_summary_shows_each_section_with_its_content_an_edit_link_and_what_is_missing()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync();
        await browser.SubmitAsync(RequestArrange.StepUrl(request, "demarche"), RequestArrange.ValidForms["demarche"].Continue());

        var page = await browser.GetAsync($"/demandes/{request.Id}/recapitulatif");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var sections = page.Document.QuerySelectorAll("section.apip-summary-section").ToList();
        Assert.Equal(6, sections.Count);
        Assert.Contains("Inscription à la cantine", sections[0].TextContent);
        Assert.Null(sections[0].QuerySelector(".apip-missing"));
        Assert.Equal(RequestArrange.StepUrl(request, "demarche"), sections[0].QuerySelector("a.fr-icon-edit-line")!.GetAttribute("href"));
        Assert.Contains("Indiquez l'intitulé du texte qui fonde la démarche.", sections[1].QuerySelector(".apip-missing")!.TextContent);
        Assert.Contains("Choisissez au moins une donnée.", sections[2].QuerySelector(".apip-missing")!.TextContent);
        Assert.Contains("Délégué à la protection des données : Indiquez le prénom.", sections[4].QuerySelector(".apip-missing")!.TextContent);
        Assert.Equal(RequestArrange.StepUrl(request, "engagements"), sections[5].QuerySelector("a.fr-icon-edit-line")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_summary_names_each_scope_in_french_with_its_code_and_links_each_missing_item_to_its_field()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        await browser.SubmitAsync(RequestArrange.StepUrl(request, "donnees"), new Dictionary<string, string> { ["Form.Scopes"] = "cnaf_quotient_familial" }.Continue());

        var page = await browser.GetAsync($"/demandes/{request.Id}/recapitulatif");

        var scope = Assert.Single(page.Document.QuerySelectorAll("#summary-scopes li"));
        Assert.Equal("Quotient familial CAF & MSA", scope.ChildNodes[0].TextContent.Trim());
        Assert.Equal("cnaf_quotient_familial", scope.QuerySelector("code")!.TextContent);
        Assert.Equal("Demande libre", page.Document.GetElementById("summary-use-case")!.TextContent.Trim());
        var missing = page.Document.QuerySelectorAll(".apip-missing a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(RequestArrange.StepUrl(request, "cadre-juridique") + "?verifier=1#Form_Title", missing);
        Assert.Contains(RequestArrange.StepUrl(request, "contacts") + "?verifier=1#Form_Dpo_FirstName", missing);
        Assert.DoesNotContain("Erreur", page.Document.Title);
    }

    [Fact]
    public async Task Post_submit_of_incomplete_request_is_refused_with_the_errors_listed_and_nothing_changed()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await SubmitFromSummaryAsync(browser, request);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var alert = page.Document.GetElementById("submit-errors")!;
        Assert.Contains("fr-alert", alert.ClassName);
        Assert.Contains("Indiquez le nom de la démarche.", alert.TextContent);
        Assert.Contains("Acceptez la charte d'utilisation pour envoyer la demande.", alert.TextContent);
        Assert.Contains(alert.QuerySelectorAll("a"), a => a.GetAttribute("href") == RequestArrange.StepUrl(request, "contacts") + "?verifier=1#Form_BusinessContact_FirstName");
        // Grouped by step, in the wizard's order, under a heading per step.
        Assert.Equal(["Étape 1 : Démarche", "Étape 2 : Cadre juridique", "Étape 3 : Données demandées", "Étape 4 : Protection des données", "Étape 5 : Contacts", "Étape 6 : Engagements"],
            alert.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()));
        Assert.StartsWith("Erreur : ", page.Document.Title);
        Assert.Equal(AccessRequestStatus.Draft, (await app.StoredAsync(request.Id)).Status);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == request.Id && a.Action == "access_request.submitted")));
    }

    [Fact]
    public async Task Post_submit_of_complete_request_sends_it_with_audit_receipt_and_instructor_emails()
    {
        var instructor = await app.InstructorAsync();
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync(complete: true, organizationName: "Ville de Test");

        var page = await SubmitFromSummaryAsync(browser, request);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal($"/demandes/{request.Id}", page.Location);
        var stored = await app.StoredAsync(request.Id);
        Assert.Equal(AccessRequestStatus.Submitted, stored.Status);
        Assert.NotNull(stored.SubmittedAt);
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == request.Id && a.Action == "access_request.submitted"));
        Assert.Equal(applicant.User.Id, audit.ActorId);
        var outbox = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind.StartsWith("access_request.submitted")).ToListAsync());
        var receipt = Assert.Single(outbox, m => m.To == applicant.Email);
        Assert.Equal(AccessRequestNotifications.ReceiptKind, receipt.Kind);
        Assert.Contains("« Inscription à la cantine »", receipt.TextBody);
        Assert.Contains("Données demandées : Quotient familial CAF & MSA (cnaf_quotient_familial).", receipt.TextBody);
        Assert.Contains($"http://localhost/demandes/{request.Id}", receipt.TextBody);
        var notice = Assert.Single(outbox, m => m.To == instructor.Email);
        Assert.Equal(AccessRequestNotifications.InstructorKind, notice.Kind);
        Assert.Contains("Ville de Test", notice.TextBody);
    }

    [Fact]
    public async Task Post_submit_after_filling_engagements_over_http_keeps_the_charter_acceptance_with_version_user_organization_and_ip()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync(complete: true);
        var engagements = RequestArrange.ValidForms["engagements"];
        engagements["Form.CharterAcceptance"] = "false";
        await browser.SubmitAsync(RequestArrange.StepUrl(request, "engagements"), engagements.Draft());
        await browser.SubmitAsync(RequestArrange.StepUrl(request, "engagements"), RequestArrange.ValidForms["engagements"].Continue());

        var page = await SubmitFromSummaryAsync(browser, request);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var stored = await app.StoredAsync(request.Id);
        var acceptance = await app.WithDbAsync(db => db.CharterAcceptances.AsNoTracking().SingleAsync(a => a.Id == stored.Engagements.CharterAcceptanceId));
        var charter = await app.WithDbAsync(db => db.CharterVersions.AsNoTracking().OrderByDescending(c => c.Major).ThenByDescending(c => c.Minor).FirstAsync());
        Assert.Equal((charter.Id, applicant.User.Id, applicant.Organization.Id, WizardWebFactory.ClientIp),
            (acceptance.CharterVersionId, acceptance.UserId, acceptance.OrganizationId, acceptance.ClientIp));
    }

    [Fact]
    public async Task Post_submit_of_a_version_changed_meanwhile_says_so_and_overwrites_nothing()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync(complete: true);
        var summary = await browser.GetAsync($"/demandes/{request.Id}/recapitulatif");
        var shownVersion = summary.ValueOf("version")!;
        var otherTab = await app.SignedInAsync(applicant);
        var form = RequestArrange.ValidForms["donnees-personnelles"];
        form["Form.Recipients"] = "Service scolaire et service financier";
        await otherTab.SubmitAsync(RequestArrange.StepUrl(request, "donnees-personnelles"), form.Draft());

        var page = await browser.PostAsync($"/demandes/{request.Id}/soumettre", new Dictionary<string, string> { ["version"] = shownVersion });

        Assert.Equal(HttpStatusCode.Conflict, page.Status);
        Assert.Contains("Cette demande a été modifiée entre-temps", page.Document.GetElementById("submit-errors")!.TextContent);
        var stored = await app.StoredAsync(request.Id);
        Assert.Equal(AccessRequestStatus.Draft, stored.Status);
        Assert.Equal("Service scolaire et service financier", stored.DataProtection.Recipients);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == applicant.Email && m.Kind == AccessRequestNotifications.ReceiptKind)));
    }

    [Fact]
    public async Task Post_submit_twice_is_refused_the_second_time_with_a_french_message()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync(complete: true);
        var version = (await app.StoredAsync(request.Id)).Version.ToString();
        await browser.SubmitAsync($"/demandes/{request.Id}/recapitulatif", new Dictionary<string, string> { ["version"] = version }, $"/demandes/{request.Id}/soumettre");

        var page = await browser.PostAsync($"/demandes/{request.Id}/soumettre", new Dictionary<string, string> { ["version"] = version });

        Assert.Equal(HttpStatusCode.Conflict, page.Status);
        Assert.Contains("Cette action n'est pas possible sur une demande au statut « Envoyée ».", page.Document.GetElementById("submit-errors")!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.AggregateId == request.Id && a.Action == "access_request.submitted")));
    }

    [Fact]
    public async Task Saving_every_step_queues_no_email_of_any_kind_to_anyone()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var queuedBefore = await app.WithDbAsync(db => db.OutboxMessages.CountAsync());

        foreach (var (step, form) in RequestArrange.ValidForms)
        {
            var saved = await browser.SubmitAsync(RequestArrange.StepUrl(request, step), form.Continue());
            Assert.True(saved.Status == HttpStatusCode.Redirect, $"{step} answered {(int)saved.Status}");
        }

        Assert.NotNull((await app.StoredAsync(request.Id)).Contacts);
        Assert.Equal(queuedBefore, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    /// <summary>Opens the summary and presses "Envoyer la demande", with the version the summary was rendered from.</summary>
    private static async Task<Page> SubmitFromSummaryAsync(Browser browser, AccessRequest request)
    {
        var summary = await browser.GetAsync($"/demandes/{request.Id}/recapitulatif");
        var version = summary.Document.QuerySelector($"form[action='/demandes/{request.Id}/soumettre'] input[name='version']")!.GetAttribute("value")!;
        return await browser.PostAsync($"/demandes/{request.Id}/soumettre", new Dictionary<string, string> { ["version"] = version });
    }
}
