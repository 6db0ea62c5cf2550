using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Domain.Organizations;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.AccessRequests;

/// <summary>Who may see and change a request in the wizard: its organization's members see it, only the applicant changes it.</summary>
public sealed class WizardAccessTests(WizardWebFactory app) : IClassFixture<WizardWebFactory>
{
    private static readonly string[] Slugs = ["demarche", "cadre-juridique", "donnees", "donnees-personnelles", "contacts", "engagements"];

    [Fact]
    public async Task Member_of_another_organization_gets_404_on_every_page_and_action_of_the_request()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Commune A");
        var request = await app.CompleteDraftAsync(applicant);
        var owner = await app.SignedInAsync(applicant);
        await owner.UploadAsync(RequestArrange.StepUrl(request, "cadre-juridique"), new Dictionary<string, string> { ["Form.Title"] = "Texte" }.Draft(),
            "Form.Document", "texte.pdf", RequestArrange.Pdf());
        var stored = await app.StoredAsync(request.Id);
        var outsider = await app.SignedInAsync(await app.PartnerWithOrganizationAsync("Commune B"));
        await outsider.GetAsync("/espace-partenaire"); // an antiforgery token of the outsider's own session

        var statuses = new List<(string What, HttpStatusCode Status)>();
        foreach (var slug in Slugs)
        {
            statuses.Add(($"GET {slug}", (await outsider.GetAsync(RequestArrange.StepUrl(request, slug))).Status));
            statuses.Add(($"POST {slug}", (await outsider.PostAsync(RequestArrange.StepUrl(request, slug), RequestArrange.ValidForms[slug].Continue())).Status));
        }

        statuses.Add(("upload", (await UploadWithOwnTokenAsync(outsider, request)).StatusCode));
        statuses.Add(("download", (await outsider.Client.GetAsync($"/demandes/{request.Id}/documents/{stored.LegalBasis.Document!.DocumentId}")).StatusCode));
        statuses.Add(("summary", (await outsider.GetAsync($"/demandes/{request.Id}/recapitulatif")).Status));
        statuses.Add(("submit", (await outsider.PostAsync($"/demandes/{request.Id}/soumettre", new Dictionary<string, string> { ["version"] = stored.Version.ToString() })).Status));

        Assert.All(statuses, s => Assert.True(s.Status == HttpStatusCode.NotFound, $"{s.What} answered {s.Status}"));
        var after = await app.StoredAsync(request.Id);
        Assert.Equal((AccessRequestStatus.Draft, stored.Version, "Texte"), (after.Status, after.Version, after.LegalBasis.Title));
    }

    [Fact]
    public async Task Business_contact_of_the_organization_sees_steps_read_only_and_gets_403_on_every_post()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.CompleteDraftAsync(applicant);
        var version = (await app.StoredAsync(request.Id)).Version;
        var member = await app.SignedInAsync(await app.MemberOfAsync(applicant, MembershipRole.BusinessContact));

        var step = await member.GetAsync(RequestArrange.StepUrl(request, "demarche"));
        Assert.Equal(HttpStatusCode.OK, step.Status);
        Assert.Equal("Inscription à la cantine", step.ValueOf("Form.Name"));
        Assert.NotNull(step.Document.QuerySelector("form fieldset[disabled]"));
        Assert.Null(step.Document.QuerySelector("button[name='intent']"));
        Assert.Contains("seul le demandeur peut modifier la demande", step.Document.GetElementById("read-only")!.TextContent);

        foreach (var slug in Slugs)
        {
            var page = await member.PostAsync(RequestArrange.StepUrl(request, slug), RequestArrange.ValidForms[slug].Continue());
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"POST {slug} answered {page.Status}");
        }

        var submit = await member.PostAsync($"/demandes/{request.Id}/soumettre", new Dictionary<string, string> { ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, submit.Status);
        var after = await app.StoredAsync(request.Id);
        Assert.Equal((AccessRequestStatus.Draft, version), (after.Status, after.Version));
    }

    [Fact]
    public async Task Submitted_request_shows_steps_read_only_and_refuses_a_post_with_the_domain_message()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.CompleteDraftAsync(applicant);
        var browser = await app.SignedInAsync(applicant);
        await browser.SubmitAsync($"/demandes/{request.Id}/recapitulatif",
            new Dictionary<string, string> { ["version"] = (await app.StoredAsync(request.Id)).Version.ToString() }, $"/demandes/{request.Id}/soumettre");

        var step = await browser.GetAsync(RequestArrange.StepUrl(request, "donnees-personnelles"));
        Assert.Contains("Cette demande ne peut plus être modifiée dans son état actuel.", step.Document.GetElementById("read-only")!.TextContent);
        Assert.NotNull(step.Document.QuerySelector("form fieldset[disabled]"));

        var form = RequestArrange.ValidForms["donnees-personnelles"];
        form["Form.Recipients"] = "Tout le monde";
        var page = await browser.PostAsync(RequestArrange.StepUrl(request, "donnees-personnelles"), form.Continue());

        Assert.Equal(HttpStatusCode.Conflict, page.Status);
        Assert.Contains("Cette demande ne peut plus être modifiée dans son état actuel.", page.Document.GetElementById("error-summary")!.TextContent);
        Assert.Equal("Tout le monde", page.ValueOf("Form.Recipients"));
        Assert.Equal("Service scolaire", (await app.StoredAsync(request.Id)).DataProtection.Recipients);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.DraftAsync(applicant);
        var anonymous = new Browser(app.CreateBrowser());

        var page = await anonymous.GetAsync(RequestArrange.StepUrl(request, "demarche"));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/compte/connexion", page.Location);
    }

    private static async Task<HttpResponseMessage> UploadWithOwnTokenAsync(Browser outsider, AccessRequest request)
    {
        // The outsider cannot open A's form; they post with a token of their own session.
        var home = await outsider.GetAsync("/espace-partenaire");
        var token = home.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Texte"), "Form.Title" },
            { new ByteArrayContent(RequestArrange.Pdf()), "Form.Document", "texte.pdf" },
        };
        return await outsider.Client.PostAsync(RequestArrange.StepUrl(request, "cadre-juridique"), body);
    }
}
