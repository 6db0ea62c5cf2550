using System.Net;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Web;

/// <summary>
/// Every GET route of the app, with made-up ids and hostile values in its parameters, asked by an
/// anonymous visitor and by a partner of another organization: never a 500, never another's data.
/// </summary>
public sealed class RouteSweepTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task No_get_route_answers_500_to_made_up_or_hostile_parameters()
    {
        var victim = await app.PartnerWithOrganizationAsync("Commune victime");
        var request = await app.DraftAsync(victim);
        var outsider = await app.SignedInAsync(await app.PartnerWithOrganizationAsync("Commune curieuse"));
        var anonymous = new Browser(app.CreateBrowser());

        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => !p.StartsWith("admin/jobs", StringComparison.Ordinal) && !p.StartsWith("/admin/jobs", StringComparison.Ordinal) && !p.Contains("test/boom", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains(patterns, p => p.Contains("demandes", StringComparison.Ordinal));

        var values = new[] { request.Id.ToString(), victim.Organization.Id.ToString(), Guid.NewGuid().ToString(), "..%2F..%2Fetc", "%3Cscript%3E", "0" };
        var checkedUrls = 0;
        foreach (var pattern in patterns)
        {
            foreach (var value in values)
            {
                var url = "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{[^}]+\}", value);
                foreach (var browser in new[] { anonymous, outsider })
                {
                    var response = await browser.Client.GetAsync(url);
                    checkedUrls++;
                    Assert.True((int)response.StatusCode < 500, $"GET {url} answered {(int)response.StatusCode}");
                    if (browser == outsider && response.StatusCode == HttpStatusCode.OK)
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        Assert.DoesNotContain("Commune victime", body);
                    }
                }
            }
        }

        Assert.True(checkedUrls > 100, $"only {checkedUrls} URLs checked");
    }

    [Fact]
    public async Task No_post_route_lets_another_organization_change_anything_nor_answers_500()
    {
        var victim = await app.PartnerWithOrganizationAsync("Commune victime");
        var request = await app.DraftAsync(victim);
        var outsider = await app.SignedInAsync(await app.PartnerWithOrganizationAsync("Commune curieuse"));
        await outsider.GetAsync("/espace-partenaire");
        var before = await SnapshotAsync(victim, request.Id);

        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => p.Contains('{') && !p.Contains("test/boom", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains(patterns, p => p.Contains("soumettre", StringComparison.Ordinal));

        var fields = new Dictionary<string, string>
        {
            ["Role"] = "Applicant", ["Email"] = "intrus@commune-curieuse.fr", ["Form.Name"] = "Piraté", ["intent"] = "continue", ["version"] = "0",
        };
        foreach (var pattern in patterns)
        {
            var url = "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{([^}:]+)[^}]*\}", m =>
                m.Groups[1].Value switch
                {
                    "userId" => victim.User.Id.ToString(),
                    "step" => "demarche",
                    "token" => "x",
                    _ when pattern.Contains("organisations", StringComparison.Ordinal) => victim.Organization.Id.ToString(),
                    _ => request.Id.ToString(),
                });
            var page = await outsider.PostAsync(url, fields);
            Assert.True((int)page.Status < 500, $"POST {url} answered {(int)page.Status}");
            // Not 400: a validation answer (or a refused antiforgery token) would mean the route was not refused for the right reason.
            Assert.True(page.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                || page.Location?.Contains("/erreur/", StringComparison.Ordinal) == true,
                $"POST {url} answered {(int)page.Status} {page.Location}");
        }

        Assert.Equal(before, await SnapshotAsync(victim, request.Id));
    }

    private Task<string> SnapshotAsync(PartnerArrangement victim, Guid requestId) => app.WithDbAsync(async db =>
    {
        var members = await db.Memberships.Where(m => m.OrganizationId == victim.Organization.Id)
            .Select(m => m.UserId + ":" + m.Role).ToListAsync();
        var invitations = await db.Invitations.CountAsync(i => i.OrganizationId == victim.Organization.Id);
        var request = await db.AccessRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        var copies = await db.AccessRequests.CountAsync(r => r.CopiedFromId == requestId);
        var documents = await db.Documents.CountAsync(d => d.AccessRequestId == requestId || d.OrganizationId == victim.Organization.Id);
        var acceptances = await db.CharterAcceptances.CountAsync(a => a.OrganizationId == victim.Organization.Id);
        return $"members {string.Join(",", members.Order())}|invitations {invitations}|request {request.Status} v{request.Version} "
            + $"{request.Procedure.Name}|copies {copies}|documents {documents}|charter acceptances {acceptances}";
    });
}
