using System.Net;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Web;

/// <summary>The legal pages the DSFR footer links to, and the help page linked from the header, open to everyone.</summary>
public sealed class LegalPagesTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Theory]
    [InlineData("/accessibilite", "Défenseur des droits")]
    [InlineData("/mentions-legales", "direction interministérielle du numérique")]
    [InlineData("/donnees-personnelles", "délégué à la protection des données")]
    [InlineData("/cookies", "strictement nécessaires")]
    [InlineData("/aide", "api-particulier@api.gouv.fr")]
    public async Task Each_page_answers_anonymously_says_what_it_must_and_is_linked_from_every_page(string url, string content)
    {
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(content, page.Document.QuerySelector("main")!.TextContent);
        var home = await browser.GetAsync("/compte/connexion");
        Assert.NotNull(home.Document.QuerySelector($"footer a[href='{url}'], header a[href='{url}']"));
    }

    [Fact]
    public async Task The_cookie_page_lists_the_cookies_the_site_really_sets()
    {
        var browser = new Browser(app.CreateBrowser());
        var page = await browser.GetAsync("/cookies");
        var listed = page.Document.GetElementById("cookies")!.TextContent;

        Assert.Contains("apip_admin", listed);
        Assert.Contains("apip_org", listed);
        Assert.Contains(".AspNetCore.Antiforgery", listed);
    }
}
