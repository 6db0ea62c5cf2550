using System.Net;
using System.Text;
using System.Text.Json;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Gateway;

/// <summary>
/// Hostile values in every header and body field the gateway reads (a megabyte, U+FFFE, NUL, a lone
/// surrogate, non-ASCII): each gets the contract's answer for that field, never a 500, and a valid key
/// next to them is not harmed. Kestrel refuses some of these before the app (header size, NUL); the
/// in-memory server does not, so the app's own parsing is what is tested here.
/// </summary>
public sealed class GatewayHostileInputTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private const string FamilyRoute = "/api/v2/composition-familiale";
    private static readonly string[] FamilyScopes = ["cnaf_quotient_familial", "cnaf_enfants"];

    public static TheoryData<string> Hostile => ["megabyte", "fffe", "nul", "surrogate", "accents"];

    private static string Value(string kind) => kind switch
    {
        "megabyte" => new string('a', 1_000_000),
        "fffe" => "ab\uFFFEcd",
        "nul" => "ab\0cd",
        "surrogate" => "ab\uD800cd",
        "accents" => "clé-éèà-🙂",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Straight into the in-memory server: HttpClient itself refuses NUL in a header value.</summary>
    private async Task<(HttpStatusCode Status, string Code, JsonElement? Body)> SendAsync(string path, IReadOnlyDictionary<string, string> headers, string? json = null)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = json is null ? "GET" : "POST";
            c.Request.Path = path;
            foreach (var (name, value) in headers) c.Request.Headers[name] = value;
            if (json is not null)
            {
                c.Request.ContentType = "application/json";
                c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
            }
        });
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return ((HttpStatusCode)context.Response.StatusCode, context.Response.Headers["X-Api-Particulier-Code"].ToString(),
            text.Length == 0 ? null : JsonDocument.Parse(text).RootElement);
    }

    private Task<(HttpStatusCode Status, string Code, JsonElement? Body)> ForwardAsync(string? credential, string? key, string uri, params (string Name, string Value)[] more)
    {
        var headers = new Dictionary<string, string> { ["X-Original-URI"] = uri };
        if (credential is not null) headers["X-Gateway-Credential"] = credential;
        if (key is not null) headers["X-Api-Key"] = key;
        foreach (var (name, value) in more) headers[name] = value;
        return SendAsync(GatewayArrange.ForwardAuthPath, headers);
    }

    private Task<(HttpStatusCode Status, string Code, JsonElement? Body)> VerifyAsync(string credential, object body) =>
        SendAsync(GatewayArrange.VerifyPath, new Dictionary<string, string> { ["X-Gateway-Credential"] = credential }, JsonSerializer.Serialize(body));

    private static void AssertAnswer((HttpStatusCode Status, string Code, JsonElement? Body) answer, HttpStatusCode status, string code)
    {
        Assert.True((int)answer.Status < 500, $"{(int)answer.Status} for a hostile value: {answer.Body}");
        Assert.Equal((status, code), (answer.Status, answer.Code));
    }

    private static string? BodyCode((HttpStatusCode Status, string Code, JsonElement? Body) answer) => answer.Body?.GetProperty("code").GetString();

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_credential_is_unauthenticated_through_both_endpoints(string kind)
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 1000);

        var forward = await ForwardAsync(Value(kind), key.Secret, FamilyRoute);
        var verify = await VerifyAsync(Value(kind), new { key = key.Secret });

        AssertAnswer(forward, HttpStatusCode.Unauthorized, "GATEWAY_UNAUTHENTICATED");
        AssertAnswer(verify, HttpStatusCode.Unauthorized, "GATEWAY_UNAUTHENTICATED");
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_key_is_not_found_in_x_api_key_as_a_bearer_and_in_the_json_body(string kind)
    {
        var credential = await app.GatewayCredentialAsync();

        var header = await ForwardAsync(credential, Value(kind), FamilyRoute);
        var bearer = await ForwardAsync(credential, null, FamilyRoute, ("Authorization", "Bearer " + Value(kind)));
        var verify = await VerifyAsync(credential, new { key = Value(kind)[..Math.Min(Value(kind).Length, 200)] });

        AssertAnswer(header, HttpStatusCode.Unauthorized, "NOT_FOUND");
        AssertAnswer(bearer, HttpStatusCode.Unauthorized, "NOT_FOUND");
        Assert.Equal((HttpStatusCode.OK, "NOT_FOUND"), (verify.Status, BodyCode(verify)));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_path_is_invalid_unless_it_is_text_below_a_known_route(string kind)
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 1000);
        var credential = await app.GatewayCredentialAsync();

        var inside = await ForwardAsync(credential, key.Secret, FamilyRoute + "/" + Value(kind));
        var alone = await ForwardAsync(credential, key.Secret, Value(kind));

        // Below a known route, text passes as the upstream will see it; NUL, U+FFFE and a lone surrogate are no text.
        var (code, status) = kind is "megabyte" or "accents" ? ("VALID", HttpStatusCode.OK) : ("INVALID_URI", HttpStatusCode.BadRequest);
        AssertAnswer(inside, status, code);
        AssertAnswer(alone, HttpStatusCode.BadRequest, "INVALID_URI");
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_client_address_or_method_leaves_an_unrestricted_key_valid_and_the_json_one_is_refused(string kind)
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 1000);
        var credential = await app.GatewayCredentialAsync();

        var address = await ForwardAsync(credential, key.Secret, FamilyRoute, ("X-Forwarded-For", Value(kind)));
        var method = await ForwardAsync(credential, key.Secret, FamilyRoute, ("X-Forwarded-Method", Value(kind)));
        var verify = await VerifyAsync(credential, new { key = key.Secret, clientIp = Value(kind)[..Math.Min(Value(kind).Length, 4000)] });

        AssertAnswer(address, HttpStatusCode.OK, "VALID");
        AssertAnswer(method, HttpStatusCode.OK, "VALID");
        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (verify.Status, BodyCode(verify)));
        Assert.True(verify.Body!.Value.GetProperty("errors").TryGetProperty("clientIp", out _));
    }

    [Theory]
    [InlineData("{\"key\":\"\\ud800\"}", 400)]
    [InlineData("{\"key\":\"k\",\"scopes\":[\"\\udc00\"]}", 400)]
    [InlineData("{\"key\":\"k\",\"clientIp\":\"\\ud83d\"}", 400)]
    [InlineData("{\"\\ud800\":1,\"key\":\"k\"}", 400)]
    [InlineData("{\"key\":\"ab\\u0000cd\"}", 200)]
    [InlineData("{\"key\":\"\\uFFFE\"}", 200)]
    [InlineData("{\"key\":\"k\",\"scopes\":[\"a\\u0000\"]}", 200)]
    public async Task Escaped_lone_surrogates_are_a_400_and_escaped_controls_an_unknown_key_never_a_500(string body, int status)
    {
        var credential = await app.GatewayCredentialAsync();

        var answer = await SendAsync(GatewayArrange.VerifyPath, new Dictionary<string, string> { ["X-Gateway-Credential"] = credential }, body);

        Assert.Equal(((HttpStatusCode)status, status == 200 ? "NOT_FOUND" : "INVALID_REQUEST"), (answer.Status, BodyCode(answer)));
        if (status == 400) Assert.Contains("UTF-16", answer.Body!.Value.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }
}
