using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.AccessRequests;

/// <summary>Partner home, request creation, the request page with its timeline, reopen, archive and copy.</summary>
public sealed class PartnerRequestsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Home_without_organization_invites_to_register_one()
    {
        var email = $"seul.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = new Browser(app.CreateBrowser());
        await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);

        var home = await browser.GetAsync("/espace-partenaire");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.NotNull(home.Document.QuerySelector("#no-organization a[href='/organisations/nouvelle']"));
    }

    [Fact]
    public async Task Home_lists_only_the_current_organization_requests_with_status_and_next_action()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var other = await app.PartnerWithOrganizationAsync("Autre commune");
        await app.SubmittedAsync(applicant, "Cantine scolaire");
        await app.DraftAsync(applicant);
        await app.SubmittedAsync(other, "Démarche de l'autre commune");
        var browser = await app.SignedInAsync(applicant);

        var home = await browser.GetAsync("/espace-partenaire");

        var rows = home.Document.QuerySelectorAll("#requests tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        var submitted = Assert.Single(rows, r => r.TextContent.Contains("Cantine scolaire"));
        Assert.Contains("Envoyée", submitted.TextContent);
        // Nothing to do: plain text, not a link.
        var next = submitted.QuerySelectorAll("td").Last();
        Assert.Contains("Rien à faire : la demande est en cours d'instruction", next.TextContent);
        Assert.Null(next.QuerySelector("a"));
        var today = Admin.Infrastructure.Email.FrenchDates.Day(DateTimeOffset.UtcNow);
        var draft = Assert.Single(rows, r => r.TextContent.Contains("Brouillon"));
        Assert.Contains($"Demande sans titre du {today}", draft.TextContent);
        Assert.Equal("Compléter et envoyer la demande", draft.QuerySelectorAll("td").Last().QuerySelector("a")!.TextContent);
        Assert.Contains(Siret.Format(applicant.Organization.Siret.Value), home.Document.QuerySelector(".fr-text--lead")!.TextContent);
        Assert.DoesNotContain("Démarche de l'autre commune", home.Text);
    }

    [Fact]
    public async Task A_sent_request_reads_as_a_document_with_its_status_in_words_and_no_form_field()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedAsync(applicant, "Cantine en lecture");
        var draft = await app.DraftAsync(applicant);
        var browser = await app.SignedInAsync(applicant);

        var page = await browser.GetAsync($"/demandes/{request.Id}");

        Assert.Contains("en cours d'instruction par l'équipe API Particulier", page.Document.GetElementById("status-sentence")!.TextContent);
        var document = page.Document.GetElementById("request-document")!;
        Assert.Equal(6, document.QuerySelectorAll("section h3").Length);
        Assert.Contains("Cantine en lecture", document.TextContent);
        Assert.Contains("Quotient familial CAF & MSA", document.TextContent);
        Assert.Empty(document.QuerySelectorAll("input, textarea, select"));
        Assert.Empty(document.QuerySelectorAll(".apip-missing"));
        // A draft is still being written: its page sends to the wizard, it shows no document.
        Assert.Null((await browser.GetAsync($"/demandes/{draft.Id}")).Document.GetElementById("request-document"));
    }

    [Fact]
    public async Task Home_search_and_status_filter_narrow_the_list_and_pages_hold_twenty_rows()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        await app.SubmittedAsync(applicant, "Cantine scolaire");
        for (var i = 0; i < 21; i++) await app.DraftAsync(applicant);
        var browser = await app.SignedInAsync(applicant);

        var searched = await browser.GetAsync("/espace-partenaire?q=cantine");
        Assert.Single(searched.Document.QuerySelectorAll("#requests tbody tr"));

        var drafts = await browser.GetAsync("/espace-partenaire?statut=Draft");
        Assert.Equal(20, drafts.Document.QuerySelectorAll("#requests tbody tr").Length);
        var second = await browser.GetAsync("/espace-partenaire?statut=Draft&page=2");
        Assert.Single(second.Document.QuerySelectorAll("#requests tbody tr"));

        var bogus = await browser.GetAsync("/espace-partenaire?statut=nimportequoi&page=-4");
        Assert.Equal(HttpStatusCode.OK, bogus.Status);
    }

    [Fact]
    public async Task Post_new_request_as_applicant_creates_a_draft_with_audit_and_opens_step_one()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(applicant);
        await browser.GetAsync("/espace-partenaire");

        var created = await browser.PostAsync("/demandes/nouvelle", new Dictionary<string, string> { ["UseCase"] = "libre" });

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var request = await app.WithDbAsync(db => db.AccessRequests.AsNoTracking().SingleAsync(r => r.OrganizationId == applicant.Organization.Id));
        Assert.Equal($"/demandes/{request.Id}/etapes/demarche", created.Location);
        Assert.Equal(AccessRequestStatus.Draft, request.Status);
        Assert.Equal(applicant.User.Id, request.CreatedBy);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == request.Id && a.Action == "access_request.created" && a.ActorId == applicant.User.Id)));
    }

    [Theory]
    [InlineData(MembershipRole.BusinessContact)]
    [InlineData(MembershipRole.TechnicalContact)]
    public async Task Post_new_request_as_non_applicant_member_is_forbidden(MembershipRole role)
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var member = await app.MemberOfAsync(applicant, role);
        var browser = await app.SignedInAsync(member);
        var home = await browser.GetAsync("/espace-partenaire");
        Assert.Null(home.Document.GetElementById("new-request"));

        var created = await browser.PostAsync("/demandes/nouvelle", new Dictionary<string, string> { ["UseCase"] = "libre" });

        Assert.Equal(HttpStatusCode.Forbidden, created.Status);
        Assert.Contains("Accès refusé", created.Document.QuerySelector("h1")?.TextContent);
        Assert.False(await app.WithDbAsync(db => db.AccessRequests.AnyAsync(r => r.OrganizationId == applicant.Organization.Id)));
    }

    [Fact]
    public async Task Request_page_shows_status_and_timeline_to_any_member()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var contact = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var request = await app.SubmittedAsync(applicant, "Cantine scolaire");
        var browser = await app.SignedInAsync(contact);

        var page = await browser.GetAsync($"/demandes/{request.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Cantine scolaire", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("Envoyée", page.Document.GetElementById("request-status")!.TextContent);
        var timeline = page.Document.QuerySelectorAll("#timeline li").Select(li => li.TextContent).ToList();
        Assert.Contains(timeline, t => t.Contains("Demande créée"));
        Assert.Contains(timeline, t => t.Contains("Demande envoyée pour instruction") && t.Contains("Test Partner"));
        Assert.Empty(page.Document.QuerySelectorAll("form[action$='/copier']"));
    }

    [Fact]
    public async Task Member_of_another_organization_gets_404_on_every_page_and_action()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var outsider = await app.PartnerWithOrganizationAsync("Commune voisine");
        var approved = await app.ApprovedAsync(applicant);
        var draft = await app.DraftAsync(applicant);
        var browser = await app.SignedInAsync(outsider);
        await browser.GetAsync("/espace-partenaire");

        foreach (var url in new[] { $"/demandes/{approved.Id}", $"/demandes/{approved.Id}/reouvrir", $"/demandes/{draft.Id}/archiver", $"/demandes/{Guid.NewGuid()}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).Status);
        }

        foreach (var url in new[] { $"/demandes/{approved.Id}/reouvrir", $"/demandes/{draft.Id}/archiver", $"/demandes/{draft.Id}/copier" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync(url, new Dictionary<string, string>())).Status);
        }

        var stored = await app.WithDbAsync(db => db.AccessRequests.AsNoTracking().Where(r => r.OrganizationId == applicant.Organization.Id).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Contains(stored, r => r.Id == approved.Id && r.Status == AccessRequestStatus.Approved);
        Assert.Contains(stored, r => r.Id == draft.Id && r.Status == AccessRequestStatus.Draft);
    }

    [Fact]
    public async Task Reopen_after_confirmation_puts_approved_request_back_in_draft_while_authorization_stays_active()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var approved = await app.ApprovedAsync(applicant);
        var browser = await app.SignedInAsync(applicant);

        var confirm = await browser.GetAsync($"/demandes/{approved.Id}/reouvrir");
        Assert.NotNull(confirm.Document.QuerySelector($"form[action='/demandes/{approved.Id}/reouvrir'] button"));
        var reopened = await browser.PostAsync($"/demandes/{approved.Id}/reouvrir", new Dictionary<string, string>());

        Assert.Equal($"/demandes/{approved.Id}", reopened.Location);
        var stored = await app.WithDbAsync(db => db.AccessRequests.AsNoTracking().SingleAsync(r => r.Id == approved.Id));
        Assert.Equal(AccessRequestStatus.Draft, stored.Status);
        Assert.True(stored.IsReopening);
        Assert.True(stored.HasActiveAuthorization);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == approved.Id && a.Action == "access_request.reopened" && a.FromState == "Approved" && a.ToState == "Draft")));
    }

    [Fact]
    public async Task Archive_refused_request_after_confirmation_and_refuse_archiving_a_submitted_one()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var refused = await app.RefusedAsync(applicant);
        var submitted = await app.SubmittedAsync(applicant);
        var browser = await app.SignedInAsync(applicant);

        await browser.GetAsync($"/demandes/{refused.Id}/archiver");
        var archived = await browser.PostAsync($"/demandes/{refused.Id}/archiver", new Dictionary<string, string>());
        Assert.Equal($"/demandes/{refused.Id}", archived.Location);
        Assert.Equal(AccessRequestStatus.Archived, (await app.WithDbAsync(db => db.AccessRequests.AsNoTracking().SingleAsync(r => r.Id == refused.Id))).Status);

        var page = await browser.GetAsync($"/demandes/{submitted.Id}");
        Assert.Null(page.Document.QuerySelector($"a[href='/demandes/{submitted.Id}/archiver']"));
        var refusedArchive = await browser.PostAsync($"/demandes/{submitted.Id}/archiver", new Dictionary<string, string>());
        Assert.Equal($"/demandes/{submitted.Id}", refusedArchive.Location);
        var shown = await browser.GetAsync(refusedArchive.Location!);
        Assert.NotNull(shown.Document.QuerySelector(".fr-alert"));
        Assert.Equal(AccessRequestStatus.Submitted, (await app.WithDbAsync(db => db.AccessRequests.AsNoTracking().SingleAsync(r => r.Id == submitted.Id))).Status);
    }

    [Fact]
    public async Task Copy_creates_a_new_draft_with_the_same_content_but_no_charter_acceptance()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var approved = await app.ApprovedAsync(applicant, "Crèches municipales");
        var browser = await app.SignedInAsync(applicant);
        await browser.GetAsync($"/demandes/{approved.Id}");

        var copied = await browser.PostAsync($"/demandes/{approved.Id}/copier", new Dictionary<string, string>());

        var copy = await app.WithDbAsync(db => db.AccessRequests.AsNoTracking().SingleAsync(r => r.OrganizationId == applicant.Organization.Id && r.Id != approved.Id));
        Assert.Equal($"/demandes/{copy.Id}/etapes/demarche", copied.Location);
        Assert.Equal(AccessRequestStatus.Draft, copy.Status);
        Assert.Equal("Crèches municipales", copy.Procedure.Name);
        Assert.Equal(["cnaf_quotient_familial"], copy.Scopes);
        Assert.False(copy.Engagements.IsCharterAccepted);
        Assert.Equal(approved.Id, copy.CopiedFromId);
    }
}
