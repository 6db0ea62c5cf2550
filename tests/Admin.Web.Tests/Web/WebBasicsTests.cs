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
    public async Task Get_health_ready_answers_503_when_the_database_cannot_be_opened_while_live_stays_200()
    {
        var missing = Path.Combine(app.DataDirectory, "absent", "folder", "admin.db");
        using var broken = app.WithWebHostBuilder(builder => builder
            .UseSetting("ConnectionStrings:Sqlite", $"Data Source={missing};Mode=ReadWrite")
            .UseSetting("Database:MigrateOnStartup", "false"));
        var client = broken.CreateClient();

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
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
    public async Task Get_page_loads_the_dsfr_styles_and_scripts_from_this_site_only()
    {
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.GetAsync("/compte/connexion");

        var assets = page.Document.QuerySelectorAll("link[rel='stylesheet'], link[rel~='icon'], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();
        Assert.Contains(assets, a => a.StartsWith("/lib/dsfr/dsfr.min.css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/lib/dsfr/dsfr.module.min.js", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            Assert.True(asset.StartsWith('/') && !asset.StartsWith("//", StringComparison.Ordinal), $"{asset} is not served by this site");
            var response = await browser.Client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}");
        }
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
