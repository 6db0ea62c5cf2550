using System.Net;
using System.Text.Json;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Admin.Web.Tests.Gateway;

/// <summary>The gateway endpoints are hosted apart from the pages: no sign-in redirect, no HTML error pages, no antiforgery; and they are documented.</summary>
public sealed class GatewayHostingTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Without_a_credential_the_gateway_answers_401_problem_json_not_a_redirect_nor_an_html_page()
    {
        var client = app.CreateBrowser();

        var verify = await client.PostAsync(GatewayArrange.VerifyPath, new StringContent("{}", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        var forward = await client.GetAsync(GatewayArrange.ForwardAuthPath);
        var unknown = await client.GetAsync("/api/gateway/v1/inconnu");

        foreach (var response in new[] { verify, forward })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Null(response.Headers.Location);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Null(response.Headers.Contains("Set-Cookie") ? "cookie" : null);
        }

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("<html", await unknown.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_gateway_paths_never_reach_the_pages_authentication_which_the_pages_do()
    {
        // WebApplication adds authentication in front of the whole pipeline unless told it is placed (Program.cs):
        // every call to the authentication service is counted, by path.
        var calls = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var credential = await app.GatewayCredentialAsync(Admin.Domain.ApiKeys.ApiKeyEnvironment.Sandbox);
        using var counted = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.TryAddScoped<AuthenticationService>();
            services.Replace(ServiceDescriptor.Scoped<IAuthenticationService>(provider =>
                new CountingAuthentication(provider.GetRequiredService<AuthenticationService>(), calls)));
        }));
        var client = counted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var forward = await client.ForwardAuthAsync(credential, "test-token", "/v3/dss/quotient_familial/identite");
        using var verify = new HttpRequestMessage(HttpMethod.Post, GatewayArrange.VerifyPath) { Content = new StringContent("{\"key\":\"test-token\"}", System.Text.Encoding.UTF8, "application/json") };
        verify.Headers.Add("X-Gateway-Credential", credential);
        var verified = await client.SendAsync(verify);
        var gatewayCalls = calls.ToList();
        var page = await client.GetAsync("/compte");

        Assert.Equal("VALID", forward.Headers.GetValues("X-Api-Particulier-Code").Single());
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Empty(gatewayCalls);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/compte", calls);
    }

    private sealed class CountingAuthentication(IAuthenticationService inner, System.Collections.Concurrent.ConcurrentQueue<string> calls)
        : IAuthenticationService
    {
        public Task<AuthenticateResult> AuthenticateAsync(Microsoft.AspNetCore.Http.HttpContext context, string? scheme)
        {
            calls.Enqueue(context.Request.Path.Value ?? "");
            return inner.AuthenticateAsync(context, scheme);
        }

        public Task ChallengeAsync(Microsoft.AspNetCore.Http.HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.ChallengeAsync(context, scheme, properties);

        public Task ForbidAsync(Microsoft.AspNetCore.Http.HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.ForbidAsync(context, scheme, properties);

        public Task SignInAsync(Microsoft.AspNetCore.Http.HttpContext context, string? scheme, System.Security.Claims.ClaimsPrincipal principal, AuthenticationProperties? properties) =>
            inner.SignInAsync(context, scheme, principal, properties);

        public Task SignOutAsync(Microsoft.AspNetCore.Http.HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.SignOutAsync(context, scheme, properties);
    }

    [Fact]
    public async Task A_cookie_and_a_form_post_without_antiforgery_token_change_nothing_for_the_gateway()
    {
        var credential = await app.GatewayCredentialAsync(Admin.Domain.ApiKeys.ApiKeyEnvironment.Sandbox);
        var client = app.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Post, GatewayArrange.VerifyPath)
        {
            Content = new StringContent("{\"key\":\"test-token\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Gateway-Credential", credential);
        request.Headers.Add("Cookie", "apip_admin=forged");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("VALID", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_both_endpoints_with_an_example_of_each_answer_and_nothing_else()
    {
        var client = app.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var reference = await client.GetAsync("/api/reference");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/gateway/v1/forward-auth", "/api/gateway/v1/keys/verify"], paths.Order());
        var verifyExamples = document.GetProperty("paths").GetProperty("/api/gateway/v1/keys/verify").GetProperty("post").GetProperty("responses")
            .GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("examples").EnumerateObject().Select(e => e.Name);
        Assert.Equal(["EXPIRED", "INSUFFICIENT_SCOPE", "IP_NOT_ALLOWED", "NOT_FOUND", "QUOTA_EXCEEDED", "RATE_LIMITED", "REVOKED", "SUSPENDED", "VALID"], verifyExamples.Order());
        var forward = document.GetProperty("paths").GetProperty("/api/gateway/v1/forward-auth").GetProperty("get").GetProperty("responses");
        var forwardCodes = new[] { "400", "401", "403", "429" }
            .SelectMany(s => forward.GetProperty(s).GetProperty("content").GetProperty("application/problem+json").GetProperty("examples").EnumerateObject().Select(e => e.Name));
        Assert.Equal(["AMBIGUOUS_KEY", "EXPIRED", "GATEWAY_UNAUTHENTICATED", "INSUFFICIENT_SCOPE", "INVALID_URI", "IP_NOT_ALLOWED", "MISSING_KEY", "MISSING_URI",
            "NOT_FOUND", "QUOTA_EXCEEDED", "RATE_LIMITED", "REVOKED", "ROUTE_NOT_FOUND", "SUSPENDED"], forwardCodes.Order());
        Assert.Equal("X-Gateway-Credential", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("GatewayCredential").GetProperty("name").GetString());
        Assert.True(reference.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently);
        Assert.Contains("openapi/v1.json", await (await client.GetAsync("/api/reference/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/reference/openapi/v1.json")).StatusCode);
    }
}
