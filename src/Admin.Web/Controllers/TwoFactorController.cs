using System.Text;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Web.Features.Account;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace Admin.Web.Controllers;

public sealed record TwoFactorSetupView(bool Enabled, string SharedKey, string QrCodeDataUri, int RecoveryCodesLeft, bool IsStaff, string? ReturnUrl, string? Code);
public sealed record EnableTwoFactorForm(string? Code, string? ReturnUrl);

/// <summary>Two-factor authentication (TOTP) and its recovery codes. Mandatory for staff.</summary>
[Authorize, Route("compte/double-authentification")]
public sealed class TwoFactorController(UserManager<AppUser> users, SignInManager<AppUser> signIn, IMediator mediator) : Controller
{
    private const string Issuer = "API Particulier";
    private const int RecoveryCodeCount = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(await SetupViewAsync(user, returnUrl, null));
    }

    [HttpPost("activer")]
    public async Task<IActionResult> Enable(EnableTwoFactorForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        var code = TwoFactorCodes.Normalize(form.Code);
        var valid = code is not null && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(form.Code), code is null
                ? "Saisissez le code à 6 chiffres affiché par votre application d'authentification."
                : "Ce code n'est pas valide. Vérifiez l'heure de votre téléphone et saisissez le nouveau code affiché.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await SetupViewAsync(user, form.ReturnUrl, form.Code));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await mediator.Send(new RecordAccountEvent.Command(user.Id, "account.two_factor_enabled"));
        // The session now carries the second factor (the code was just proven).
        await signIn.RefreshSignInAsync(user);
        ViewData["ReturnUrl"] = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null;
        return RecoveryCodesPage(recoveryCodes!);
    }

    [HttpPost("codes-de-recuperation")]
    public async Task<IActionResult> RegenerateRecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToAction(nameof(Index));

        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await mediator.Send(new RecordAccountEvent.Command(user.Id, "account.recovery_codes_regenerated"));
        return RecoveryCodesPage(recoveryCodes!);
    }

    /// <summary>
    /// "Télécharger les codes": the codes page posts back the codes it shows, and gets them as a text file,
    /// never cached. Only what has the shape of recovery codes is written back, so this is no echo service.
    /// </summary>
    [HttpPost("codes-de-recuperation/telecharger")]
    public async Task<IActionResult> DownloadRecoveryCodes(List<string>? codes)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (codes is not { Count: > 0 and <= RecoveryCodeCount } || !codes.All(RecoveryCodes.IsWellFormed)) return BadRequest();

        Response.Headers.CacheControl = "no-store, max-age=0";
        return File(RecoveryCodes.TextFile(user.Email!, codes), "text/plain; charset=utf-8", RecoveryCodes.FileName);
    }

    [HttpPost("desactiver")]
    public async Task<IActionResult> Disable()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if ((await users.GetRolesAsync(user)).Any(Roles.IsStaff))
        {
            TempData["Flash"] = "La double authentification est obligatoire pour les comptes des agents : elle ne peut pas être désactivée.";
            return RedirectToAction(nameof(Index));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await mediator.Send(new RecordAccountEvent.Command(user.Id, "account.two_factor_disabled"));
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "La double authentification est désactivée.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The codes, shown once: the page is never cached.</summary>
    private ViewResult RecoveryCodesPage(IEnumerable<string> recoveryCodes)
    {
        Response.Headers.CacheControl = "no-store, max-age=0";
        return View("RecoveryCodes", recoveryCodes.ToList());
    }

    private async Task<TwoFactorSetupView> SetupViewAsync(AppUser user, string? returnUrl, string? typedCode)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key rotates the security stamp: keep this session, which asked for it.
            await signIn.RefreshSignInAsync(user);
        }

        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        var dataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        var roles = await users.GetRolesAsync(user);
        return new TwoFactorSetupView(user.TwoFactorEnabled, FormatKey(key!), dataUri,
            await users.CountRecoveryCodesAsync(user), roles.Any(Roles.IsStaff), returnUrl, typedCode);
    }

    private static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}

internal static partial class RecoveryCodes
{
    public const string FileName = "codes-de-recuperation-api-particulier.txt";

    /// <summary>Identity's recovery codes: two groups of five letters or digits ("A1B2C-3D4E5").</summary>
    public static bool IsWellFormed(string? code) => code is not null && Shape().IsMatch(code);

    public static byte[] TextFile(string email, IEnumerable<string> codes) => Encoding.UTF8.GetBytes(
        $"Codes de récupération de votre compte API Particulier ({email})\r\n"
        + "Chaque code permet une seule connexion si vous perdez l'accès à votre application d'authentification.\r\n\r\n"
        + string.Concat(codes.Select(c => c + "\r\n")));

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$")]
    private static partial System.Text.RegularExpressions.Regex Shape();
}
