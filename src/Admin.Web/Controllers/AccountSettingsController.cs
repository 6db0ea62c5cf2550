using Admin.Domain.Common;
using Admin.Infrastructure.Identity;
using Admin.Web.Features.Access;
using Admin.Web.Features.Account;
using Admin.Web.Features.Organizations;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

public sealed record AccountSettingsView(string FirstName, string LastName, string Email, bool TwoFactorEnabled,
    bool IsStaff, IReadOnlyList<MembershipSummary> Memberships);

/// <summary>
/// "Mon compte": name, address (changed through a link sent to the new one), password, two-factor,
/// organizations (leave), closing the sessions on other devices, and deleting the account.
/// </summary>
[Authorize, Route("compte")]
public sealed class AccountSettingsController(IMediator mediator, UserManager<AppUser> users, SignInManager<AppUser> signIn) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(await SettingsAsync(user, ct));
    }

    [HttpPost("nom")]
    public Task<IActionResult> ChangeName(ChangeName.Command command, CancellationToken ct) =>
        // The session's claims carry the first name shown in the header.
        ChangedAndRefreshedAsync(command, "Votre nom a été modifié.", ct);

    [HttpPost("mot-de-passe")]
    public Task<IActionResult> ChangePassword(ChangePassword.Command command, CancellationToken ct) =>
        // The stamp changed: this session gets the new one, the others end. Passwords are never sent back to the page.
        ChangedAndRefreshedAsync(command, "Votre mot de passe a été modifié. Vos sessions sur les autres appareils sont fermées.", ct);

    [HttpPost("adresse")]
    public async Task<IActionResult> RequestEmailChange(RequestEmailChange.Command command, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        if (await FailedAsync(result, ct) is { } page) return page;

        // The same answer whether the address is free or taken: this page never tells who has an account.
        return this.RedirectWithFlash("/compte",
            $"Un lien de confirmation a été envoyé à {command.NewEmail!.Trim()}. Votre adresse ne changera qu'à l'ouverture de ce lien, valable 24 heures.");
    }

    /// <summary>The link from the e-mail sent to the new address; it may be opened in any browser, signed in or not.</summary>
    [HttpGet("adresse/confirmer"), AllowAnonymous]
    public async Task<IActionResult> ConfirmEmailChange(Guid userId, string? email, string? code, CancellationToken ct)
    {
        var result = await mediator.Send(new ConfirmEmailChange.Command(userId, email, code), ct);
        if (result.IsFailure)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("EmailChanged", false);
        }

        // Every session ended with the stamp; this browser, if it is the account's, keeps going with the new one.
        if (users.GetUserId(User) == userId.ToString() && await users.FindByIdAsync(userId.ToString()) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return View("EmailChanged", true);
    }

    [HttpPost("sessions/fermer")]
    public async Task<IActionResult> SignOutEverywhere(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        await users.UpdateSecurityStampAsync(user);
        await mediator.Send(new RecordAccountEvent.Command(user.Id, "account.signed_out_everywhere"), ct);
        await signIn.SignOutAsync();
        return this.RedirectWithFlash("/compte/connexion", "Vous êtes déconnecté de tous les appareils, y compris celui-ci.");
    }

    [HttpGet("supprimer")]
    public async Task<IActionResult> Delete(CancellationToken ct) =>
        this.Page(await mediator.Send(new DeleteAccount.Query(), ct), page => View("Delete", page));

    [HttpPost("supprimer")]
    public async Task<IActionResult> Delete(DeleteAccount.Command command, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        if (result.IsFailure)
        {
            if (this.Refusal(result) is { } refusal) return refusal;
            var page = await mediator.Send(new DeleteAccount.Query(), ct);
            this.ShowErrors(result, conflict: ConflictAnswer.Status400);
            return this.Page(page, p => View("Delete", p));
        }

        await signIn.SignOutAsync();
        return this.RedirectWithFlash("/compte/connexion",
            "Votre compte est supprimé et vous êtes déconnecté. Un courriel de confirmation a été envoyé à votre ancienne adresse.");
    }

    /// <summary>A change of this page's forms that the session must follow: refreshed on success, the page again on failure.</summary>
    private async Task<IActionResult> ChangedAndRefreshedAsync(ICommand<Result> command, string flash, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        if (await FailedAsync(result, ct) is { } page) return page;

        await signIn.RefreshSignInAsync((await users.GetUserAsync(User))!);
        return this.RedirectWithFlash("/compte", flash);
    }

    /// <summary>A failed form of this page: the page again, errors next to their fields; null on success.</summary>
    private async Task<IActionResult?> FailedAsync(Result result, CancellationToken ct)
    {
        if (result.IsSuccess) return null;
        if (this.Refusal(result) is { } refusal) return refusal;
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        this.ShowErrors(result, conflict: ConflictAnswer.Status400);
        return View(nameof(Index), await SettingsAsync(user, ct));
    }

    private async Task<AccountSettingsView> SettingsAsync(AppUser user, CancellationToken ct)
    {
        var organizations = await mediator.Send(new ListMyOrganizations.Query(null), ct);
        return new(user.FirstName, user.LastName, user.Email!, user.TwoFactorEnabled,
            Admin.Domain.Users.Roles.Staff.Any(User.IsInRole), organizations.IsSuccess ? organizations.Value.Memberships : []);
    }
}
