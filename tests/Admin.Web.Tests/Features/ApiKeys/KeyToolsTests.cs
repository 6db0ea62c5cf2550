using System.Net;
using Admin.Domain.ApiKeys;
using Admin.Domain.Users;
using Admin.Infrastructure.Keys;
using Admin.Web.Features.ApiKeys;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Features.ApiKeys;

/// <summary>The staff key search (/instruction/cles) and "Tester ma clé" (/cles/tester, /instruction/cles/tester).</summary>
public sealed class KeyToolsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static Dictionary<string, string> Key(string value) => new() { ["Key"] = value };

    private static string Mistyped(string secret) => secret[..20] + (secret[20] == 'a' ? 'b' : 'a') + secret[21..];

    [Fact]
    public async Task Post_search_by_prefix_as_auditor_shows_the_key_s_authorization_organization_status_and_history()
    {
        var arranged = await app.ApprovedWithMembersAsync("Commune recherchée");
        var (key, secret) = await app.KeyAsync(arranged, name: "Logiciel cantine");
        var applicant = await app.SignedInAsync(arranged.Applicant);
        await applicant.SubmitAsync(arranged.RevokeUrl(key.Id), new Dictionary<string, string> { ["Reason"] = "Fuite supposée" });
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var page = await auditor.SubmitAsync("/instruction/cles", Key(secret[..14]));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var match = page.Document.GetElementById($"match-{key.Id}")!;
        Assert.Contains("Logiciel cantine", match.TextContent);
        Assert.Contains("Commune recherchée", match.TextContent);
        Assert.Equal("Révoquée", match.QuerySelector(".match-status")!.TextContent.Trim());
        Assert.NotNull(match.QuerySelector($"a[href='/instruction/habilitations/{arranged.AuthorizationId}/cles']"));
        var history = match.QuerySelectorAll(".match-history li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, history.Count);
        Assert.Contains("Clé créée", history[0]);
        Assert.Contains("Clé révoquée", history[1]);
        Assert.Contains("Fuite supposée", history[1]);
        Assert.Contains("no-store", page.Response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Post_search_by_full_value_finds_that_key_and_never_shows_the_value_back()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, secret) = await app.KeyAsync(arranged);
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        var page = await instructor.SubmitAsync("/instruction/cles", Key(secret));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Single(page.Document.QuerySelectorAll("[id^='match-']"));
        Assert.Equal("Active", page.Document.GetElementById($"match-{key.Id}")!.QuerySelector(".match-status")!.TextContent.Trim());
        Assert.Contains("valeur complète", page.Document.GetElementById("search-result")!.TextContent);
        Assert.DoesNotContain(secret[10..], page.Document.DocumentElement.OuterHtml);
        Assert.Null(page.ValueOf("Key"));
    }

    [Fact]
    public async Task Post_search_with_a_mistyped_full_key_searches_its_prefix_and_says_why()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, secret) = await app.KeyAsync(arranged);
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        var page = await instructor.SubmitAsync("/instruction/cles", Key(Mistyped(secret)));

        Assert.NotNull(page.Document.GetElementById($"match-{key.Id}"));
        Assert.Contains("somme de contrôle", page.Document.GetElementById("search-note")!.TextContent);
    }

    [Theory]
    [InlineData("", "key_search.required")]
    [InlineData("apip_live_3k", "key_search.not_a_key")]
    [InlineData("bonjour", "key_search.not_a_key")]
    public async Task Post_search_with_nothing_usable_shows_the_french_error_next_to_the_field(string typed, string code)
    {
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var page = await auditor.SubmitAsync("/instruction/cles", Key(typed));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var expected = code == "key_search.required" ? FindKey.Required.Message : FindKey.NotAKey.Message;
        Assert.Equal([expected], page.ErrorsFor("Key"));
    }

    [Fact]
    public async Task Post_search_for_test_token_says_what_it_is()
    {
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var page = await auditor.SubmitAsync("/instruction/cles", Key("test-token"));

        Assert.NotNull(page.Document.GetElementById("search-test-token"));
    }

    [Fact]
    public async Task Get_and_post_search_and_staff_test_as_partner_are_refused()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (_, secret) = await app.KeyAsync(arranged);
        var applicant = await app.SignedInAsync(arranged.Applicant);

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/instruction/cles")).Status);
        await applicant.GetAsync("/cles/tester");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync("/instruction/cles", Key(secret))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync("/instruction/cles/tester", Key(secret))).Status);
    }

    [Fact]
    public async Task Post_test_as_the_technical_contact_shows_authorization_organization_french_scopes_limits_expiry_and_status()
    {
        var arranged = await app.ApprovedWithMembersAsync("Commune testeuse");
        var (_, secret) = await app.KeyAsync(arranged, name: "Portail famille");
        var technical = await app.SignedInAsync(arranged.Technical);
        var keys = await technical.GetAsync(arranged.KeysUrl);
        Assert.Equal("/cles/tester", keys.Document.GetElementById("test-key-link")?.GetAttribute("href"));

        var page = await technical.SubmitAsync("/cles/tester", Key($"  {secret} "));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("bien formée", page.Document.GetElementById("test-result")!.TextContent);
        Assert.Contains("Commune testeuse", page.Document.GetElementById("test-organization")!.TextContent);
        Assert.Contains("Portail famille", page.Document.GetElementById("test-key")!.TextContent);
        Assert.Equal("Active", page.Document.GetElementById("test-status")!.TextContent.Trim());
        Assert.Contains("20 appels par seconde", page.Document.GetElementById("test-limits")!.TextContent);
        Assert.NotEqual("aucune", page.Document.GetElementById("test-expiry")!.TextContent.Trim());
        Assert.Contains("Quotient familial", page.Document.GetElementById("test-scopes")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no-store", page.Response.Headers.CacheControl!.ToString());
        Assert.DoesNotContain(secret[10..], page.Document.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Post_test_of_another_organization_s_key_answers_only_well_formed_exactly_as_an_unknown_key()
    {
        var victim = await app.ApprovedWithMembersAsync("Commune secrète");
        var (_, secret) = await app.KeyAsync(victim, name: "Logiciel confidentiel");
        var outsider = await app.ApprovedWithMembersAsync("Commune curieuse");
        var browser = await app.SignedInAsync(outsider.Applicant);

        var other = await browser.SubmitAsync("/cles/tester", Key(secret));
        var unknown = await browser.SubmitAsync("/cles/tester", Key(ApiKeySecrets.Generate(ApiKeyEnvironment.Production).Secret));

        Assert.Equal(HttpStatusCode.OK, other.Status);
        var result = other.Document.GetElementById("test-result")!;
        Assert.Contains("bien formée", result.TextContent);
        Assert.NotNull(other.Document.GetElementById("test-unknown"));
        Assert.Equal(unknown.Document.GetElementById("test-result")!.OuterHtml, result.OuterHtml);
        Assert.DoesNotContain("Commune secrète", other.Text);
        Assert.DoesNotContain("Logiciel confidentiel", other.Text);
        Assert.DoesNotContain(secret[..14], other.Document.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Post_test_as_the_business_contact_of_the_organization_reveals_nothing_either()
    {
        var arranged = await app.ApprovedWithMembersAsync("Commune métier");
        var (_, secret) = await app.KeyAsync(arranged, name: "Logiciel réservé");
        var business = await app.SignedInAsync(arranged.Business);

        var page = await business.SubmitAsync("/cles/tester", Key(secret));

        Assert.NotNull(page.Document.GetElementById("test-unknown"));
        Assert.DoesNotContain("Logiciel réservé", page.Text);
    }

    [Fact]
    public async Task Post_test_as_an_auditor_shows_any_key_s_details()
    {
        var arranged = await app.ApprovedWithMembersAsync("Commune auditée");
        var (_, secret) = await app.KeyAsync(arranged);
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var page = await auditor.SubmitAsync("/instruction/cles/tester", Key(secret));

        Assert.Contains("Commune auditée", page.Document.GetElementById("test-organization")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector($"#test-authorization a[href='/instruction/habilitations/{arranged.AuthorizationId}/cles']"));
    }

    [Fact]
    public async Task Post_test_of_a_mistyped_key_says_its_checksum_does_not_match_and_of_a_foreign_string_its_prefix()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (_, secret) = await app.KeyAsync(arranged);
        var browser = await app.SignedInAsync(arranged.Applicant);

        var mistyped = await browser.SubmitAsync("/cles/tester", Key(Mistyped(secret)));
        var foreign = await browser.SubmitAsync("/cles/tester", Key("sk_live_0123456789"));
        var cut = await browser.SubmitAsync("/cles/tester", Key(secret[..40]));

        Assert.Equal(TestKey.ProblemText(ApiKeyFormatProblem.ChecksumMismatch), mistyped.Document.GetElementById("test-problem")!.TextContent.Trim());
        Assert.Equal(TestKey.ProblemText(ApiKeyFormatProblem.UnknownPrefix), foreign.Document.GetElementById("test-problem")!.TextContent.Trim());
        Assert.Equal(TestKey.ProblemText(ApiKeyFormatProblem.WrongLength), cut.Document.GetElementById("test-problem")!.TextContent.Trim());
        Assert.Contains("mal formée", mistyped.Document.GetElementById("test-result")!.TextContent);
    }

    [Fact]
    public async Task Post_test_without_a_key_shows_the_french_error_next_to_the_field()
    {
        var partner = await app.SignedInAsync(await app.PartnerWithOrganizationAsync());

        var page = await partner.SubmitAsync("/cles/tester", Key("   "));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([TestKey.Required.Message], page.ErrorsFor("Key"));
        Assert.Null(page.Document.GetElementById("test-result"));
    }

    [Fact]
    public async Task Post_test_of_test_token_shows_its_public_terms_with_every_offered_scope()
    {
        var partner = await app.SignedInAsync(await app.PartnerWithOrganizationAsync());

        var page = await partner.SubmitAsync("/cles/tester", Key("test-token"));

        Assert.Contains("jeton de test public", page.Document.GetElementById("test-result")!.TextContent);
        Assert.Equal("Active", page.Document.GetElementById("test-status")!.TextContent.Trim());
        Assert.Equal("aucune", page.Document.GetElementById("test-expiry")!.TextContent.Trim());
        var offered = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Scopes, s => !s.IsRetired));
        Assert.Equal(offered, page.Document.QuerySelectorAll("#test-scopes li").Length);
        Assert.Null(page.Document.GetElementById("test-organization"));
    }

    [Fact]
    public async Task Post_test_without_the_antiforgery_token_is_refused()
    {
        var partner = await app.SignedInAsync(await app.PartnerWithOrganizationAsync());

        var page = await partner.PostAsync("/cles/tester", Key("test-token"), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.Document.GetElementById("test-result"));
    }
}
