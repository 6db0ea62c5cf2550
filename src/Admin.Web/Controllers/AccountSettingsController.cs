using Admin.Infrastructure.Identity;
using Admin.Web.Features.Account;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

public sealed record AccountSettingsView(string DisplayName, string Email, bool TwoFactorEnabled);

/// <summary>"Mon compte": identity, password change and closing the sessions on other devices.</summary>
[Authorize, Route("compte")]
public sealed class AccountSettingsController(IMediator mediator, UserManager<AppUser> users, SignInManager<AppUser> signIn) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(Settings(user));
    }

    [HttpPost("mot-de-passe")]
    public async Task<IActionResult> ChangePassword(ChangePassword.Command command, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        var result = await mediator.Send(command, ct);
        if (result.IsFailure)
        {
            this.ShowErrors(result);
            // Passwords are never sent back to the page.
            return View(nameof(Index), Settings(user));
        }

        // The stamp changed: this session gets the new one, the others end.
        await signIn.RefreshSignInAsync((await users.GetUserAsync(User))!);
        TempData["Flash"] = "Votre mot de passe a été modifié. Vos sessions sur les autres appareils sont fermées.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("sessions/fermer")]
    public async Task<IActionResult> SignOutEverywhere(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        await users.UpdateSecurityStampAsync(user);
        await mediator.Send(new RecordAccountEvent.Command(user.Id, "account.signed_out_everywhere"), ct);
        await signIn.SignOutAsync();
        TempData["Flash"] = "Vous êtes déconnecté de tous les appareils, y compris celui-ci.";
        return RedirectToAction(nameof(AccountController.Login), "Account");
    }

    private static AccountSettingsView Settings(AppUser user) =>
        new(user.DisplayName, user.Email!, user.TwoFactorEnabled);
}
