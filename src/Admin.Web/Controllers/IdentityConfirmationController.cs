using Admin.Infrastructure.Identity;
using Admin.Web.Features.Account;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

public sealed record IdentityConfirmationView(bool TwoFactor, string ReturnUrl, string? Password = null, string? Code = null);

/// <summary>"Confirmez votre identité": password or two-factor code, then back to the sensitive action (IdentityConfirmation).</summary>
[Authorize, Route("compte/confirmer-identite")]
public sealed class IdentityConfirmationController(IMediator mediator, UserManager<AppUser> users, TimeProvider time) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(new IdentityConfirmationView(user.TwoFactorEnabled, LocalOrHome(returnUrl)));
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
            return View(nameof(Index), new IdentityConfirmationView(user.TwoFactorEnabled, LocalOrHome(returnUrl)));
        }

        await IdentityConfirmation.RecordAsync(HttpContext, time.GetUtcNow());
        return Redirect(LocalOrHome(returnUrl));
    }

    private string LocalOrHome(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
