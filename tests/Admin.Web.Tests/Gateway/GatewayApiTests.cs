using System.Net;
using System.Text.Json;
using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Infrastructure.Gateway;
using Admin.Infrastructure.Keys;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Gateway;

/// <summary>
/// The gateway contract from outside, through both endpoints: every code with its status, headers and
/// body fields. The clock is frozen, so every call of a test falls in one rate window.
/// </summary>
public sealed class GatewayApiTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    private const string FamilyRoute = "/api/v2/composition-familiale";
    private static readonly string[] FamilyScopes = ["cnaf_quotient_familial", "cnaf_enfants"];

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private async Task<(HttpClient Client, string Credential)> GatewayAsync(ApiKeyEnvironment environment = ApiKeyEnvironment.Production) =>
        (app.CreateClient(), await app.GatewayCredentialAsync(environment));

    [Fact]
    public async Task A_valid_key_gets_the_full_verification_body_with_its_limits_after_this_call()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 20, dailyQuota: 50000, monthlyQuota: 900000);
        var (client, credential) = await GatewayAsync();

        var response = await client.VerifyAsync(credential, new { key = key.Secret, scopes = new[] { "cnaf_quotient_familial" }, clientIp = "203.0.113.7" });
        var body = Json(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("valid").GetBoolean());
        Assert.Equal("VALID", body.GetProperty("code").GetString());
        Assert.Equal(key.KeyId.ToString(), body.GetProperty("keyId").GetString());
        Assert.Equal("production", body.GetProperty("environment").GetString());
        Assert.Equal(key.OrganizationId.ToString(), body.GetProperty("organization").GetProperty("id").GetString());
        Assert.Equal(key.Siret, body.GetProperty("organization").GetProperty("siret").GetString());
        Assert.Equal(key.OrganizationName, body.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal(key.AuthorizationId.ToString(), body.GetProperty("authorizationId").GetString());
        Assert.Equal(["cnaf_enfants", "cnaf_quotient_familial"], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", body.GetProperty("expiresAt").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("retryAfterSeconds").ValueKind);
        Assert.Null(response.Headers.Contains("RateLimit") ? "present" : null);

        var now = app.Clock.GetUtcNow();
        var dayEnd = ParisTime.EndOfDay(ParisTime.Today(now));
        var limits = body.GetProperty("limits").EnumerateArray().ToList();
        Assert.Equal(["rate", "daily", "monthly"], limits.Select(l => l.GetProperty("name").GetString()!));
        Assert.Equal((20, 1, 19, 1), Limit(limits[0]));
        Assert.Equal((50000, 86400, 49999, (int)Math.Ceiling((dayEnd - now).TotalSeconds)), Limit(limits[1]));
        Assert.Equal(899999, limits[2].GetProperty("remaining").GetInt64());
    }

    private static (long Limit, int Window, long Remaining, int Reset) Limit(JsonElement limit) => (
        limit.GetProperty("limit").GetInt64(), limit.GetProperty("windowSeconds").GetInt32(),
        limit.GetProperty("remaining").GetInt64(), limit.GetProperty("resetSeconds").GetInt32());

    [Fact]
    public async Task A_valid_key_passes_forward_auth_with_its_headers_and_the_rate_limit_fields()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, dailyQuota: 50000);
        var (client, credential) = await GatewayAsync();

        var response = await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute + "/?codePostal=75001", "203.0.113.7, 10.0.0.1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("VALID", response.Header("X-Api-Particulier-Code"));
        Assert.Equal(key.KeyId.ToString(), response.Header("X-Api-Particulier-Key-Id"));
        Assert.Equal(key.Siret, response.Header("X-Api-Particulier-Organization-Siret"));
        Assert.Equal("cnaf_enfants,cnaf_quotient_familial", response.Header("X-Api-Particulier-Scopes"));
        Assert.Equal("\"rate\";q=20;w=1, \"daily\";q=50000;w=86400", response.Header("RateLimit-Policy"));
        Assert.StartsWith("\"rate\";r=19;t=1, \"daily\";r=49999;t=", response.Header("RateLimit"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());

        // Bearer works as X-Api-Key does.
        var bearer = await client.ForwardAuthAsync(credential, null, FamilyRoute, headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + key.Secret });
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
    }

    public static TheoryData<string> UnknownKeys => new()
    {
        ApiKeyFormat.Compose(ApiKeyEnvironment.Production, new string('A', 32)),
        "apip_live_" + new string('A', 32) + "000000",
        "not-a-key",
        "test-token",
    };

    [Theory]
    [MemberData(nameof(UnknownKeys))]
    public async Task An_unknown_malformed_or_mistyped_key_is_not_found_with_nothing_else_said(string secret)
    {
        var (client, credential) = await GatewayAsync();

        var verify = await client.VerifyAsync(credential, new { key = secret });
        var forward = await client.ForwardAuthAsync(credential, secret, FamilyRoute);

        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Equal("{\"valid\":false,\"code\":\"NOT_FOUND\"}", await verify.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forward.StatusCode);
        Assert.Equal("NOT_FOUND", forward.Header("X-Api-Particulier-Code"));
        Assert.Equal("ApiKey", forward.Header("WWW-Authenticate"));
        Assert.Null(forward.Header("RateLimit"));
        Assert.Null(forward.Header("RateLimit-Policy"));
        Assert.Equal("application/problem+json", forward.Content.Headers.ContentType?.MediaType);
        var problem = Json(await forward.Content.ReadAsStringAsync());
        Assert.Equal("NOT_FOUND", problem.GetProperty("code").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("Clé d'API inconnue", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_sandbox_credential_never_sees_a_production_key_and_test_token_is_a_sandbox_key()
    {
        var production = await app.GatewayKeyAsync(FamilyScopes);
        var sandboxKey = await app.GatewayKeyAsync(FamilyScopes, environment: ApiKeyEnvironment.Sandbox);
        var client = app.CreateClient();
        var sandbox = await app.GatewayCredentialAsync(ApiKeyEnvironment.Sandbox);
        var live = await app.GatewayCredentialAsync();

        Assert.Equal("NOT_FOUND", await CodeAsync(client.VerifyAsync(sandbox, new { key = production.Secret })));
        Assert.Equal("NOT_FOUND", await CodeAsync(client.VerifyAsync(live, new { key = sandboxKey.Secret })));
        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(sandbox, new { key = sandboxKey.Secret })));
        Assert.Equal("NOT_FOUND", await CodeAsync(client.VerifyAsync(live, new { key = "test-token" })));

        var token = Json(await (await client.VerifyAsync(sandbox, new { key = "test-token", scopes = new[] { "cnaf_quotient_familial" } })).Content.ReadAsStringAsync());
        Assert.Equal("VALID", token.GetProperty("code").GetString());
        Assert.Equal(TestToken.FixedId.ToString(), token.GetProperty("keyId").GetString());
        Assert.Equal("sandbox", token.GetProperty("environment").GetString());
        var catalogue = await app.WithDbAsync(db => db.Scopes.AsNoTracking().ToListAsync());
        Assert.Equal(TestToken.ScopesFrom(catalogue), token.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!));
        var forward = await client.ForwardAuthAsync(sandbox, "test-token", "/v3/dss/quotient_familial/identite");
        Assert.Equal(HttpStatusCode.OK, forward.StatusCode);
    }

    private static async Task<string?> CodeAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        return Json(await response.Content.ReadAsStringAsync()).GetProperty("code").GetString();
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_with_its_details_and_limits()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes);
        var (client, credential) = await GatewayAsync();
        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret })));

        await app.ChangeKeyAsync(key.KeyId, (k, organization, _) => k.RevokeAsMember(organization, key.Applicant.User.Id, "Fuite", DateTimeOffset.UtcNow));

        var verify = Json(await (await client.VerifyAsync(credential, new { key = key.Secret })).Content.ReadAsStringAsync());
        Assert.Equal(("REVOKED", false, key.KeyId.ToString()), (verify.GetProperty("code").GetString(), verify.GetProperty("valid").GetBoolean(), verify.GetProperty("keyId").GetString()));
        Assert.Equal(19, verify.GetProperty("limits")[0].GetProperty("remaining").GetInt32());
        var forward = await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute);
        Assert.Equal((HttpStatusCode.Unauthorized, "REVOKED", "ApiKey"), (forward.StatusCode, forward.Header("X-Api-Particulier-Code"), forward.Header("WWW-Authenticate")));
        Assert.Equal("\"rate\";q=20;w=1", forward.Header("RateLimit-Policy"));
        Assert.Equal("\"rate\";r=19;t=1", forward.Header("RateLimit"));
    }

    [Fact]
    public async Task A_key_renewed_without_overlap_is_expired_and_its_successor_valid()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes);
        var (client, credential) = await GatewayAsync();
        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret })));
        var successor = ApiKeySecrets.Generate(ApiKeyEnvironment.Production);
        await app.WithDbAsync(async db =>
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.Id == key.KeyId);
            var authorization = await db.Authorizations.SingleAsync(a => a.Id == key.AuthorizationId);
            var organization = await db.Organizations.Include(o => o.Memberships).SingleAsync(o => o.Id == key.OrganizationId);
            var renewed = stored.Renew(authorization, organization, key.Applicant.User.Id, RenewalOverlap.Now, successor.Material, app.Clock.GetUtcNow());
            db.ApiKeys.Add(renewed.Value);
            await db.SaveChangesAsync();
            return true;
        });

        Assert.Equal("EXPIRED", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret })));
        var forward = await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute);
        Assert.Equal((HttpStatusCode.Unauthorized, "EXPIRED"), (forward.StatusCode, forward.Header("X-Api-Particulier-Code")));
        Assert.NotNull(forward.Header("RateLimit"));
        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = successor.Secret })));
    }

    [Fact]
    public async Task A_key_of_a_suspended_authorization_is_suspended_until_it_is_resumed()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes);
        var (client, credential) = await GatewayAsync();
        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret })));

        await app.ChangeKeyAsync(key.KeyId, (_, _, authorization) => authorization.Suspend(Guid.NewGuid(), "Contrôle CNIL en cours", DateTimeOffset.UtcNow));
        Assert.Equal("SUSPENDED", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret })));
        var forward = await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute);
        Assert.Equal((HttpStatusCode.Forbidden, "SUSPENDED"), (forward.StatusCode, forward.Header("X-Api-Particulier-Code")));
        Assert.Null(forward.Header("WWW-Authenticate"));

        await app.ChangeKeyAsync(key.KeyId, (_, _, authorization) => authorization.Resume(Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret })));
    }

    [Fact]
    public async Task A_key_of_a_suspended_organization_is_suspended_through_both_endpoints_until_it_is_resumed()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes);
        var (client, credential) = await GatewayAsync();
        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret })));

        await app.ChangeKeyAsync(key.KeyId, (_, organization, _) => organization.Suspend(Guid.NewGuid(), "Convention en cours de révision", DateTimeOffset.UtcNow));
        var verify = Json(await (await client.VerifyAsync(credential, new { key = key.Secret })).Content.ReadAsStringAsync());
        var forward = await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute);

        Assert.Equal(("SUSPENDED", key.OrganizationId.ToString()), (verify.GetProperty("code").GetString(), verify.GetProperty("organization").GetProperty("id").GetString()));
        Assert.Equal((HttpStatusCode.Forbidden, "SUSPENDED"), (forward.StatusCode, forward.Header("X-Api-Particulier-Code")));
        Assert.NotNull(forward.Header("RateLimit-Policy"));

        await app.ChangeKeyAsync(key.KeyId, (_, organization, _) => organization.Resume(Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret })));
    }

    [Theory]
    [InlineData("/api/v2/inconnue")]
    [InlineData("/api/v2/composition-familialeX")]
    [InlineData("/api/v2/avis-imposition")]
    [InlineData("/api/v2/avis-imposition/2024")]
    [InlineData("/")]
    public async Task An_unmapped_or_retired_path_is_route_not_found(string path)
    {
        var key = await app.GatewayKeyAsync(FamilyScopes);
        var (client, credential) = await GatewayAsync();

        var forward = await client.ForwardAuthAsync(credential, key.Secret, path);

        Assert.Equal((HttpStatusCode.Forbidden, "ROUTE_NOT_FOUND"), (forward.StatusCode, forward.Header("X-Api-Particulier-Code")));
        Assert.Equal("ROUTE_NOT_FOUND", Json(await forward.Content.ReadAsStringAsync()).GetProperty("code").GetString());
        Assert.NotNull(forward.Header("RateLimit-Policy"));
    }

    [Fact]
    public async Task A_key_without_the_scope_is_refused_insufficient_scope_through_both_endpoints()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes);
        var (client, credential) = await GatewayAsync();

        var verify = Json(await (await client.VerifyAsync(credential, new { key = key.Secret, scopes = new[] { "cnaf_quotient_familial", "pole_emploi_paiements" } })).Content.ReadAsStringAsync());
        var forward = await client.ForwardAuthAsync(credential, key.Secret, "/v3/france_travail/indemnites/identite");
        var prefixBoundary = await client.ForwardAuthAsync(credential, key.Secret, "/api/v2/composition-familiale-v2");

        Assert.Equal(("INSUFFICIENT_SCOPE", false), (verify.GetProperty("code").GetString(), verify.GetProperty("valid").GetBoolean()));
        Assert.Equal(20, verify.GetProperty("limits")[0].GetProperty("remaining").GetInt32());
        Assert.Equal((HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE"), (forward.StatusCode, forward.Header("X-Api-Particulier-Code")));
        Assert.Equal(HttpStatusCode.OK, prefixBoundary.StatusCode);
    }

    [Fact]
    public async Task A_key_with_an_allow_list_is_refused_from_elsewhere_and_without_an_address()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes);
        await app.ChangeKeyAsync(key.KeyId, (k, organization, _) => k.SetAllowedIps(organization, key.Applicant.User.Id, "192.0.2.0/24 2001:db8::/32", DateTimeOffset.UtcNow));
        var (client, credential) = await GatewayAsync();

        Assert.Equal("IP_NOT_ALLOWED", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret, clientIp = "203.0.113.7" })));
        Assert.Equal("IP_NOT_ALLOWED", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret })));
        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret, clientIp = "192.0.2.44:8443" })));
        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret, clientIp = "[2001:db8::7]:443" })));

        var outside = await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute, "203.0.113.7");
        var inside = await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute, "192.0.2.10:51000, 203.0.113.7");
        var missing = await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute);
        var malformed = await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute, "unknown");
        Assert.Equal((HttpStatusCode.Forbidden, "IP_NOT_ALLOWED"), (outside.StatusCode, outside.Header("X-Api-Particulier-Code")));
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal("IP_NOT_ALLOWED", missing.Header("X-Api-Particulier-Code"));
        Assert.Equal("IP_NOT_ALLOWED", malformed.Header("X-Api-Particulier-Code"));
    }

    [Fact]
    public async Task Over_the_rate_limit_is_rate_limited_with_retry_after_and_a_refused_call_consumes_nothing()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 3, dailyQuota: 100);
        var (client, credential) = await GatewayAsync();

        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret, cost = 2 })));
        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret })));
        var verify = Json(await (await client.VerifyAsync(credential, new { key = key.Secret })).Content.ReadAsStringAsync());
        var forward = await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute);

        Assert.Equal(("RATE_LIMITED", 1), (verify.GetProperty("code").GetString(), verify.GetProperty("retryAfterSeconds").GetInt32()));
        Assert.Equal(0, verify.GetProperty("limits")[0].GetProperty("remaining").GetInt32());
        Assert.Equal(97, verify.GetProperty("limits")[1].GetProperty("remaining").GetInt32());
        Assert.Equal((HttpStatusCode.TooManyRequests, "RATE_LIMITED", "1"), (forward.StatusCode, forward.Header("X-Api-Particulier-Code"), forward.Header("Retry-After")));
        Assert.StartsWith("\"rate\";r=0;t=1, \"daily\";r=97;t=", forward.Header("RateLimit"));

        // The next second is a new window; the refused calls took nothing from the daily quota.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var next = Json(await (await client.VerifyAsync(credential, new { key = key.Secret })).Content.ReadAsStringAsync());
        Assert.Equal(("VALID", 2, 96), (next.GetProperty("code").GetString(), next.GetProperty("limits")[0].GetProperty("remaining").GetInt32(), next.GetProperty("limits")[1].GetProperty("remaining").GetInt32()));
    }

    [Fact]
    public async Task Over_the_daily_quota_is_quota_exceeded_until_midnight_in_paris()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 50, dailyQuota: 3, monthlyQuota: 1000);
        var (client, credential) = await GatewayAsync();
        for (var i = 0; i < 3; i++) Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret })));

        var verify = Json(await (await client.VerifyAsync(credential, new { key = key.Secret })).Content.ReadAsStringAsync());
        var forward = await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute);

        var now = app.Clock.GetUtcNow();
        var untilMidnight = (int)Math.Ceiling((ParisTime.EndOfDay(ParisTime.Today(now)) - now).TotalSeconds);
        Assert.Equal(("QUOTA_EXCEEDED", untilMidnight), (verify.GetProperty("code").GetString(), verify.GetProperty("retryAfterSeconds").GetInt32()));
        Assert.Equal((HttpStatusCode.TooManyRequests, "QUOTA_EXCEEDED", untilMidnight.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (forward.StatusCode, forward.Header("X-Api-Particulier-Code"), forward.Header("Retry-After")));
        Assert.Equal(997, verify.GetProperty("limits")[2].GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task A_dry_run_answers_what_a_call_would_get_and_consumes_nothing()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 2);
        var (client, credential) = await GatewayAsync();

        var dry = Json(await (await client.VerifyAsync(credential, new { key = key.Secret, cost = 0 })).Content.ReadAsStringAsync());
        Assert.Equal(("VALID", 1), (dry.GetProperty("code").GetString(), dry.GetProperty("limits")[0].GetProperty("remaining").GetInt32()));
        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret, cost = 2 })));
        Assert.Equal("RATE_LIMITED", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret, cost = 0 })));
    }

    [Fact]
    public async Task Two_hundred_concurrent_callers_in_one_window_admit_exactly_the_limit()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 20);
        var (client, credential) = await GatewayAsync();

        var calls = Enumerable.Range(0, 200).Select(i => i % 2 == 0
            ? CodeAsync(client.VerifyAsync(credential, new { key = key.Secret }))
            : client.ForwardAuthAsync(credential, key.Secret, FamilyRoute).ContinueWith(t => t.Result.Header("X-Api-Particulier-Code"), TaskScheduler.Default));
        var codes = await Task.WhenAll(calls);

        Assert.Equal(20, codes.Count(c => c == "VALID"));
        Assert.Equal(180, codes.Count(c => c == "RATE_LIMITED"));
    }

    [Fact]
    public async Task Forward_auth_requires_one_key_and_a_valid_original_path()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes);
        var (client, credential) = await GatewayAsync();

        var missingKey = await client.ForwardAuthAsync(credential, null, FamilyRoute);
        var emptyKey = await client.ForwardAuthAsync(credential, "", FamilyRoute);
        var ambiguous = await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute, headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + key.Secret });
        var missingUri = await client.ForwardAuthAsync(credential, key.Secret, null);
        var forwardedUri = await client.ForwardAuthAsync(credential, key.Secret, null, headers: new Dictionary<string, string> { ["X-Forwarded-Uri"] = FamilyRoute });

        Assert.Equal((HttpStatusCode.Unauthorized, "MISSING_KEY", "ApiKey"), (missingKey.StatusCode, missingKey.Header("X-Api-Particulier-Code"), missingKey.Header("WWW-Authenticate")));
        Assert.Null(missingKey.Header("RateLimit"));
        Assert.Equal("MISSING_KEY", emptyKey.Header("X-Api-Particulier-Code"));
        Assert.Equal((HttpStatusCode.BadRequest, "AMBIGUOUS_KEY"), (ambiguous.StatusCode, ambiguous.Header("X-Api-Particulier-Code")));
        Assert.Equal((HttpStatusCode.BadRequest, "MISSING_URI"), (missingUri.StatusCode, missingUri.Header("X-Api-Particulier-Code")));
        Assert.Null(missingUri.Header("RateLimit"));
        Assert.Equal(HttpStatusCode.OK, forwardedUri.StatusCode);
        Assert.Equal("AMBIGUOUS_KEY", Json(await ambiguous.Content.ReadAsStringAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/api/v2/composition-familiale/../avis-imposition")]
    [InlineData("/api/v2/composition-familiale/./x")]
    [InlineData("/api/v2/composition-familiale/%2e%2e/x")]
    [InlineData("/api/v2/composition-familiale%2Fx")]
    [InlineData("/api/v2/composition-familiale\\x")]
    [InlineData("/api/v2/composition-familiale/%5Cx")]
    [InlineData("/api/v2/composition-familiale/%00")]
    [InlineData("/api/v2/composition-familiale/%zz")]
    [InlineData("api/v2/composition-familiale")]
    public async Task A_path_with_dot_segments_encoded_slashes_backslashes_or_controls_is_invalid_uri(string uri)
    {
        var key = await app.GatewayKeyAsync(FamilyScopes);
        var (client, credential) = await GatewayAsync();

        var forward = await client.ForwardAuthAsync(credential, key.Secret, uri);

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_URI"), (forward.StatusCode, forward.Header("X-Api-Particulier-Code")));
        Assert.Null(forward.Header("RateLimit"));
    }

    [Fact]
    public async Task A_missing_or_wrong_credential_gets_the_same_bytes_whatever_the_key_and_counts_nothing()
    {
        var valid = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 5);
        var revoked = await app.GatewayKeyAsync(FamilyScopes);
        await app.ChangeKeyAsync(revoked.KeyId, (k, organization, _) => k.RevokeAsMember(organization, revoked.Applicant.User.Id, "Fuite", DateTimeOffset.UtcNow));
        var client = app.CreateClient();
        var revokedCredential = await app.GatewayCredentialAsync();
        await app.WithDbAsync(async db =>
        {
            var hash = ApiKeySecrets.Hash(revokedCredential);
            var stored = await db.GatewayClients.SingleAsync(c => c.Hash == hash);
            stored.Revoke(Guid.NewGuid(), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return true;
        });

        var answers = new List<(string Kind, HttpResponseMessage Response)>();
        foreach (var credential in new string?[] { null, "", "apip_gw_" + new string('x', 40), "mauvais", revokedCredential })
        {
            foreach (var secret in new[] { valid.Secret, revoked.Secret, ApiKeyFormat.Compose(ApiKeyEnvironment.Production, new string('Q', 32)) })
            {
                answers.Add(("verify", await client.VerifyAsync(credential, new { key = secret })));
                answers.Add(("forward", await client.ForwardAuthAsync(credential, secret, FamilyRoute)));
            }
        }

        var bodies = new HashSet<string>();
        foreach (var (_, response) in answers)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("GatewayCredential", response.Header("WWW-Authenticate"));
            Assert.Equal("GATEWAY_UNAUTHENTICATED", response.Header("X-Api-Particulier-Code"));
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("X-Api-Particulier-", StringComparison.Ordinal) && h.Key != "X-Api-Particulier-Code");
            Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("RateLimit", StringComparison.Ordinal));
            bodies.Add(Convert.ToBase64String(await response.Content.ReadAsByteArrayAsync()));
        }

        Assert.Single(bodies);
        var credentialOk = await app.GatewayCredentialAsync();
        var after = Json(await (await client.VerifyAsync(credentialOk, new { key = valid.Secret })).Content.ReadAsStringAsync());
        Assert.Equal(4, after.GetProperty("limits")[0].GetProperty("remaining").GetInt32());
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "pas du json", "body" },
        { "[1,2]", "body" },
        { "{}", "key" },
        { "{\"key\":\"\"}", "key" },
        { "{\"key\":42}", "key" },
        { "{\"key\":\"" + new string('a', 257) + "\"}", "key" },
        { "{\"key\":\"test-token\",\"cost\":1001}", "cost" },
        { "{\"key\":\"test-token\",\"cost\":-1}", "cost" },
        { "{\"key\":\"test-token\",\"cost\":1.5}", "cost" },
        { "{\"key\":\"test-token\",\"cost\":\"1\"}", "cost" },
        { "{\"key\":\"test-token\",\"scopes\":\"cnaf_enfants\"}", "scopes" },
        { "{\"key\":\"test-token\",\"scopes\":[1]}", "scopes" },
        { "{\"key\":\"test-token\",\"clientIp\":\"999.1.1.1\"}", "clientIp" },
        { "{\"key\":\"test-token\",\"clientIp\":\"1.2.3\"}", "clientIp" },
        { "{\"key\":\"test-token\"} {}", "body" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_is_a_400_problem_with_the_field_named(string body, string field)
    {
        var (client, credential) = await GatewayAsync(ApiKeyEnvironment.Sandbox);

        var response = await client.VerifyRawAsync(credential, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = Json(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors").GetProperty(field)[0].GetString()));
    }

    [Fact]
    public async Task A_body_over_16_kib_is_413_and_a_wrong_credential_still_401()
    {
        var (client, credential) = await GatewayAsync(ApiKeyEnvironment.Sandbox);
        var big = "{\"key\":\"test-token\",\"pad\":\"" + new string('a', 17 * 1024) + "\"}";

        var tooLarge = await client.VerifyRawAsync(credential, big);
        var unauthenticated = await client.VerifyRawAsync("mauvais", big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task A_key_created_after_it_was_asked_about_works_at_once()
    {
        var (client, credential) = await GatewayAsync();
        var generated = ApiKeySecrets.Generate(ApiKeyEnvironment.Production);
        Assert.Equal("NOT_FOUND", await CodeAsync(client.VerifyAsync(credential, new { key = generated.Secret })));

        var applicant = await app.PartnerWithOrganizationAsync("Commune tardive");
        var request = await app.ApprovedWithLimitsAsync(applicant, FamilyScopes, null, null, null);
        await app.WithDbAsync(async db =>
        {
            var authorization = await db.Authorizations.SingleAsync(a => a.Id == request.AuthorizationId);
            var organization = await db.Organizations.Include(o => o.Memberships).SingleAsync(o => o.Id == authorization.OrganizationId);
            db.ApiKeys.Add(ApiKey.Issue(authorization, organization, applicant.User.Id, "Tardive", ApiKeyEnvironment.Production, generated.Material, DateTimeOffset.UtcNow).Value);
            await db.SaveChangesAsync();
            return true;
        });

        Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = generated.Secret })));
    }

    [Fact]
    public async Task A_warm_key_is_answered_without_the_database_and_an_unknown_one_reaches_it_once()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 1000);
        var (client, credential) = await GatewayAsync();
        var directory = app.Services.GetRequiredService<KeyDirectory>();
        var unknown = ApiKeyFormat.Compose(ApiKeyEnvironment.Production, new string('Z', 32));

        await client.VerifyAsync(credential, new { key = key.Secret });
        await client.VerifyAsync(credential, new { key = unknown });
        var before = directory.DatabaseLookups;
        for (var i = 0; i < 20; i++)
        {
            await client.VerifyAsync(credential, new { key = key.Secret });
            await client.ForwardAuthAsync(credential, unknown, FamilyRoute);
        }

        Assert.Equal(before, directory.DatabaseLookups);
    }

    [Fact]
    public async Task Warming_the_cache_page_by_page_loads_every_usable_key_so_no_first_call_reaches_the_database()
    {
        var keys = new[] { await app.GatewayKeyAsync(FamilyScopes), await app.GatewayKeyAsync(FamilyScopes), await app.GatewayKeyAsync(FamilyScopes) };
        var revoked = await app.GatewayKeyAsync(FamilyScopes);
        await app.ChangeKeyAsync(revoked.KeyId, (k, organization, _) => k.RevokeAsMember(organization, revoked.Applicant.User.Id, "Fuite", DateTimeOffset.UtcNow));
        var (client, credential) = await GatewayAsync();
        var directory = app.Services.GetRequiredService<KeyDirectory>();

        var cached = await directory.WarmAsync(CancellationToken.None, pageSize: 2);
        var before = directory.DatabaseLookups;
        foreach (var key in keys) Assert.Equal("VALID", await CodeAsync(client.VerifyAsync(credential, new { key = key.Secret })));

        Assert.Equal(before, directory.DatabaseLookups);
        var stored = await app.WithDbAsync(db => db.ApiKeys.CountAsync(k => k.RevokedAt == null));
        Assert.Equal(stored, cached);
        Assert.Equal("REVOKED", await CodeAsync(client.VerifyAsync(credential, new { key = revoked.Secret })));
    }

    [Fact]
    public async Task Usage_is_flushed_per_key_route_and_code_with_the_last_address()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 3);
        var (client, credential) = await GatewayAsync();
        for (var i = 0; i < 5; i++) await client.ForwardAuthAsync(credential, key.Secret, FamilyRoute + "/x", "198.51.100.4");
        await client.VerifyAsync(credential, new { key = key.Secret, scopes = new[] { "cnaf_enfants" }, clientIp = "198.51.100.5" });

        await app.Services.GetRequiredService<UsageRecorder>().FlushAsync(CancellationToken.None);

        var (rows, addresses, lastUsed) = await app.WithDbAsync(async db => (
            await db.KeyUsageHours.AsNoTracking().Where(u => u.KeyId == key.KeyId).ToListAsync(),
            await db.KeyClientAddresses.AsNoTracking().Where(a => a.KeyId == key.KeyId).Select(a => a.Address).ToListAsync(),
            (await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == key.KeyId)).LastUsedAt));
        var seen = string.Join("; ", rows.Select(r => $"{r.Route}|{r.Scope}|{r.Code}|{r.Calls}"));
        Assert.True(rows.Count == 3, seen);
        Assert.Equal(3, rows.Single(r => r.Route == FamilyRoute && r.Code == "VALID").Calls);
        Assert.Equal(2, rows.Single(r => r.Route == FamilyRoute && r.Code == "RATE_LIMITED").Calls);
        Assert.Equal(1, rows.Single(r => r.Scope == "cnaf_enfants" && r.Code == "RATE_LIMITED").Calls);
        Assert.All(rows, r => Assert.Equal(key.OrganizationId, r.OrganizationId));
        Assert.Equal(["198.51.100.4", "198.51.100.5"], addresses.Order());
        Assert.NotNull(lastUsed);
    }
}
