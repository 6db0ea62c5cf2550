using System.Net;
using System.Text.Json;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Gateway;

/// <summary>
/// The sample gateway configurations of deploy/ (nginx auth_request, Caddy forward_auth) run by the real
/// servers in front of an echoing upstream, against the back-office: what a partner and the upstream see.
/// The back-office's clock is frozen, so every call of a test falls in one rate window.
/// </summary>
public sealed class RealProxiesTests(RealProxies proxies) : IClassFixture<RealProxies>
{
    private const string FamilyRoute = "/api/v2/composition-familiale";
    private static readonly string[] FamilyScopes = ["cnaf_quotient_familial", "cnaf_enfants"];

    public static TheoryData<string> Gateways => [RealProxies.Nginx, RealProxies.Caddy];

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };

    private static async Task<HttpResponseMessage> CallAsync(string gateway, string? apiKey = null, string? bearer = null, string path = FamilyRoute + "?codePostal=75001")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, gateway + path);
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        if (bearer is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        // A partner cannot pose as another organization: the gateway overwrites these.
        request.Headers.Add("X-Api-Particulier-Organization-Siret", "00000000000000");
        request.Headers.Add("X-Api-Particulier-Scopes", "tout");
        return await Http.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The partner's view of a refusal: the status, the code header and a JSON body with the same code.</summary>
    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal((status, code), (response.StatusCode, response.Header("X-Api-Particulier-Code")));
        Assert.StartsWith("application/", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Theory, MemberData(nameof(Gateways))]
    public async Task A_valid_key_reaches_the_upstream_with_its_scopes_and_siret_and_the_client_gets_the_rate_limit_fields(string proxy)
    {
        var key = await proxies.App.GatewayKeyAsync(FamilyScopes, ratePerSecond: 20);

        var byHeader = await CallAsync(proxies.Url(proxy), apiKey: key.Secret);
        var byBearer = await CallAsync(proxies.Url(proxy), bearer: key.Secret);
        var upstream = await JsonAsync(byHeader);

        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byBearer.StatusCode);
        Assert.Equal(FamilyRoute + "?codePostal=75001", upstream.GetProperty("path").GetString());
        Assert.Equal(key.Siret, upstream.GetProperty("x-api-particulier-organization-siret").GetString());
        Assert.Equal("cnaf_enfants,cnaf_quotient_familial", upstream.GetProperty("x-api-particulier-scopes").GetString());
        Assert.Equal(key.KeyId.ToString(), upstream.GetProperty("x-api-particulier-key-id").GetString());
        Assert.False(upstream.TryGetProperty("x-api-key", out _), "the key itself is not passed upstream");
        Assert.False((await JsonAsync(byBearer)).TryGetProperty("authorization", out _), "the bearer key is not passed upstream");
        Assert.Equal("\"rate\";q=20;w=1", byHeader.Header("RateLimit-Policy"));
        Assert.Equal("\"rate\";r=19;t=1", byHeader.Header("RateLimit"));
    }

    [Theory, MemberData(nameof(Gateways))]
    public async Task Missing_unknown_and_revoked_keys_get_401_with_www_authenticate_api_key(string proxy)
    {
        var revoked = await proxies.App.GatewayKeyAsync(FamilyScopes);
        await proxies.App.ChangeKeyAsync(revoked.KeyId, (k, organization, _) => k.RevokeAsMember(organization, revoked.Applicant.User.Id, "Fuite", DateTimeOffset.UtcNow));
        var unknown = Admin.Infrastructure.Keys.ApiKeySecrets.Generate(Admin.Domain.ApiKeys.ApiKeyEnvironment.Production).Secret;

        foreach (var (key, code) in new[] { ((string?)null, "MISSING_KEY"), (unknown, "NOT_FOUND"), (revoked.Secret, "REVOKED") })
        {
            var response = await CallAsync(proxies.Url(proxy), apiKey: key);

            await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, code);
            Assert.Equal("ApiKey", response.Header("WWW-Authenticate"));
        }
    }

    [Theory, MemberData(nameof(Gateways))]
    public async Task A_key_without_a_scope_of_the_route_gets_403(string proxy)
    {
        var key = await proxies.App.GatewayKeyAsync(FamilyScopes);

        var response = await CallAsync(proxies.Url(proxy), apiKey: key.Secret, path: "/v3/france_travail/indemnites/identite");

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "INSUFFICIENT_SCOPE");
    }

    [Theory, MemberData(nameof(Gateways))]
    public async Task Over_the_rate_limit_a_burst_gets_429_with_retry_after(string proxy)
    {
        var key = await proxies.App.GatewayKeyAsync(FamilyScopes, ratePerSecond: 2);

        var burst = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CallAsync(proxies.Url(proxy), apiKey: key.Secret)));
        var refused = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();

        Assert.Equal(2, burst.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(4, refused.Count);
        Assert.All(refused, r => Assert.Equal(("RATE_LIMITED", "1"), (r.Header("X-Api-Particulier-Code"), r.Header("Retry-After"))));
        Assert.StartsWith("\"rate\";r=0;t=1", refused[0].Header("RateLimit"));
        await AssertRefusedAsync(refused[0], HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }

    [Theory, MemberData(nameof(Gateways))]
    public async Task Two_keys_at_once_are_a_400(string proxy)
    {
        var key = await proxies.App.GatewayKeyAsync(FamilyScopes);

        var response = await CallAsync(proxies.Url(proxy), apiKey: key.Secret, bearer: key.Secret);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "AMBIGUOUS_KEY");
    }

    [Theory, MemberData(nameof(Gateways))]
    public async Task A_wrong_gateway_credential_in_the_configuration_is_a_502_for_the_partner_not_a_bad_key(string proxy)
    {
        var key = await proxies.App.GatewayKeyAsync(FamilyScopes);
        var misconfigured = await proxies.StartAsync(proxy, "apip_gw_" + new string('x', 40));

        var response = await CallAsync(misconfigured, apiKey: key.Secret);

        await AssertRefusedAsync(response, HttpStatusCode.BadGateway, "GATEWAY_UNAUTHENTICATED");
        Assert.Null(response.Header("WWW-Authenticate"));
    }

    [Theory, MemberData(nameof(Gateways))]
    public async Task A_back_office_that_cannot_be_reached_refuses_the_call_with_502(string proxy)
    {
        var key = await proxies.App.GatewayKeyAsync(FamilyScopes);
        var cutOff = await proxies.StartAsync(proxy, proxies.Credential, backOffice: RealProxies.NothingListening());

        var response = await CallAsync(cutOff, apiKey: key.Secret);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain("x-api-particulier-scopes", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        if (proxy == RealProxies.Nginx) Assert.Equal("GATEWAY_ERROR", (await JsonAsync(response)).GetProperty("code").GetString());
    }
}
