using System.Security.Claims;
using System.Text.Encodings.Web;
using Admin.Domain.ApiKeys;
using Admin.Infrastructure.Gateway;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Admin.Web.Gateway;

/// <summary>
/// The gateway endpoints' own authentication scheme: the X-Gateway-Credential header, recognized
/// from memory (<see cref="GatewayCredentialDirectory"/>). Its challenge is the contract's 401
/// GATEWAY_UNAUTHENTICATED, never the pages' redirect to the sign-in form.
/// </summary>
public sealed class GatewayCredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "GatewayCredential";
    public const string HeaderName = "X-Gateway-Credential";
    public const string EnvironmentClaim = "gateway_environment";

    // One ticket per credential, built once: the hot path allocates no principal per call.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GatewayCaller, AuthenticateResult> Tickets = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var caller = await FindCallerAsync(Context);
        if (caller is null) return AuthenticateResult.NoResult();
        return Tickets.GetValue(caller, static c =>
        {
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, c.Id.ToString()), new Claim(ClaimTypes.Name, c.Name), new Claim(EnvironmentClaim, c.Environment.ContractName())],
                SchemeName);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
        });
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => GatewayResponses.WriteUnauthenticatedAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => GatewayResponses.WriteUnauthenticatedAsync(Context);

    /// <summary>The gateway asking, remembered on the request so the endpoint does not look it up twice.</summary>
    public static async ValueTask<GatewayCaller?> FindCallerAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(typeof(GatewayCaller), out var known)) return known as GatewayCaller;
        var directory = context.RequestServices.GetRequiredService<GatewayCredentialDirectory>();
        var header = context.Request.Headers[HeaderName];
        var caller = header.Count == 1 ? await directory.FindAsync(header[0], context.RequestAborted) : null;
        context.Items[typeof(GatewayCaller)] = caller;
        return caller;
    }
}
