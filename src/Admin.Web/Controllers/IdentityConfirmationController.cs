using Admin.Infrastructure.Identity;
using Admin.Web.Features.Account;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>How the user confirms: the two-factor code, the password, or ProConnect for an account without a password.</summary>
public enum ConfirmationMethod
{
    Password,
    TwoFactor,
    ProConnect,

    /// <summary>No password and ProConnect not configured: nothing to confirm with but choosing a password.</summary>
    None,
}

public sealed record IdentityConfirmationView(ConfirmationMethod Method, string ReturnUrl, string? Password = null, string? Code = null)
{
    public bool TwoFactor => Method == ConfirmationMethod.TwoFactor;
}

/// <summary>"Confirmez votre identité": password, two-factor code or ProConnect, then back to the sensitive action (IdentityConfirmation).</summary>
[Authorize, Route("compte/confirmer-identite")]
public sealed class IdentityConfirmationController(IMediator mediator, UserManager<AppUser> users, TimeProvider time, ProConnectOptions proConnect)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(new IdentityConfirmationView(await MethodForAsync(user), LocalOrHome(returnUrl)));
    }

    [HttpPost("")]
    public async Task<IActionResult> Confirm(string? password, string? code, string? returnUrl, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        var result = await mediator.Send(new ConfirmIdentity.Command(password, code), ct);
        if (result.IsFailure)
        {
            if (this.Refusal(result) is { } refusal) return refusal;
            this.ShowErrors(result);
            return View(nameof(Index), new IdentityConfirmationView(await MethodForAsync(user), LocalOrHome(returnUrl)));
        }

        await IdentityConfirmation.RecordAsync(HttpContext, time.GetUtcNow());
        return Redirect(LocalOrHome(returnUrl));
    }

    /// <summary>"Confirmer avec ProConnect": ProConnect is asked to identify the user again, whatever session it has.</summary>
    [HttpPost("proconnect")]
    public async Task<IActionResult> ConfirmWithProConnect(string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await MethodForAsync(user) != ConfirmationMethod.ProConnect) return NotFound();

        var back = LocalOrHome(returnUrl);
        if (!await ProConnect.IsReachableAsync(HttpContext))
        {
            TempData[ProConnect.ErrorKey] = ProConnect.UnreachableMessage;
            return Redirect(IdentityConfirmation.UrlFor(back));
        }

        var properties = new OpenIdConnectChallengeProperties
        {
            RedirectUri = Url.Action(nameof(ProConnectAnswer), new { returnUrl = back }),
            Prompt = "login",
            MaxAge = TimeSpan.Zero,
        };
        ProConnect.ComeBackOnFailureTo(properties, IdentityConfirmation.UrlFor(back));
        return Challenge(properties, ProConnect.Scheme);
    }

    [HttpGet("proconnect/retour")]
    public async Task<IActionResult> ProConnectAnswer(string? returnUrl, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!proConnect.IsConfigured) return NotFound();

        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var answer = external.Principal;
        var result = await mediator.Send(new ConfirmIdentityWithProConnect.Command(
            answer?.FindFirst(ProConnect.Claims.Subject)?.Value,
            long.TryParse(answer?.FindFirst(ProConnect.Claims.AuthTime)?.Value, out var authTime) ? authTime : null), ct);
        if (result.IsFailure)
        {
            TempData[ProConnect.ErrorKey] = result.Errors[0].Message;
            return Redirect(IdentityConfirmation.UrlFor(LocalOrHome(returnUrl)));
        }

        await IdentityConfirmation.RecordAsync(HttpContext, time.GetUtcNow());
        return Redirect(LocalOrHome(returnUrl));
    }

    private async Task<ConfirmationMethod> MethodForAsync(AppUser user) =>
        user.TwoFactorEnabled ? ConfirmationMethod.TwoFactor
        : await users.HasPasswordAsync(user) ? ConfirmationMethod.Password
        : proConnect.IsConfigured ? ConfirmationMethod.ProConnect
        : ConfirmationMethod.None;

    private string LocalOrHome(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
