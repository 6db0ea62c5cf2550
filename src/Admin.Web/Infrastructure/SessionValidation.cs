using System.Globalization;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Infrastructure;

/// <summary>
/// Ends a session as soon as its user's security stamp changes (password changed or reset,
/// two-factor turned on or off, sign-out, "se déconnecter de tous les appareils", a staff role changed
/// or the account deactivated by an administrator): a staff session
/// is checked on every request, a partner's at least once a minute. Replaces Identity's default
/// check, which runs only every 30 minutes.
/// </summary>
public static class SessionValidation
{
    public static readonly TimeSpan PartnerInterval = TimeSpan.FromMinutes(1);
    private const string CheckedAtKey = ".apip.stamp_checked";

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Identity?.IsAuthenticated != true) return;

        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var isStaff = Roles.Staff.Any(context.Principal.IsInRole);
        if (!isStaff && LastChecked(context.Properties) is { } checkedAt && now - checkedAt < PartnerInterval && now >= checkedAt)
        {
            return;
        }

        var user = await services.GetRequiredService<SignInManager<AppUser>>().ValidateSecurityStampAsync(context.Principal);
        // A deactivated account's stamp changed with it; checking the flag too keeps that true whatever else changes.
        if (user is null || user.DeactivatedAt is not null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (!isStaff)
        {
            context.Properties.Items[CheckedAtKey] = now.ToString("O", CultureInfo.InvariantCulture);
            context.ShouldRenew = true;
        }
    }

    private static DateTimeOffset? LastChecked(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(CheckedAtKey, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : properties.IssuedUtc;
}
