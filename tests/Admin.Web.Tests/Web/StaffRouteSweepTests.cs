using System.Net;
using System.Text.RegularExpressions;
using Admin.Domain.Users;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Web;

/// <summary>
/// Every staff route (/instruction…, /admin…), discovered from the app's endpoints, not listed by
/// hand: a partner is refused everywhere; an auditor reads every page but every POST is refused and
/// nothing changes (the forms that change something, decisions and drafts prepared for an
/// organization, are refused to an auditor already on GET); an instructor cannot reach the administration.
/// </summary>
public sealed class StaffRouteSweepTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static readonly string[] Fields = ["Form.Version", "Form.Message", "Form.Reason", "Form.GrantedScopes", "Form.Name", "Form.ApplicantId",
        "Form.NewApplicantId", "Email", "Role", "Code", "Label", "Title", "Text", "intent"];

    [Fact]
    public async Task A_partner_gets_403_on_every_staff_route_get_and_post()
    {
        var (request, _) = await ArrangeAsync();
        var partner = await app.SignedInAsync(await app.PartnerWithOrganizationAsync());
        await partner.GetAsync("/espace-partenaire");

        var checkedRoutes = 0;
        foreach (var (method, pattern) in StaffRoutes())
        {
            var url = UrlOf(pattern, request);
            var page = method == "GET" ? await partner.GetAsync(url) : await partner.PostAsync(url, Form(request.Version));
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"{method} {url} answered {(int)page.Status} {page.Location}");
            checkedRoutes++;
        }

        Assert.True(checkedRoutes >= 20, $"only {checkedRoutes} staff routes checked");
    }

    [Fact]
    public async Task An_auditor_reads_every_staff_page_but_every_post_is_refused_and_nothing_changes()
    {
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);
        var (request, before) = await ArrangeAsync();
        var reads = 0;
        var posts = 0;

        foreach (var (method, pattern) in StaffRoutes())
        {
            var url = UrlOf(pattern, request);
            var administration = pattern.StartsWith("admin", StringComparison.Ordinal);
            if (method == "GET")
            {
                var page = await auditor.GetAsync(url);
                if (administration) Assert.True(page.Status == HttpStatusCode.Forbidden, $"GET {url} answered {(int)page.Status}");
                else if (pattern.Contains("documents", StringComparison.Ordinal)) Assert.Equal(HttpStatusCode.NotFound, page.Status); // a made-up document
                else if (!IsWriteForm(pattern)) { Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} answered {(int)page.Status} {page.Location}"); reads++; }
                else Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            }
            else
            {
                await auditor.GetAsync($"/instruction/demandes/{request.Id}");
                var page = await auditor.PostAsync(url, Form(request.Version));
                // The key search and "Tester une clé" post the key so that it never is in a URL: reads, open to auditors.
                if (IsReadOnlyPost(pattern)) Assert.True(page.Status == HttpStatusCode.BadRequest, $"POST {url} answered {(int)page.Status} {page.Location}");
                else Assert.True(page.Status == HttpStatusCode.Forbidden, $"POST {url} answered {(int)page.Status} {page.Location}");
                posts++;
            }
        }

        Assert.True(reads >= 5 && posts >= 5, $"{reads} reads, {posts} posts");
        Assert.Equal(before, await SnapshotAsync(request.Id));
    }

    [Fact]
    public async Task An_instructor_cannot_reach_the_administration()
    {
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);
        var (request, before) = await ArrangeAsync();
        await instructor.GetAsync("/instruction");
        var checkedRoutes = 0;

        foreach (var (method, pattern) in StaffRoutes().Where(r => r.Pattern.StartsWith("admin", StringComparison.Ordinal)))
        {
            var url = UrlOf(pattern, request);
            var page = method == "GET" ? await instructor.GetAsync(url) : await instructor.PostAsync(url, Form(request.Version));
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"{method} {url} answered {(int)page.Status}");
            checkedRoutes++;
        }

        Assert.True(checkedRoutes >= 10, $"only {checkedRoutes} administration routes checked");
        Assert.Equal(before, await SnapshotAsync(request.Id));
    }

    /// <summary>A submitted request for the request routes, and an approved one with a key for the key routes.</summary>
    private async Task<(Admin.Domain.AccessRequests.AccessRequest Request, string Snapshot)> ArrangeAsync()
    {
        var request = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync("Commune balayée"));
        var withKeys = await app.ApprovedWithMembersAsync("Commune aux clés balayée");
        var (key, _) = await app.KeyAsync(withKeys);
        _keys = (withKeys.AuthorizationId, key.Id);
        _gatewayId = await app.WithDbAsync(async db =>
        {
            var gateway = Admin.Domain.Gateways.GatewayClient.Create("Passerelle balayée", Admin.Domain.ApiKeys.ApiKeyEnvironment.Production,
                Admin.Infrastructure.Keys.GatewayCredentialSecrets.Generate().Material, Guid.NewGuid(), DateTimeOffset.UtcNow).Value;
            db.GatewayClients.Add(gateway);
            await db.SaveChangesAsync();
            return gateway.Id;
        });
        return (request, await SnapshotAsync(request.Id));
    }

    private (Guid AuthorizationId, Guid KeyId) _keys;
    private Guid _gatewayId;

    [Fact]
    public void The_sweep_covers_the_use_case_administration()
    {
        Assert.Contains(("GET", "admin/cas-usage"), StaffRoutes());
        Assert.Contains(("POST", "admin/cas-usage/{id:guid}/retirer"), StaffRoutes());
    }

    [Fact]
    public void The_sweep_covers_the_gateway_credentials()
    {
        Assert.Contains(("GET", "admin/passerelles"), StaffRoutes());
        Assert.Contains(("POST", "admin/passerelles/nouvelle"), StaffRoutes());
        Assert.Contains(("POST", "admin/passerelles/{id:guid}/revoquer"), StaffRoutes());
    }

    private IEnumerable<(string Method, string Pattern)> StaffRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: (e.RoutePattern.RawText ?? "").TrimStart('/'))))
            .Where(r => r.Method is "GET" or "POST")
            .Where(r => (r.Pattern.StartsWith("instruction", StringComparison.Ordinal) || r.Pattern.StartsWith("admin/", StringComparison.Ordinal))
                        && !r.Pattern.StartsWith("admin/jobs", StringComparison.Ordinal))
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal);

    /// <summary>Forms that change something, refused to an auditor already on GET: a decision, a draft prepared for an organization, a key revocation, a suspension.</summary>
    private static bool IsWriteForm(string pattern) =>
        pattern.Contains("/decision/", StringComparison.Ordinal) || pattern.Contains("/preparer", StringComparison.Ordinal)
        || pattern.EndsWith("/revoquer", StringComparison.Ordinal) || pattern.EndsWith("/suspendre", StringComparison.Ordinal)
        || pattern.EndsWith("/ecrire", StringComparison.Ordinal);

    /// <summary>Forms that post a key to read about it (never in a URL): they change nothing and every staff role uses them.</summary>
    private static bool IsReadOnlyPost(string pattern) => pattern is "instruction/cles" or "instruction/cles/tester";

    [Fact]
    public void The_sweep_covers_the_key_search_and_test()
    {
        Assert.Contains(("POST", "instruction/cles"), StaffRoutes());
        Assert.Contains(("POST", "instruction/cles/tester"), StaffRoutes());
    }

    private string UrlOf(string pattern, Admin.Domain.AccessRequests.AccessRequest request) =>
        "/" + Regex.Replace(pattern, @"\{([^}:]+)[^}]*\}", m => m.Groups[1].Value switch
        {
            "slug" => "refus",
            "code" => "cnaf_quotient_familial",
            "documentId" => Guid.NewGuid().ToString(),
            "organizationId" => request.OrganizationId.ToString(),
            "authorizationId" => _keys.AuthorizationId.ToString(),
            "keyId" => _keys.KeyId.ToString(),
            "id" when pattern.StartsWith("admin/passerelles", StringComparison.Ordinal) => _gatewayId.ToString(),
            _ => request.Id.ToString(),
        });

    private static Dictionary<string, string> Form(int version) =>
        Fields.ToDictionary(f => f, f => f switch
        {
            "Form.Version" => version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Form.GrantedScopes" => "cnaf_quotient_familial",
            "Form.ApplicantId" or "Form.NewApplicantId" => Guid.NewGuid().ToString(),
            "Role" => "Administrator",
            "Email" => "intrus@exemple.fr",
            "intent" => "confirm",
            _ => "Essai",
        });

    private Task<string> SnapshotAsync(Guid requestId) => app.WithDbAsync(async db =>
    {
        var request = await db.AccessRequests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        var authorizations = await db.Authorizations.CountAsync();
        var users = await db.Users.CountAsync();
        var scopes = await db.Scopes.CountAsync(s => s.IsRetired);
        var charters = await db.CharterVersions.CountAsync();
        var requests = await db.AccessRequests.CountAsync();
        var keys = await db.ApiKeys.CountAsync(k => k.RevokedAt == null);
        var gateways = await db.GatewayClients.CountAsync(c => c.RevokedAt == null);
        var suspended = await db.Authorizations.CountAsync(a => a.Status == Admin.Domain.Authorizations.AuthorizationStatus.Suspended)
            + await db.Organizations.CountAsync(o => o.IsSuspended);
        return $"suspended {suspended}|gateways {gateways}|request {request.Status} v{request.Version} assigned {request.AssignedTo} applicant {request.ApplicantId}|requests {requests}|authorizations {authorizations}|users {users}|retired {scopes}|charters {charters}|active keys {keys}";
    });
}
