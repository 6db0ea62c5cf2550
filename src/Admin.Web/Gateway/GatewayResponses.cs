using System.Globalization;
using System.Text;
using System.Text.Json;
using Admin.Domain.ApiKeys;
using Admin.Domain.Gateways;
using Admin.Infrastructure.Gateway;

namespace Admin.Web.Gateway;

/// <summary>
/// Writes the gateway contract's answers byte by byte (Utf8JsonWriter, no serializer, no MVC): the
/// JSON verification body, the forward-auth headers, and the ProblemDetails of refusals and bad requests.
/// </summary>
internal static class GatewayResponses
{
    public const string ProblemJson = "application/problem+json";
    public const string CodeHeader = "X-Api-Particulier-Code";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The one answer to a missing or wrong credential, the same bytes whatever the key (nothing about it is read).</summary>
    public static readonly byte[] UnauthenticatedBody = Problem(GatewayCode.GatewayUnauthenticated, 401);

    public static Task WriteUnauthenticatedAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = "GatewayCredential";
        response.Headers[CodeHeader] = GatewayCode.GatewayUnauthenticated.ContractName();
        response.ContentType = ProblemJson;
        response.ContentLength = UnauthenticatedBody.Length;
        return response.Body.WriteAsync(UnauthenticatedBody).AsTask();
    }

    /// <summary>A refusal's ProblemDetails: code, French title and detail, status.</summary>
    public static byte[] Problem(GatewayCode code, int status)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("type", "https://particulier.api.gouv.fr/developpeurs#" + code.ContractName().ToLowerInvariant());
            json.WriteString("title", code.FrenchTitle());
            json.WriteNumber("status", status);
            json.WriteString("detail", code.FrenchDetail());
            json.WriteString("code", code.ContractName());
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A 400 (or 413) about the request's shape, with the French message of each field.</summary>
    public static Task WriteBadRequestAsync(HttpContext context, int status, string title, IReadOnlyDictionary<string, string> errors)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("type", status == 413 ? "https://tools.ietf.org/html/rfc9110#section-15.5.14" : "https://tools.ietf.org/html/rfc9110#section-15.5.1");
            json.WriteString("title", title);
            json.WriteNumber("status", status);
            json.WriteString("code", "INVALID_REQUEST");
            if (errors.Count > 0)
            {
                json.WriteStartObject("errors");
                foreach (var (field, message) in errors)
                {
                    json.WriteStartArray(field);
                    json.WriteStringValue(message);
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = ProblemJson;
        return context.Response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }

    /// <summary>The JSON verification answer (always 200 once the gateway is authenticated and the body well formed).</summary>
    public static Task WriteVerificationAsync(HttpContext context, GatewayDecision decision)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteBoolean("valid", decision.IsValid);
            json.WriteString("code", decision.Code.ContractName());
            if (decision.Key is { } key)
            {
                var grant = key.Grant;
                json.WriteString("keyId", key.KeyIdText);
                json.WriteString("environment", key.Environment.ContractName());
                if (grant.OrganizationId is { } organizationId)
                {
                    json.WriteStartObject("organization");
                    json.WriteString("id", organizationId);
                    json.WriteString("siret", grant.Siret);
                    json.WriteString("name", grant.OrganizationName);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("organization");
                }

                if (grant.AuthorizationId is { } authorizationId) json.WriteString("authorizationId", authorizationId);
                else json.WriteNull("authorizationId");
                json.WriteStartArray("scopes");
                foreach (var scope in grant.Scopes) json.WriteStringValue(scope);
                json.WriteEndArray();
                if (key.ExpiresAt == DateTimeOffset.MaxValue) json.WriteNull("expiresAt");
                else json.WriteString("expiresAt", key.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                json.WriteStartArray("limits");
                foreach (var limit in decision.Limits)
                {
                    json.WriteStartObject();
                    json.WriteString("name", limit.Name);
                    json.WriteNumber("limit", limit.Limit);
                    json.WriteNumber("windowSeconds", limit.WindowSeconds);
                    json.WriteNumber("remaining", limit.Remaining);
                    json.WriteNumber("resetSeconds", limit.ResetSeconds);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                if (decision.RetryAfterSeconds is { } retry) json.WriteNumber("retryAfterSeconds", retry);
                else json.WriteNull("retryAfterSeconds");
            }

            json.WriteEndObject();
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }

    private static readonly byte[][] ForwardAuthProblems = [.. GatewayCodes.All.Select(c => Problem(c, c.ForwardAuthStatus()))];

    /// <summary>A forward-auth answer: the status of the code, its headers, a ProblemDetails body for refusals.</summary>
    public static Task WriteForwardAuthAsync(HttpContext context, GatewayCode code, GatewayDecision? decision)
    {
        var response = context.Response;
        var headers = response.Headers;
        var status = code.ForwardAuthStatus();
        response.StatusCode = status;
        headers[CodeHeader] = code.ContractName();

        if (decision?.Key is { } key && code.IsAboutKnownKey())
        {
            WriteRateLimitFields(headers, key.Grant, decision.Limits);
            if (code == GatewayCode.Valid)
            {
                headers["X-Api-Particulier-Key-Id"] = key.KeyIdText;
                if (key.Grant.Siret is { } siret) headers["X-Api-Particulier-Organization-Siret"] = siret;
                headers["X-Api-Particulier-Scopes"] = key.Grant.ScopesHeader;
            }
        }

        if (status == 401) headers.WWWAuthenticate = code == GatewayCode.GatewayUnauthenticated ? "GatewayCredential" : "ApiKey";
        if (decision?.RetryAfterSeconds is { } retry && status == 429) headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);

        if (code == GatewayCode.Valid)
        {
            response.ContentLength = 0;
            return Task.CompletedTask;
        }

        var body = ForwardAuthProblems[(int)code];
        response.ContentType = ProblemJson;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>RateLimit-Policy and RateLimit (draft-11), one item per policy in the order rate, daily, monthly.</summary>
    private static void WriteRateLimitFields(IHeaderDictionary headers, KeyGrant grant, IReadOnlyList<LimitState> limits)
    {
        if (limits.Count == 0) return;
        // The policy only changes with the grant: written once per grant.
        headers["RateLimit-Policy"] = Policies.GetValue(grant, _ => Policy(limits));
        var state = new StringBuilder(64);
        for (var i = 0; i < limits.Count; i++)
        {
            var limit = limits[i];
            if (i > 0) state.Append(", ");
            state.Append('"').Append(limit.Name).Append("\";r=").Append(limit.Remaining.ToString(CultureInfo.InvariantCulture))
                .Append(";t=").Append(limit.ResetSeconds.ToString(CultureInfo.InvariantCulture));
        }

        headers["RateLimit"] = state.ToString();
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KeyGrant, string> Policies = new();

    private static string Policy(IReadOnlyList<LimitState> limits)
    {
        var policy = new StringBuilder(64);
        for (var i = 0; i < limits.Count; i++)
        {
            var limit = limits[i];
            if (i > 0) policy.Append(", ");
            policy.Append('"').Append(limit.Name).Append("\";q=").Append(limit.Limit.ToString(CultureInfo.InvariantCulture))
                .Append(";w=").Append(limit.WindowSeconds.ToString(CultureInfo.InvariantCulture));
        }

        return policy.ToString();
    }
}
