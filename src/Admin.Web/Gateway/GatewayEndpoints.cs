using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Text.Json;
using Admin.Domain.ApiKeys;
using Admin.Domain.Gateways;
using Admin.Infrastructure.Gateway;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Admin.Web.Gateway;

/// <summary>
/// The two gateway endpoints of the contract, as minimal APIs in a pipeline branch of their own (no
/// antiforgery, no cookie, no status-code pages, no MVC): two thin adapters that parse the question
/// and format the answer of the one <see cref="GatewayDecider"/>.
/// </summary>
public static class GatewayEndpoints
{
    public const string BasePath = "/api/gateway";
    public const string VerifyPath = "/api/gateway/v1/keys/verify";
    public const string ForwardAuthPath = "/api/gateway/v1/forward-auth";
    public const string Policy = "GatewayCredential";
    public const int MaxBodyBytes = 16 * 1024;
    public const int MaxKeyLength = 256;
    public const int MaxCost = 1000;

    public static IServiceCollection AddGatewayEndpoints(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, GatewayCredentialAuthenticationHandler>(
            GatewayCredentialAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(GatewayCredentialAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        return services;
    }

    /// <summary>
    /// The branch for /api/gateway, placed first in the pipeline: what serves the pages never runs on
    /// the hot path, and an unexpected error is a ProblemDetails 500, not the HTML error page.
    /// </summary>
    public static bool IsGatewayPath(HttpContext context) => context.Request.Path.StartsWithSegments(BasePath);

    public static void UseGatewayErrors(this WebApplication app)
    {
        app.UseWhen(IsGatewayPath, branch =>
        {
            branch.Use(async (context, next) =>
            {
                try
                {
                    await next(context);
                }
                catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
                {
                    context.RequestServices.GetRequiredService<ILogger<GatewayDecider>>().LogError(e, "Gateway decision failed");
                    context.Response.Clear();
                    await GatewayResponses.WriteBadRequestAsync(context, 500, "Erreur interne du back-office : refus par précaution.", new Dictionary<string, string>());
                }
            });
        });
    }

    public static void MapGatewayEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // No authorization policy here: each endpoint checks the credential first (step 1 of the contract) with the
        // scheme's own look-up, GatewayCredentialAuthenticationHandler.FindCallerAsync; the authorization middleware's
        // policy evaluation cost a fifth of the throughput (bench/README.md). Other gateway-facing endpoints may use
        // the scheme through [Authorize(Policy = GatewayEndpoints.Policy)].
        var group = endpoints.MapGroup("/api/gateway/v1")
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Passerelle");

        group.MapPost("/keys/verify", VerifyAsync).WithName("VerifyKey").WithSummary("Vérifier une clé d'API (JSON)")
            .WithDescription(OpenApiDocs.VerifyDescription);
        group.MapGet("/forward-auth", ForwardAuthAsync).WithName("ForwardAuth").WithSummary("Authentification déléguée (forward-auth)")
            .WithDescription(OpenApiDocs.ForwardAuthDescription);
    }

    private static async Task VerifyAsync(HttpContext context, GatewayDecider decider)
    {
        var caller = await GatewayCredentialAuthenticationHandler.FindCallerAsync(context);
        if (caller is null)
        {
            await GatewayResponses.WriteUnauthenticatedAsync(context);
            return;
        }

        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            await GatewayResponses.WriteBadRequestAsync(context, 413, "Le corps de la requête dépasse 16 Kio.", new Dictionary<string, string>());
            return;
        }

        var body = await ReadBodyAsync(request.BodyReader, context.RequestAborted);
        if (body is null)
        {
            await GatewayResponses.WriteBadRequestAsync(context, 413, "Le corps de la requête dépasse 16 Kio.", new Dictionary<string, string>());
            return;
        }

        var parsed = VerifyRequest.Parse(body);
        if (parsed.Errors is { } errors)
        {
            await GatewayResponses.WriteBadRequestAsync(context, 400, "La requête est invalide.", errors);
            return;
        }

        var decision = await decider.DecideAsync(new GatewayAsk(caller.Environment, parsed.Key!, ForwardAuth: false, Path: null, Method: null,
            parsed.Scopes, parsed.ClientIp, parsed.Cost), context.RequestAborted);
        await GatewayResponses.WriteVerificationAsync(context, decision);
    }

    private static async Task ForwardAuthAsync(HttpContext context, GatewayDecider decider)
    {
        var caller = await GatewayCredentialAuthenticationHandler.FindCallerAsync(context);
        if (caller is null)
        {
            await GatewayResponses.WriteUnauthenticatedAsync(context);
            return;
        }

        var headers = context.Request.Headers;
        var apiKey = NonEmpty(headers["X-Api-Key"]);
        var bearer = BearerOf(NonEmpty(headers.Authorization));
        var uri = NonEmpty(headers["X-Forwarded-Uri"]) ?? NonEmpty(headers["X-Original-URI"]);

        // The contract's order: the request's shape (400) before the key's presence (401).
        GatewayCode? shape = apiKey is not null && bearer is not null ? GatewayCode.AmbiguousKey
            : uri is null ? GatewayCode.MissingUri
            : null;
        string? path = null;
        if (shape is null)
        {
            path = ForwardedPath.Normalize(uri!);
            if (path is null) shape = GatewayCode.InvalidUri;
        }

        if (shape is { } badShape)
        {
            await GatewayResponses.WriteForwardAuthAsync(context, badShape, null);
            return;
        }

        var key = apiKey ?? bearer;
        if (key is null)
        {
            await GatewayResponses.WriteForwardAuthAsync(context, GatewayCode.MissingKey, null);
            return;
        }

        var decision = await decider.DecideAsync(new GatewayAsk(caller.Environment, key, ForwardAuth: true, path,
            NonEmpty(headers["X-Forwarded-Method"]), Scopes: null, FirstForwardedFor(headers["X-Forwarded-For"]), Cost: 1), context.RequestAborted);
        await GatewayResponses.WriteForwardAuthAsync(context, decision.Code, decision);
    }

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value)) return value.Trim();
        }

        return null;
    }

    /// <summary>The key of "Authorization: Bearer &lt;key&gt;"; another scheme counts as no key there.</summary>
    private static string? BearerOf(string? authorization)
    {
        if (authorization is null) return null;
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var key = authorization[scheme.Length..].Trim();
        return key.Length == 0 ? null : key;
    }

    /// <summary>The first entry of X-Forwarded-For (a port ignored); null when absent or malformed.</summary>
    private static IPAddress? FirstForwardedFor(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0 || values[0] is not { } header) return null;
        var span = header.AsSpan();
        var comma = span.IndexOf(',');
        var first = comma < 0 ? span : span[..comma];
        return ClientAddress.TryParse(first, out var address) ? address : null;
    }

    /// <summary>The body, or null when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(PipeReader reader, CancellationToken ct)
    {
        while (true)
        {
            var result = await reader.ReadAsync(ct);
            var buffer = result.Buffer;
            if (buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
