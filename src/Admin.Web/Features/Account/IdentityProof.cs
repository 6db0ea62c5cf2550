using Admin.Domain.Common;
using Admin.Infrastructure.Identity;
using Admin.Web.Controllers;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Account;

/// <summary>
/// The signed-in user proves again that it is them: by their password (a wrong one counts towards the
/// lockout, like a failed sign-in) or by their two-factor code (each code once). The errors name the
/// field they belong to, <paramref name="passwordField"/> or <paramref name="codeField"/>.
/// </summary>
internal static class IdentityProof
{
    public static async Task<Error?> CheckPasswordAsync(SignInManager<AppUser> signIn, AppUser user, string? password, string passwordField)
    {
        if (string.IsNullOrEmpty(password) || password.Length > AccountRules.PasswordMaxLength) return ConfirmIdentity.PasswordRequired.ForField(passwordField);
        var checkedPassword = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (checkedPassword.IsLockedOut) return ConfirmIdentity.LockedOut.ForField(passwordField);
        return checkedPassword.Succeeded ? null : ConfirmIdentity.WrongPassword.ForField(passwordField);
    }

    public static async Task<Error?> CheckCodeAsync(UserManager<AppUser> users, AppUser user, string? typedCode, string codeField)
    {
        var code = TwoFactorCodes.Normalize(typedCode);
        if (code is null) return ConfirmIdentity.CodeRequired.ForField(codeField);
        return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            ? null
            : ConfirmIdentity.WrongCode.ForField(codeField);
    }
}
