using System.Net;
using Admin.Domain.Organizations;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Account;

/// <summary>"Mon compte": the name form, the two-factor link and the organizations one can leave from there.</summary>
public sealed class AccountSettingsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Post_name_change_stores_the_trimmed_names_shows_them_and_audits()
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(partner);

        var changed = await browser.SubmitAsync("/compte", new Dictionary<string, string> { ["FirstName"] = "  Anne-Sophie ", ["LastName"] = " Dupont-Moreau " }, "/compte/nom");

        Assert.Equal("/compte", changed.Location);
        var user = (await app.FindUserAsync(partner.Email))!;
        Assert.Equal(("Anne-Sophie", "Dupont-Moreau"), (user.FirstName, user.LastName));
        var page = await browser.GetAsync("/compte");
        Assert.Equal("Anne-Sophie", page.ValueOf("FirstName"));
        Assert.Contains("Votre nom a été modifié.", page.Text);
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == user.Id && a.Action == "account.name_changed"));
        Assert.Equal(user.Id, audit.ActorId);
        Assert.Contains("Dupont-Moreau", audit.Data);
    }

    [Theory]
    [InlineData("", "Martin", "FirstName", "Saisissez votre prénom.")]
    [InlineData("Camille", "   ", "LastName", "Saisissez votre nom.")]
    [InlineData("Camille", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "LastName", "Ce champ ne peut pas dépasser 100 caractères.")]
    public async Task Post_name_change_with_bad_input_shows_french_message_next_to_field_keeps_it_and_changes_nothing(
        string firstName, string lastName, string field, string message)
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(partner);

        var page = await browser.SubmitAsync("/compte", new Dictionary<string, string> { ["FirstName"] = firstName, ["LastName"] = lastName }, "/compte/nom");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor(field));
        Assert.Equal(lastName, page.ValueOf("LastName") ?? "");
        var user = (await app.FindUserAsync(partner.Email))!;
        Assert.Equal(("Test", "Partner"), (user.FirstName, user.LastName));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == user.Id && a.Action == "account.name_changed")));
    }

    [Fact]
    public async Task Post_name_change_without_a_session_goes_to_sign_in_and_changes_nothing()
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var anonymous = new Browser(app.CreateBrowser());
        await anonymous.GetAsync("/compte/connexion");

        var page = await anonymous.PostAsync("/compte/nom", new Dictionary<string, string> { ["FirstName"] = "Intrus", ["LastName"] = "Intrus" });

        Assert.True(SessionCookies.IsSentToSignIn(page.Response));
        Assert.Equal("Test", (await app.FindUserAsync(partner.Email))!.FirstName);
    }

    [Fact]
    public async Task Get_account_page_links_the_two_factor_page_and_names_its_state()
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(partner);

        var page = await browser.GetAsync("/compte");

        Assert.Equal("/compte/double-authentification", page.Document.GetElementById("two-factor-link")?.GetAttribute("href"));
        Assert.Contains("non activée", page.Document.GetElementById("two-factor-status")!.TextContent);
    }

    [Fact]
    public async Task Leaving_an_organization_from_the_account_page_removes_the_membership()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Commune à quitter");
        var member = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var browser = await app.SignedInAsync(member);

        var account = await browser.GetAsync("/compte");
        var row = account.Document.QuerySelectorAll("#memberships tbody tr").Single();
        Assert.Contains("Commune à quitter", row.TextContent);
        Assert.Contains("Contact métier", row.TextContent);
        var leaveUrl = row.QuerySelector("a")!.GetAttribute("href")!;
        var left = await browser.SubmitAsync(leaveUrl, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, left.Status);
        var organization = await app.StoredOrganizationAsync(applicant.Organization.Id);
        Assert.DoesNotContain(organization.Memberships, m => m.UserId == member.User.Id);
        Assert.True(await app.AuditedAsync(applicant.Organization.Id, "organization.member_left", member.User.Id));
        Assert.Empty((await browser.GetAsync("/compte")).Document.QuerySelectorAll("#memberships tbody tr"));
    }

    [Fact]
    public async Task Leaving_from_the_account_page_as_the_last_applicant_is_refused_in_french()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(applicant);

        var account = await browser.GetAsync("/compte");
        var leaveUrl = account.Document.QuerySelector("#memberships tbody tr a")!.GetAttribute("href")!;
        var refused = await browser.SubmitAsync(leaveUrl, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("désignez-en un autre", refused.Text);
        Assert.Contains((await app.StoredOrganizationAsync(applicant.Organization.Id)).Memberships, m => m.UserId == applicant.User.Id);
    }
}
