using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Infrastructure;

/// <summary>
/// "Confirm it is you" before a sensitive action (creating an API key): the time of the last
/// confirmation rides in the session cookie as a claim, protected like the rest of the cookie, and
/// counts for <see cref="Window"/>. Only the session that confirmed benefits; a new sign-in or a
/// re-issued session (password change, two-factor set-up) starts without it
/// (docs/decisions/0012-api-keys-and-identity-confirmation.md).
/// </summary>
public static class IdentityConfirmation
{
    public const string ClaimType = "apip:identity_confirmed_at";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public const string Path = "/compte/confirmer-identite";

    /// <summary>Whether a confirmation at <paramref name="confirmedAt"/> still counts at <paramref name="now"/> (one from the future does not).</summary>
    public static bool IsRecent(DateTimeOffset? confirmedAt, DateTimeOffset now) =>
        confirmedAt is { } at && at <= now && now - at < Window;

    public static DateTimeOffset? ConfirmedAt(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return long.TryParse(principal.FindFirstValue(ClaimType), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    /// <summary>The page that asks for the confirmation, coming back to <paramref name="returnUrl"/>.</summary>
    public static string UrlFor(string returnUrl) => $"{Path}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Re-issues the current session cookie with the confirmation time, keeping its other claims and properties.</summary>
    public static async Task RecordAsync(HttpContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (current.Principal?.Identity is not ClaimsIdentity identity || current.Properties is null)
            throw new InvalidOperationException("No session to record the confirmation in.");

        var renewed = identity.Clone();
        foreach (var old in renewed.FindAll(ClaimType).ToList()) renewed.RemoveClaim(old);
        renewed.AddClaim(new Claim(ClaimType, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        await context.SignInAsync(IdentityConstants.ApplicationScheme, new ClaimsPrincipal(renewed), current.Properties);
    }
}
