using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Admin.Web.Tests.Support;

/// <summary>Who the provider signs in: ProConnect's claims.</summary>
public sealed record ProConnectUser(string Subject, string Email, string GivenName, string UsualName, string Siret);

/// <summary>
/// A real OpenID Connect provider standing in for ProConnect, on a free loopback port: OpenIddict with its token store
/// (so an authorization code is redeemed once), authorization code with PKCE required, ephemeral keys, access tokens
/// not encrypted, a userinfo endpoint giving ProConnect's claims, and an end-session endpoint. The authorization
/// endpoint approves <see cref="User"/> at once, as if they had signed in at ProConnect.
/// </summary>
public sealed class ProConnectProvider : IAsyncDisposable
{
    public const string ClientId = "api-particulier-admin-tests";
    public const string ClientSecret = "secret-du-fournisseur-de-test";

    /// <summary>Where the app under test (the in-memory test server) is, as its redirect URIs say.</summary>
    public const string AppOrigin = "http://localhost";

    private readonly WebApplication _app;
    private readonly SqliteConnection _store;

    private ProConnectProvider(WebApplication app, SqliteConnection store)
    {
        _app = app;
        _store = store;
        Authority = app.Urls.Single().TrimEnd('/');
    }

    public string Authority { get; }

    private int _tokenRequests;

    /// <summary>How many requests reached the token endpoint, redeemed or refused.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>The user the next authorization request signs in.</summary>
    public ProConnectUser User { get; set; } = NewUser();

    /// <summary>When the provider says it identified the user (auth_time); null: at the authorization request.</summary>
    public DateTimeOffset? AuthenticatedAt { get; set; }

    /// <summary>How long the next authorization codes live; null: OpenIddict's default (5 minutes).</summary>
    public TimeSpan? CodeLifetime { get; set; }

    /// <summary>Whether userinfo answers as ProConnect does, a signed JWT (application/jwt), rather than JSON.</summary>
    public bool UserInfoAsJwt { get; set; }

    /// <summary>Every authorization and end-session request received, in order (to check prompt, max_age, id_token_hint).</summary>
    public ConcurrentQueue<OpenIddictRequest> AuthorizationRequests { get; } = new();
    public ConcurrentQueue<OpenIddictRequest> EndSessionRequests { get; } = new();

    public static ProConnectUser NewUser(string siret = "21690266800013") =>
        new($"pc-{Guid.NewGuid():N}", $"agent.{Guid.NewGuid():N}@mairie-exemple.fr", "Dominique", "Lefèvre", siret);

    /// <param name="appOrigin">Where the app under test is (its redirect URIs): the in-memory test server by default, a real port for the browser tests.</param>
    public static ProConnectProvider Start(string appOrigin = AppOrigin)
    {
        var store = new SqliteConnection("Data Source=:memory:");
        store.Open();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("PROCONNECT_PROVIDER_LOGS") is { Length: > 0 } logs) builder.Logging.AddSimpleConsole();
        builder.Services.AddDbContext<ProviderStore>(options => options.UseSqlite(store).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ProviderStore>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.Email, "given_name", "usual_name", "siret");
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .DisableTransportSecurityRequirement()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
            });

        var app = builder.Build();
        ProConnectProvider? provider = null;
        app.Use((context, next) =>
        {
            if (context.Request.Path == "/connect/token") Interlocked.Increment(ref provider!._tokenRequests);
            return next(context);
        });
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("No OpenID Connect request.");
            provider!.AuthorizationRequests.Enqueue(request);
            return Results.SignIn(SignedIn(provider.User, provider.AuthenticatedAt ?? DateTimeOffset.UtcNow, provider.CodeLifetime, request), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapPost("/connect/token", async (HttpContext context) =>
        {
            // The code was checked by OpenIddict (client, secret, PKCE verifier, not redeemed yet): the same user again.
            var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(code.Principal!, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapMethods("/connect/userinfo", ["GET", "POST"], async (HttpContext context) =>
        {
            var token = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var principal = token.Principal!;
            var claims = new Dictionary<string, object>
            {
                [Claims.Subject] = principal.GetClaim(Claims.Subject)!,
                [Claims.Email] = principal.GetClaim(Claims.Email)!,
                ["given_name"] = principal.GetClaim("given_name")!,
                ["usual_name"] = principal.GetClaim("usual_name")!,
                ["siret"] = principal.GetClaim("siret")!,
            };
            return provider!.UserInfoAsJwt ? Results.Text(SignedUserInfo(claims, provider.Authority), "application/jwt") : Results.Json(claims);
        });
        app.MapMethods("/connect/logout", ["GET", "POST"], (HttpContext context) =>
        {
            provider!.EndSessionRequests.Enqueue(context.GetOpenIddictServerRequest()!);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });

        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<ProviderStore>().Database.EnsureCreated();
            RegisterAppAsync(scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), appOrigin).GetAwaiter().GetResult();
        }

        app.StartAsync().GetAwaiter().GetResult();
        provider = new ProConnectProvider(app, store);
        return provider;
    }

    /// <summary>ProConnect's answer: the user, with the e-mail in the id_token and every claim in the access token (read by userinfo).</summary>
    private static ClaimsPrincipal SignedIn(ProConnectUser user, DateTimeOffset authenticatedAt, TimeSpan? codeLifetime, OpenIddictRequest request)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Email, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim("given_name", user.GivenName)
            .SetClaim("usual_name", user.UsualName)
            .SetClaim("siret", user.Siret)
            .SetClaim(Claims.AuthenticationTime, (long?)authenticatedAt.ToUnixTimeSeconds());
        identity.SetScopes(request.GetScopes());
        if (codeLifetime is { } lifetime) identity.SetAuthorizationCodeLifetime(lifetime);
        identity.SetDestinations(claim => claim.Type is Claims.Subject or Claims.Email or Claims.AuthenticationTime
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    private static string SignedUserInfo(Dictionary<string, object> claims, string issuer)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = issuer + "/",
            Audience = ClientId,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa.ExportParameters(true)), SecurityAlgorithms.RsaSha256),
        });
    }

    private static async Task RegisterAppAsync(IOpenIddictApplicationManager applications, string appOrigin)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { new Uri(appOrigin + Admin.Web.Infrastructure.ProConnect.CallbackPath) },
            PostLogoutRedirectUris = { new Uri(appOrigin + Admin.Web.Infrastructure.ProConnect.SignedOutCallbackPath) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code, Permissions.Scopes.Email,
                Permissions.Prefixes.Scope + "given_name", Permissions.Prefixes.Scope + "usual_name", Permissions.Prefixes.Scope + "siret",
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        await applications.CreateAsync(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    private sealed class ProviderStore(DbContextOptions<ProviderStore> options) : DbContext(options);
}
