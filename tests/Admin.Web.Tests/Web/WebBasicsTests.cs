using System.Net;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Web;

public sealed class WebBasicsTests(ProductionLikeFactory app) : IClassFixture<ProductionLikeFactory>
{
    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        var response = await app.CreateBrowser().GetAsync("/compte/connexion");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_outside_development()
    {
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://admin.api-particulier.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/compte/connexion");

        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Unknown_page_answers_404_with_french_dsfr_page()
    {
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.GetAsync("/cette-page-n-existe-pas");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page non trouvée", page.Document.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.Document.QuerySelector("header.fr-header"));
    }

    [Fact]
    public async Task Unhandled_exception_answers_500_in_french_without_stack_trace()
    {
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.GetAsync("/test/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("Erreur inattendue", page.Document.QuerySelector("h1")?.TextContent);
        var html = page.Document.DocumentElement.OuterHtml;
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("Boom for the test", html);
        Assert.DoesNotContain(" at ", page.Text.Replace("à", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_endpoints_answer_and_ready_checks_the_database()
    {
        var client = app.CreateBrowser();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Layout_has_skip_links_header_navigation_and_footer()
    {
        var page = await new Browser(app.CreateBrowser()).GetAsync("/");

        Assert.Equal("fr", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.Document.QuerySelector(".fr-skiplinks a[href='#contenu']"));
        Assert.NotNull(page.Document.QuerySelector("main#contenu"));
        Assert.NotNull(page.Document.QuerySelector("nav#navigation"));
        Assert.NotNull(page.Document.QuerySelector("footer#footer"));
    }

    [Fact]
    public async Task Dsfr_assets_are_served_locally()
    {
        var client = app.CreateBrowser();

        var css = await client.GetAsync("/lib/dsfr/dsfr.min.css");
        var js = await client.GetAsync("/lib/dsfr/dsfr.module.min.js");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }
}

/// <summary>The app as outside Development (exception page hidden, HSTS on), plus one failing endpoint.</summary>
public sealed class ProductionLikeFactory : AdminWebFactory
{
    protected override string EnvironmentName => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddControllersWithViews().AddApplicationPart(typeof(ThrowingController).Assembly));
    }
}

public sealed class ThrowingController : Controller
{
    [HttpGet("/test/boom")]
    public IActionResult Boom() => throw new InvalidOperationException("Boom for the test");
}
