using System.Net;
using Admin.Domain.Organizations;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Features.Organizations;

public sealed class MyOrganizationsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private const string Url = "/organisations";

    [Fact]
    public async Task Get_lists_organizations_with_siret_french_role_and_the_current_one()
    {
        var other = await app.PartnerWithOrganizationAsync("Ville de Lyon");
        var partner = await app.PartnerWithOrganizationAsync("Commune d'Annecy");
        await app.MemberOfAsync(other, MembershipRole.BusinessContact);
        var contact = await app.MemberOfAsync(partner, MembershipRole.TechnicalContact);
        var browser = await app.SignedInAsync(contact);

        var page = await browser.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = Assert.Single(page.Document.QuerySelectorAll("tbody tr"));
        Assert.Contains("Commune d'Annecy", row.TextContent);
        Assert.Contains(partner.Organization.Siret.Formatted, row.TextContent);
        Assert.Equal("Contact technique", row.QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Contains("Organisation courante", row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/organisations/{partner.Organization.Id}/membres']"));
        Assert.DoesNotContain("Ville de Lyon", page.Text);
        Assert.NotNull(page.Document.QuerySelector("a[href='/organisations/nouvelle']"));
        Assert.NotNull(page.Document.QuerySelector("table caption"));
    }

    [Fact]
    public async Task Get_without_organization_explains_how_to_register_or_be_invited()
    {
        var browser = await app.SignedInAsync(await app.PartnerWithoutOrganizationAsync());

        var page = await browser.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Vous n'êtes membre d'aucune organisation", page.Text);
        Assert.Contains("demandez à l'un de ses demandeurs de vous inviter", page.Text);
        Assert.NotNull(page.Document.QuerySelector("a[href='/organisations/nouvelle']"));
        Assert.Null(page.Document.QuerySelector("table"));
    }

    [Fact]
    public async Task Post_choose_switches_the_current_organization()
    {
        var first = await app.PartnerWithOrganizationAsync("Commune A");
        var second = await app.PartnerWithOrganizationAsync("Commune B");
        var member = await app.MemberOfAsync(first, MembershipRole.Applicant);
        await app.JoinAsync(member, second, MembershipRole.BusinessContact);
        var browser = await app.SignedInAsync(member).ReadyToPostAsync();

        var page = await browser.PostAsync($"/organisations/{second.Organization.Id}/choisir", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/espace-partenaire", page.Location);
        var list = await browser.GetAsync(Url);
        var current = list.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Organisation courante"));
        Assert.Contains("Commune B", current.TextContent);
    }
}
