using System.Net;
using System.Text.RegularExpressions;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Web;

/// <summary>
/// Every partner key route (/habilitations/…), discovered from the app's endpoints, not listed by
/// hand: the organization's business contact is refused (403) and a member of another organization
/// is told it does not exist (404), on every GET and POST, with well-formed forms and after confirming
/// their identity, so the refusal is the only reason; and no key changes.
/// </summary>
public sealed class KeyRouteSweepTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static readonly Dictionary<string, string> Form = new()
    {
        ["Form.Name"] = "Clé pirate", ["Form.Environment"] = "Production", ["Reason"] = "Essai d'intrusion",
        ["Overlap"] = "Days7", ["AllowedIps"] = "203.0.113.7",
    };

    [Fact]
    public async Task A_business_contact_gets_403_and_another_organization_404_on_every_key_route()
    {
        var arranged = await app.ApprovedWithMembersAsync("Commune balayée");
        var (key, _) = await app.KeyAsync(arranged);
        var outsider = await app.PartnerWithOrganizationAsync("Commune curieuse");
        var before = await SnapshotAsync(arranged.AuthorizationId);

        var checkedRoutes = 0;
        foreach (var (who, expected) in new[] { (arranged.Business, HttpStatusCode.Forbidden), (outsider, HttpStatusCode.NotFound) })
        {
            var browser = await app.SignedInAsync(who);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.ConfirmIdentityAsync(who.Password)).Status);
            foreach (var (method, pattern) in KeyRoutes())
            {
                var url = UrlOf(pattern, arranged.AuthorizationId, key.Id);
                await browser.GetAsync("/espace-partenaire");
                var page = method == "GET" ? await browser.GetAsync(url) : await browser.PostAsync(url, Form);
                Assert.True(page.Status == expected, $"{method} {url} answered {(int)page.Status} {page.Location} to {(expected == HttpStatusCode.Forbidden ? "the business contact" : "an outsider")}");
                checkedRoutes++;
            }
        }

        Assert.True(checkedRoutes >= 10, $"only {checkedRoutes} key routes checked");
        Assert.Equal(before, await SnapshotAsync(arranged.AuthorizationId));
    }

    [Fact]
    public async Task The_applicant_reaches_every_key_page_of_the_sweep()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, _) = await app.KeyAsync(arranged);
        var browser = await app.SignedInAsync(arranged.Applicant);
        await browser.ConfirmIdentityAsync(arranged.Applicant.Password);

        var pages = KeyRoutes().Where(r => r.Method == "GET").ToList();
        foreach (var (_, pattern) in pages)
        {
            var url = UrlOf(pattern, arranged.AuthorizationId, key.Id);
            var page = await browser.GetAsync(url);
            // The page of a just-created secret, with no secret to show, sends back to the keys.
            var expectedRedirect = pattern.EndsWith("/cles/creee", StringComparison.Ordinal) ? arranged.KeysUrl : null;
            Assert.True(expectedRedirect is null ? page.Status == HttpStatusCode.OK : page.Location == expectedRedirect,
                $"GET {url} answered {(int)page.Status} {page.Location}");
        }

        Assert.True(pages.Count >= 3, $"only {pages.Count} key pages");
    }

    [Fact]
    public void The_sweep_covers_renewal_and_the_ip_allow_list()
    {
        Assert.Contains(("POST", "habilitations/{authorizationId:guid}/cles/{keyId:guid}/renouveler"), KeyRoutes());
        Assert.Contains(("POST", "habilitations/{authorizationId:guid}/cles/{keyId:guid}/adresses-ip"), KeyRoutes());
    }

    private IEnumerable<(string Method, string Pattern)> KeyRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: (e.RoutePattern.RawText ?? "").TrimStart('/'))))
            .Where(r => r.Method is "GET" or "POST" && r.Pattern.StartsWith("habilitations/", StringComparison.Ordinal))
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal);

    private static string UrlOf(string pattern, Guid authorizationId, Guid keyId) =>
        "/" + Regex.Replace(pattern, @"\{([^}:]+)[^}]*\}", m => m.Groups[1].Value == "keyId" ? keyId.ToString() : authorizationId.ToString());

    private Task<string> SnapshotAsync(Guid authorizationId) => app.WithDbAsync(async db =>
    {
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.AuthorizationId == authorizationId).ToListAsync();
        return string.Join("|", keys.OrderBy(k => k.Id).Select(k => $"{k.Id} {k.Name} {k.RevokedAt} {k.ExpiresAt:O} {k.ReplacedById} {string.Join(',', k.AllowedIps)}"));
    });
}
