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
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await mediator.Send(new RecordAccountEvent.Command(user.Id, "account.two_factor_enabled"));
        // The session now carries the second factor (the code was just proven).
        await signIn.RefreshSignInAsync(user);
        ViewData["ReturnUrl"] = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null;
        return View("RecoveryCodes", recoveryCodes!.ToList());
    }

    [HttpPost("codes-de-recuperation")]
    public async Task<IActionResult> RegenerateRecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToAction(nameof(Index));

        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await mediator.Send(new RecordAccountEvent.Command(user.Id, "account.recovery_codes_regenerated"));
        return View("RecoveryCodes", recoveryCodes!.ToList());
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
