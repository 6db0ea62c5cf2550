using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Admin.Web.Infrastructure;

/// <summary>
/// <c>ProConnect:Authority</c>, <c>ProConnect:ClientId</c> and <c>ProConnect:ClientSecret</c>: all three set, the
/// "S'identifier avec ProConnect" button shows and the scheme exists; one missing, neither does.
/// </summary>
public sealed class ProConnectOptions
{
    public const string Section = "ProConnect";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret)
        && Uri.TryCreate(Authority, UriKind.Absolute, out var authority) && authority.Scheme is "https" or "http";
}

/// <summary>
/// ProConnect, the State's OpenID Connect sign-in for public servants: authorization code with PKCE, state and nonce
/// checked by the handler, the claims read from the userinfo endpoint. The handler signs into Identity's external
/// cookie only; the account controller then links or creates the account and opens the app's usual session
/// (security stamp, roles, deactivation), carrying the id_token so that signing out also ends the ProConnect session.
/// </summary>
public static class ProConnect
{
    public const string Scheme = "ProConnect";
    public const string DisplayName = "ProConnect";

    /// <summary>The callback path the provider redirects to (register it at ProConnect with the site's origin).</summary>
    public const string CallbackPath = "/compte/proconnect/callback";

    /// <summary>Where the provider comes back to after its own sign-out.</summary>
    public const string SignedOutCallbackPath = "/compte/proconnect/deconnecte";

    public static readonly string[] Scopes = ["openid", "email", "given_name", "usual_name", "siret"];

    /// <summary>ProConnect's claims, read as it names them (no mapping to WS-* types).</summary>
    public static class Claims
    {
        public const string Subject = "sub";
        public const string Email = "email";
        public const string EmailVerified = "email_verified";
        public const string GivenName = "given_name";
        public const string UsualName = "usual_name";
        public const string Siret = "siret";
        public const string AuthTime = "auth_time";
    }

    /// <summary>The message of the sign-in page when ProConnect's answer is refused (bad state, nonce or code, or an error).</summary>
    public const string FailedMessage =
        "La connexion avec ProConnect n'a pas abouti. Recommencez, ou connectez-vous avec votre adresse électronique et votre mot de passe.";

    public const string UnreachableMessage =
        "ProConnect ne répond pas pour le moment. Réessayez dans quelques minutes, ou connectez-vous avec votre adresse électronique et votre mot de passe.";

    /// <summary>The TempData key the sign-in page shows as an error alert.</summary>
    public const string ErrorKey = "SignInError";

    private const string IdTokenHintParameter = "apip:id_token_hint";
    private const string FailurePathItem = "apip:failure_path";

    /// <summary>
    /// Metadata and keys must come over HTTPS, except from a loopback authority (a provider started by the tests on
    /// 127.0.0.1): decided from the authority itself, so a production setting can never turn the check off.
    /// </summary>
    public static bool RequiresHttpsMetadata(Uri authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var loopback = authority.IsLoopback || (IPAddress.TryParse(authority.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return !(authority.Scheme == Uri.UriSchemeHttp && loopback);
    }

    public static void AddProConnect(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ProConnectOptions.Section).Get<ProConnectOptions>() ?? new ProConnectOptions();
        services.AddSingleton(options);
        if (!options.IsConfigured) return;

        var authority = new Uri(options.Authority!);
        services.AddAuthentication().AddOpenIdConnect(Scheme, DisplayName, oidc =>
        {
            oidc.Authority = options.Authority;
            oidc.ClientId = options.ClientId;
            oidc.ClientSecret = options.ClientSecret;
            oidc.RequireHttpsMetadata = RequiresHttpsMetadata(authority);
            oidc.SignInScheme = IdentityConstants.ExternalScheme;
            // The app's session carries the id_token (AccountController), so sign-out finds it there.
            oidc.SignOutScheme = IdentityConstants.ApplicationScheme;
            oidc.CallbackPath = CallbackPath;
            oidc.SignedOutCallbackPath = SignedOutCallbackPath;
            oidc.SignedOutRedirectUri = "/";
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            // Query, not form_post: a top-level GET back carries the SameSite=Lax correlation and nonce cookies.
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.UsePkce = true;
            // The nonce is checked by the protocol validator against this browser's nonce cookie; the state by the
            // handler itself (data-protected, bound to the correlation cookie), hence the validator's own state check off.
            oidc.ProtocolValidator.RequireNonce = true;
            oidc.SaveTokens = true;
            oidc.GetClaimsFromUserInfoEndpoint = true;
            oidc.MapInboundClaims = false;
            oidc.TokenValidationParameters.NameClaimType = Claims.Email;
            oidc.Scope.Clear();
            foreach (var scope in Scopes) oidc.Scope.Add(scope);
            oidc.ClaimActions.MapUniqueJsonKey(Claims.UsualName, Claims.UsualName);
            oidc.ClaimActions.MapUniqueJsonKey(Claims.Siret, Claims.Siret);
            oidc.ClaimActions.MapUniqueJsonKey(Claims.EmailVerified, Claims.EmailVerified);
            // The app's own cookies are Lax and secure over HTTPS; the handler's are the same (the default is None + always Secure).
            foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }

            oidc.Events.OnRemoteFailure = RefuseAsync;
            oidc.Events.OnAccessDenied = context =>
            {
                Refuse(context.HttpContext, context.Properties);
                context.HandleResponse();
                return Task.CompletedTask;
            };
            oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                if (string.IsNullOrEmpty(context.ProtocolMessage.IdTokenHint)
                    && context.Properties.GetParameter<string>(IdTokenHintParameter) is { Length: > 0 } hint)
                {
                    context.ProtocolMessage.IdTokenHint = hint;
                }

                return Task.CompletedTask;
            };
        });
    }

    /// <summary>
    /// The origin the sign-in and sign-out forms redirect to (ProConnect's authorization and end-session endpoints are on
    /// its authority's host), for the content security policy's form-action; none when ProConnect is not configured.
    /// </summary>
    public static IReadOnlyList<string> FormTargets(ProConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.IsConfigured ? [new Uri(options.Authority!).GetLeftPart(UriPartial.Authority)] : [];
    }

    /// <summary>The properties of a sign-out that also ends the ProConnect session, coming back to <paramref name="redirectUri"/>.</summary>
    public static AuthenticationProperties SignOutProperties(string idToken, string redirectUri)
    {
        var properties = new AuthenticationProperties { RedirectUri = redirectUri };
        // A parameter, not an item: it goes to the provider as id_token_hint and is never written into the state.
        properties.SetParameter(IdTokenHintParameter, idToken);
        return properties;
    }

    /// <summary>Whether this session was opened through ProConnect (the authentication method SignInManager records).</summary>
    public static bool SignedInWithProConnect(ClaimsPrincipal user) =>
        user?.FindFirstValue(ClaimTypes.AuthenticationMethod) == Scheme;

    private static Task RefuseAsync(RemoteFailureContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProConnect))
            .LogWarning(context.Failure, "ProConnect sign-in refused: {Reason}", context.Failure?.GetType().Name);
        Refuse(context.HttpContext, context.Properties);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Whether ProConnect's metadata can be read (cached by the handler once read): asked before a challenge, so that a
    /// provider that is down gets a French message rather than the error page.
    /// </summary>
    public static async Task<bool> IsReachableAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(Scheme);
        try
        {
            await options.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProConnect))
                .LogWarning(e, "ProConnect metadata unavailable");
            return false;
        }
    }

    /// <summary>A challenge whose failure comes back to <paramref name="localPath"/> (e.g. the identity confirmation) rather than the sign-in page.</summary>
    public static void ComeBackOnFailureTo(AuthenticationProperties properties, string localPath)
    {
        ArgumentNullException.ThrowIfNull(properties);
        properties.Items[FailurePathItem] = localPath;
    }

    /// <summary>
    /// Back with the French message, never an exception page: to the sign-in page, or where the challenge asked. A
    /// tampered state has no readable properties: the sign-in page then.
    /// </summary>
    private static void Refuse(HttpContext context, AuthenticationProperties? properties)
    {
        var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
        tempData[ErrorKey] = FailedMessage;
        tempData.Save();
        var back = properties?.Items.TryGetValue(FailurePathItem, out var path) == true && IsLocal(path) ? path! : "/compte/connexion";
        context.Response.Redirect(back);
    }

    private static bool IsLocal(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'));
}
