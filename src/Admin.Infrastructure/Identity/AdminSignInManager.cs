using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Admin.Infrastructure.Identity;

/// <summary>
/// Password sign-in that tells an outsider nothing about an account before the password is proven.
/// Identity's default checks "confirmed?" and "locked?" before hashing, so an unknown, an
/// unconfirmed and a locked address answer differently and in different times. Here the password
/// hash is always verified first (an unknown address is verified against a dummy hash, so both cost
/// one hash); a locked account fails like a wrong password whatever the password, otherwise the
/// lockout would confirm a guessed password; only a right password learns that the address still
/// needs confirming.
/// </summary>
public sealed class AdminSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // Hashed once per process by the app's hasher, so verifying against it costs what verifying an
    // account's hash costs. Two first requests at once may both compute it: harmless.
    private static string? _dummyHash;

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var passwordIsRight = await UserManager.CheckPasswordAsync(user, password);

        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }

        if (!passwordIsRight)
        {
            if (UserManager.SupportsUserLockout && lockoutOnFailure)
            {
                await UserManager.AccessFailedAsync(user);
                if (await UserManager.IsLockedOutAsync(user)) return SignInResult.LockedOut;
            }

            return SignInResult.Failed;
        }

        if (!await CanSignInAsync(user))
        {
            return SignInResult.NotAllowed;
        }

        // As Identity does: with two-factor pending, failures keep counting until the second step succeeds.
        var twoFactorPending = UserManager.SupportsUserTwoFactor && await UserManager.GetTwoFactorEnabledAsync(user)
            && (await UserManager.GetValidTwoFactorProvidersAsync(user)).Count > 0 && !await IsTwoFactorClientRememberedAsync(user);
        if (UserManager.SupportsUserLockout && !twoFactorPending)
        {
            var reset = await UserManager.ResetAccessFailedCountAsync(user);
            if (!reset.Succeeded) return SignInResult.Failed;
        }

        return SignInResult.Success;
    }

    /// <summary>A deactivated account never signs in, whatever its password or second factor.</summary>
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DeactivatedAt is null && await base.CanSignInAsync(user);
    }

    /// <summary>
    /// An address without an account: the password is verified against a dummy hash, so answering
    /// costs the same as for an account, and the answer is a plain failure.
    /// </summary>
    public Task<SignInResult> UnknownAddressSignInAsync(string password)
    {
        var hasher = UserManager.PasswordHasher;
        var dummy = new AppUser();
        _dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(dummy, _dummyHash, password);
        return Task.FromResult(SignInResult.Failed);
    }
}
