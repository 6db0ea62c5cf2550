using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Web.Features.Account;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

public sealed record LoginForm(string? Email, string? Password, string? ReturnUrl);
public sealed record TwoFactorLoginForm(string? Code, string? ReturnUrl);
public sealed record RecoveryCodeLoginForm(string? RecoveryCode, string? ReturnUrl);
public sealed record EmailForm(string? Email);

[Route("compte")]
public sealed class AccountController(IMediator mediator, AdminSignInManager signIn, UserManager<AppUser> users, ProConnectOptions proConnect)
    : Controller
{
    private const string EmailMaxLengthMessage = "L'adresse électronique ne peut pas dépasser 254 caractères.";

    /// <summary>The one answer for an unknown address, a wrong password and a locked account.</summary>
    private const string SignInFailedMessage =
        "Adresse électronique ou mot de passe incorrect. Après 5 essais infructueux, le compte est verrouillé 15 minutes.";

    [HttpGet("inscription"), AllowAnonymous]
    public IActionResult Register() => View(new Register.Command(null, null, null, null, null));

    [HttpPost("inscription"), AllowAnonymous]
    public async Task<IActionResult> Register(Register.Command command, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        if (result.IsFailure)
        {
            this.ShowErrors(result);
            return View(command);
        }

        TempData["Email"] = command.Email?.Trim();
        return RedirectToAction(nameof(RegisterConfirmation));
    }

    [HttpGet("inscription/verifiez-vos-courriels"), AllowAnonymous]
    public IActionResult RegisterConfirmation() => View(model: TempData["Email"] as string);

    [HttpGet("confirmer"), AllowAnonymous]
    public async Task<IActionResult> ConfirmEmail(Guid userId, string? code, CancellationToken ct)
    {
        var result = await mediator.Send(new ConfirmEmail.Command(userId, code), ct);
        return View(result.IsSuccess);
    }

    [HttpGet("renvoyer-confirmation"), AllowAnonymous]
    public IActionResult ResendConfirmation() => View(new ResendConfirmation.Command(null));

    [HttpPost("renvoyer-confirmation"), AllowAnonymous]
    public async Task<IActionResult> ResendConfirmation(ResendConfirmation.Command command, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        if (result.IsFailure)
        {
            this.ShowErrors(result);
            return View(command);
        }

        TempData["Flash"] = "Si un compte non confirmé existe pour cette adresse, un nouveau lien vient d'y être envoyé.";
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("connexion"), AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm(null, null, returnUrl));

    [HttpPost("connexion"), AllowAnonymous]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Email)) ModelState.AddModelError(nameof(form.Email), "Saisissez votre adresse électronique.");
        else if (form.Email.Length > 254) ModelState.AddModelError(nameof(form.Email), EmailMaxLengthMessage);
        if (string.IsNullOrEmpty(form.Password)) ModelState.AddModelError(nameof(form.Password), "Saisissez votre mot de passe.");
        else if (form.Password.Length > 128) ModelState.AddModelError(nameof(form.Password), "Le mot de passe ne peut pas dépasser 128 caractères.");
        if (!ModelState.IsValid)
        {
            return Invalid(form);
        }

        // Unknown, wrong password, locked: one answer, and one password hash each (AdminSignInManager).
        var user = await users.FindByEmailAsync(form.Email!.Trim());
        var outcome = user is null
            ? await signIn.UnknownAddressSignInAsync(form.Password!)
            : await signIn.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);
        if (outcome.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginWithTwoFactor), new { returnUrl = form.ReturnUrl });
        }

        if (outcome.IsNotAllowed)
        {
            // Only reached with the right password.
            ModelState.AddModelError("", user?.DeactivatedAt is not null
                ? AccountMessages.Deactivated
                : "Votre adresse électronique n'est pas encore confirmée. Ouvrez le lien reçu par courriel, ou demandez-en un nouveau.");
            return Invalid(form);
        }

        if (!outcome.Succeeded || user is null)
        {
            ModelState.AddModelError("", SignInFailedMessage);
            return Invalid(form);
        }

        return await AfterSignInAsync(user, form.ReturnUrl);
    }

    [HttpGet("connexion/double-authentification"), AllowAnonymous]
    public async Task<IActionResult> LoginWithTwoFactor(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToAction(nameof(Login));
        return View(new TwoFactorLoginForm(null, returnUrl));
    }

    [HttpPost("connexion/double-authentification"), AllowAnonymous]
    public async Task<IActionResult> LoginWithTwoFactor(TwoFactorLoginForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToAction(nameof(Login));

        var code = TwoFactorCodes.Normalize(form.Code);
        if (code is null)
        {
            ModelState.AddModelError(nameof(form.Code), "Saisissez le code à 6 chiffres affiché par votre application d'authentification.");
            return Invalid(form);
        }

        var outcome = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (outcome.IsLockedOut)
        {
            ModelState.AddModelError("", "Ce compte est verrouillé pendant 15 minutes après plusieurs tentatives infructueuses.");
            return Invalid(form);
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(nameof(form.Code), "Ce code n'est pas valide. Vérifiez l'heure de votre téléphone et saisissez le code affiché.");
            return Invalid(form);
        }

        return await AfterSignInAsync(user, form.ReturnUrl);
    }

    [HttpGet("connexion/code-de-recuperation"), AllowAnonymous]
    public async Task<IActionResult> LoginWithRecoveryCode(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToAction(nameof(Login));
        return View(new RecoveryCodeLoginForm(null, returnUrl));
    }

    [HttpPost("connexion/code-de-recuperation"), AllowAnonymous]
    public async Task<IActionResult> LoginWithRecoveryCode(RecoveryCodeLoginForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToAction(nameof(Login));

        var code = form.RecoveryCode?.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(code) || code.Length > 32)
        {
            ModelState.AddModelError(nameof(form.RecoveryCode), "Saisissez l'un de vos codes de récupération.");
            return Invalid(form);
        }

        var outcome = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(nameof(form.RecoveryCode), outcome.IsLockedOut
                ? "Ce compte est verrouillé pendant 15 minutes après plusieurs tentatives infructueuses."
                : "Ce code de récupération n'est pas valide ou a déjà été utilisé.");
            return Invalid(form);
        }

        TempData["Flash"] = "Vous vous êtes connecté avec un code de récupération. Chaque code ne sert qu'une fois : pensez à en générer de nouveaux.";
        return await AfterSignInAsync(user, form.ReturnUrl);
    }

    [HttpPost("deconnexion")]
    public async Task<IActionResult> Logout()
    {
        // Read before the session ends: a ProConnect session is also ended at ProConnect, with its id_token as the hint.
        var idToken = proConnect.IsConfigured && ProConnect.SignedInWithProConnect(User)
            ? await HttpContext.GetTokenAsync(IdentityConstants.ApplicationScheme, "id_token")
            : null;

        // A new security stamp: this cookie, and any copy of it, is refused from now on.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        TempData["Flash"] = "Vous êtes déconnecté.";
        var home = Url.Action(nameof(HomeController.Index), "Home") ?? "/";
        return idToken is null ? LocalRedirect(home) : SignOut(ProConnect.SignOutProperties(idToken, home), ProConnect.Scheme);
    }

    /// <summary>"S'identifier avec ProConnect": off to ProConnect, back through <see cref="ProConnectCallback"/>.</summary>
    [HttpPost("proconnect"), AllowAnonymous]
    public async Task<IActionResult> ProConnectSignIn(string? returnUrl)
    {
        if (!proConnect.IsConfigured) return NotFound();
        if (!await ProConnect.IsReachableAsync(HttpContext)) return RefuseProConnect(ProConnect.UnreachableMessage);
        var callback = Url.Action(nameof(ProConnectCallback), new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(ProConnect.Scheme, callback), ProConnect.Scheme);
    }

    /// <summary>
    /// ProConnect's answer, already checked by the handler (state, nonce, code with PKCE) and kept in Identity's external
    /// cookie: the account is found, linked or created, and the app's usual session opened. A partner without an
    /// organization goes on to register one, its SIRET taken from ProConnect.
    /// </summary>
    [HttpGet("proconnect/retour"), AllowAnonymous]
    public async Task<IActionResult> ProConnectCallback(string? returnUrl, CancellationToken ct)
    {
        if (!proConnect.IsConfigured) return NotFound();
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is not { } answer)
        {
            return RefuseProConnect(ProConnect.FailedMessage);
        }

        var result = await mediator.Send(new SignInWithProConnect.Command(
            answer.FindFirst(ProConnect.Claims.Subject)?.Value,
            answer.FindFirst(ProConnect.Claims.Email)?.Value,
            bool.TryParse(answer.FindFirst(ProConnect.Claims.EmailVerified)?.Value, out var verified) ? verified : null,
            answer.FindFirst(ProConnect.Claims.GivenName)?.Value,
            answer.FindFirst(ProConnect.Claims.UsualName)?.Value), ct);
        if (result.IsFailure) return RefuseProConnect(result.Errors[0].Message);

        var user = await users.FindByIdAsync(result.Value.UserId.ToString());
        if (user is null || !await signIn.CanSignInAsync(user)) return RefuseProConnect(AccountMessages.Deactivated);

        if (result.Value.Created) TempData["Flash"] = "Votre compte a été créé avec ProConnect.";
        else if (result.Value.Linked) TempData["Flash"] = "Votre compte est désormais relié à ProConnect.";

        if (user.TwoFactorEnabled)
        {
            // ProConnect does not skip a second factor the user turned on: Identity's two-factor step, as after a
            // password (that session then signs out locally only: the id_token does not cross the two-factor step).
            var pending = await signIn.ExternalLoginSignInAsync(ProConnect.Scheme, answer.FindFirst(ProConnect.Claims.Subject)!.Value, isPersistent: false);
            return pending.RequiresTwoFactor
                ? RedirectToAction(nameof(LoginWithTwoFactor), new { returnUrl })
                : RefuseProConnect(ProConnect.FailedMessage);
        }

        var session = new AuthenticationProperties();
        session.StoreTokens(external.Properties?.GetTokens().Where(t => t.Name == "id_token") ?? []);
        await signIn.SignInAsync(user, session, ProConnect.Scheme);

        if (!result.Value.HasOrganization && !Url.IsLocalUrl(returnUrl))
        {
            var siret = answer.FindFirst(ProConnect.Claims.Siret)?.Value;
            return RedirectToAction(nameof(OrganizationsController.Register), "Organizations", new { siret });
        }

        return await AfterSignInAsync(user, returnUrl);
    }

    private RedirectToActionResult RefuseProConnect(string message)
    {
        TempData[ProConnect.ErrorKey] = message;
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("mot-de-passe-oublie"), AllowAnonymous]
    public IActionResult ForgotPassword() => View(new ForgotPassword.Command(null));

    [HttpPost("mot-de-passe-oublie"), AllowAnonymous]
    public async Task<IActionResult> ForgotPassword(ForgotPassword.Command command, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        if (result.IsFailure)
        {
            this.ShowErrors(result);
            return View(command);
        }

        TempData["Flash"] = "Si un compte existe pour cette adresse, un lien de réinitialisation vient d'y être envoyé. Il est valable 24 heures.";
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("nouveau-mot-de-passe"), AllowAnonymous]
    public IActionResult ResetPassword(string? email, string? code) =>
        View(new ResetPassword.Command(email, code, null, null));

    [HttpPost("nouveau-mot-de-passe"), AllowAnonymous]
    public async Task<IActionResult> ResetPassword(ResetPassword.Command command, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        if (result.IsFailure)
        {
            this.ShowErrors(result);
            return View(command);
        }

        TempData["Flash"] = "Votre mot de passe a été modifié. Vous pouvez vous connecter.";
        return RedirectToAction(nameof(Login));
    }

    private ViewResult Invalid(object form)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    /// <summary>Staff without two-factor go straight to its set-up; everyone else to their home page.</summary>
    private async Task<IActionResult> AfterSignInAsync(AppUser user, string? returnUrl)
    {
        var roles = await users.GetRolesAsync(user);
        var isStaff = roles.Any(Roles.IsStaff);
        if (isStaff && !user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(TwoFactorController.Index), "TwoFactor", new { returnUrl });
        }

        if (!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl))
        {
            return LocalRedirect(returnUrl);
        }

        return isStaff ? RedirectToAction(nameof(StaffController.Index), "Staff") : RedirectToAction(nameof(PartnerController.Index), "Partner");
    }
}

internal static class TwoFactorCodes
{
    /// <summary>Six digits, spaces and dashes ignored; null when it cannot be a code.</summary>
    public static string? Normalize(string? code)
    {
        var digits = code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits is { Length: 6 } && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
