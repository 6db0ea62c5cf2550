using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.AccessRequests;

/// <summary>Starting a request from a use case (cas d'usage) or as a free request.</summary>
public sealed class UseCaseChoiceTests(WizardWebFactory app) : IClassFixture<WizardWebFactory>
{
    private static readonly string[] EajeScopes =
    [
        "cnav_participation_familiale_eaje_allocataires", "cnav_participation_familiale_eaje_enfants",
        "cnav_participation_familiale_eaje_adresse", "cnav_participation_familiale_eaje_parametres_calcul",
    ];

    private async Task<(PartnerArrangement Applicant, Browser Browser, AccessRequest Request)> StartAsync(string useCase)
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(applicant);
        var created = await browser.SubmitAsync("/demandes/nouvelle", new Dictionary<string, string> { ["UseCase"] = useCase });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var request = await app.WithDbAsync(db => db.AccessRequests.AsNoTracking().SingleAsync(r => r.OrganizationId == applicant.Organization.Id));
        Assert.Equal($"/demandes/{request.Id}/etapes/demarche", created.Location);
        return (applicant, browser, request);
    }

    [Fact]
    public async Task Get_new_request_offers_every_seeded_use_case_then_the_free_request()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Commune de Choix");
        var browser = await app.SignedInAsync(applicant);
        var home = await browser.GetAsync("/espace-partenaire");
        Assert.Equal("/demandes/nouvelle", home.Document.GetElementById("new-request")!.GetAttribute("href"));

        var page = await browser.GetAsync("/demandes/nouvelle");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var values = page.Document.QuerySelectorAll("input[type='radio'][name='UseCase']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(8, values.Count);
        Assert.Contains("tarification_municipale_enfance", values);
        Assert.Equal("libre", values[^1]);
        Assert.Contains("Commune de Choix", page.Text);
        Assert.Contains("Tarification sociale des services municipaux à l'enfance", page.Document.QuerySelector("label[for='UseCase-tarification_municipale_enfance']")!.TextContent);
    }

    [Fact]
    public async Task Post_new_request_without_a_choice_is_refused_next_to_the_choice_and_creates_nothing()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(applicant);

        var page = await browser.SubmitAsync("/demandes/nouvelle", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Choisissez un cas d'usage ou « Demande libre ».", page.ErrorsFor("UseCase"));
        Assert.Equal("#UseCase", page.Document.QuerySelector("#error-summary ul a")!.GetAttribute("href"));
        Assert.StartsWith("Erreur : ", page.Document.Title);
        Assert.False(await app.WithDbAsync(db => db.AccessRequests.AnyAsync(r => r.OrganizationId == applicant.Organization.Id)));
    }

    [Fact]
    public async Task Post_new_request_with_an_unknown_or_retired_use_case_is_refused()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(applicant);

        var page = await browser.SubmitAsync("/demandes/nouvelle", new Dictionary<string, string> { ["UseCase"] = "inexistant" });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Ce cas d'usage n'est plus proposé : choisissez-en un autre ou « Demande libre ».", page.ErrorsFor("UseCase"));
        Assert.False(await app.WithDbAsync(db => db.AccessRequests.AnyAsync(r => r.OrganizationId == applicant.Organization.Id)));
    }

    [Fact]
    public async Task Get_new_request_as_a_business_contact_is_forbidden()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var contact = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var browser = await app.SignedInAsync(contact);

        var page = await browser.GetAsync("/demandes/nouvelle");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    [Fact]
    public async Task A_use_case_prefills_the_title_the_scopes_the_legal_address_and_shows_its_hint_and_offered_scopes_first()
    {
        var (applicant, browser, request) = await StartAsync("ccas");

        Assert.Equal(("Aides sociales des CCAS", "Aides sociales des CCAS", "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031106561/"),
            (request.Procedure.Name, request.UseCaseTitle, request.LegalBasis.Url));
        Assert.Equal(["cnaf_quotient_familial"], request.Scopes);
        Assert.Empty(request.LockedScopes);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == request.Id && a.Action == "access_request.created" && a.ActorId == applicant.User.Id)));

        var procedure = await browser.GetAsync(RequestArrange.StepUrl(request, "demarche"));
        Assert.Equal("Aides sociales des CCAS", procedure.ValueOf("Form.Name"));

        var scopes = await browser.GetAsync(RequestArrange.StepUrl(request, "donnees"));
        var offered = scopes.Document.GetElementById("use-case-scopes")!;
        Assert.Contains("« Aides sociales des CCAS »", offered.QuerySelector("legend")!.TextContent);
        Assert.Equal(9, offered.QuerySelectorAll("input[name='Form.Scopes']").Length);
        Assert.Equal(["cnaf_quotient_familial"], offered.QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value")));
        // Offered first, and not a second time under their provider.
        Assert.Single(scopes.Document.QuerySelectorAll("input[name='Form.Scopes'][value='cnaf_quotient_familial']"));
        Assert.NotNull(scopes.Document.QuerySelector("input[name='Form.Scopes'][value='men_statut_scolarite']"));

        var legal = await browser.GetAsync(RequestArrange.StepUrl(request, "cadre-juridique"));
        Assert.Contains("code de l'action sociale et des familles", legal.Document.GetElementById("use-case-hint")!.TextContent);
        Assert.Equal("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031106561/", legal.ValueOf("Form.Url"));
    }

    [Fact]
    public async Task Fixed_scopes_are_ticked_and_locked_and_a_forged_post_without_them_keeps_them()
    {
        var (_, browser, request) = await StartAsync("tarification_eaje");
        Assert.Equal(EajeScopes.Order(), request.Scopes.Order());

        var step = await browser.GetAsync(RequestArrange.StepUrl(request, "donnees"));
        var locked = step.Document.QuerySelectorAll("#use-case-scopes input[disabled]").ToList();
        Assert.Equal(EajeScopes.Order(), locked.Select(i => i.GetAttribute("value")).Order());
        Assert.All(locked, i => Assert.True(i.HasAttribute("checked")));

        var saved = await browser.SubmitAsync(RequestArrange.StepUrl(request, "donnees"),
            new Dictionary<string, string> { ["Form.Scopes"] = "cnaf_quotient_familial" }.Draft());

        Assert.Equal(RequestArrange.StepUrl(request, "donnees"), saved.Location);
        var stored = await app.StoredAsync(request.Id);
        Assert.Equal(EajeScopes.Append("cnaf_quotient_familial").Order(StringComparer.Ordinal), stored.Scopes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Free_request_starts_empty_without_use_case()
    {
        var (_, browser, request) = await StartAsync("libre");

        Assert.Equal(((string?)null, (Guid?)null), (request.Procedure.Name, request.UseCaseId));
        Assert.Empty(request.Scopes);
        var scopes = await browser.GetAsync(RequestArrange.StepUrl(request, "donnees"));
        Assert.Null(scopes.Document.GetElementById("use-case-scopes"));
    }

    [Fact]
    public async Task The_review_page_shows_staff_the_use_case_the_request_was_started_from()
    {
        var (applicant, _, request) = await StartAsync("tarification_municipale_enfance");
        await app.CompleteDraftAsync(applicant, "Cantine et centre de loisirs", draft: request);
        await app.WithDbAsync(async db =>
        {
            var stored = await db.AccessRequests.SingleAsync(r => r.Id == request.Id);
            stored.Submit(applicant.User.Id, await db.CurrentCharterAsync(CancellationToken.None), await db.OfferableScopesAsync(CancellationToken.None), DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        var page = await instructor.GetAsync($"/instruction/demandes/{request.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Cas d'usage : Tarification sociale des services municipaux à l'enfance", page.Document.GetElementById("use-case")!.TextContent.Trim());
    }
}
