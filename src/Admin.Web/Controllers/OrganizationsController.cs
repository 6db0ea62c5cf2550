using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Sirene;
using Admin.Web.Features.Organizations;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>
/// The partner's organizations: register one, choose the current one, manage members. Another
/// organization answers 404 as if it did not exist; a member without the applicant role gets 403.
/// </summary>
[Authorize(Policy = Policies.Partner), Route("organisations")]
public sealed class OrganizationsController(IMediator mediator, CurrentOrganizationCookie currentOrganization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View((await mediator.Send(new ListMyOrganizations.Query(currentOrganization.Chosen), ct)).Value);

    /// <summary>The form, its SIRET given by <paramref name="siret"/> (ProConnect's) and looked up as a typed one when the directory is there.</summary>
    [HttpGet("nouvelle")]
    public async Task<IActionResult> Register(string? siret, [FromServices] IEstablishmentDirectory directory, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(siret)) return View(RegisterOrganization.Command.Empty);

        var given = RegisterOrganization.Command.Empty with { Siret = siret.Trim() };
        return directory.IsConfigured ? await LookUpAsync(given, ct) : View(given);
    }

    [HttpPost("nouvelle")]
    public async Task<IActionResult> Register(RegisterOrganization.Command command, [FromForm] string? intent, CancellationToken ct)
    {
        if (intent == "lookup") return await LookUpAsync(command, ct);

        var result = await mediator.Send(command, ct);
        if (result.IsFailure)
        {
            this.ShowErrors(result, conflict: ConflictAnswer.Status400);
            return View(command with { Address = command.Address ?? RegisterOrganization.Command.Empty.Address });
        }

        currentOrganization.Remember(result.Value);
        TempData["Flash"] = $"L'organisation « {command.Name?.Trim()} » est inscrite. Vous en êtes le demandeur et vous travaillez désormais pour elle.";
        return RedirectToAction(nameof(PartnerController.Index), "Partner");
    }

    /// <summary>"Rechercher": the same form again, filled from the directory where it knows, the rest as typed.</summary>
    private async Task<IActionResult> LookUpAsync(RegisterOrganization.Command typed, CancellationToken ct)
    {
        var lookup = await mediator.Send(new LookUpSiret.Query(typed.Siret), ct);
        if (lookup.IsFailure)
        {
            this.ShowErrors(lookup, conflict: ConflictAnswer.Status400);
            return View(nameof(Register), typed with { Address = typed.Address ?? RegisterOrganization.Command.Empty.Address });
        }

        // The posted values would win over the model's in the fields: the directory's must show.
        ModelState.Clear();
        ViewData[SiretLookup.ViewDataKey] = lookup.Value;
        return View(nameof(Register), lookup.Value.Fill(typed));
    }

    [HttpPost("{id:guid}/choisir")]
    public async Task<IActionResult> Choose(Guid id, CancellationToken ct)
    {
        var result = await mediator.Send(new ChooseOrganization.Command(id), ct);
        if (result.IsFailure) return this.Refusal(result) ?? NotFound();

        currentOrganization.Remember(id);
        TempData["Flash"] = $"Vous travaillez désormais pour « {result.Value} ».";
        return RedirectToAction(nameof(PartnerController.Index), "Partner");
    }

    [HttpGet("{id:guid}/membres")]
    public async Task<IActionResult> Members(Guid id, CancellationToken ct)
    {
        var page = await mediator.Send(new GetMembers.Query(id), ct);
        return this.Page(page, p => View(p));
    }

    [HttpPost("{id:guid}/invitations")]
    public async Task<IActionResult> Invite(Guid id, [Bind(Prefix = nameof(MembersPage.Invite))] InviteMember.Form form, CancellationToken ct)
    {
        var result = await mediator.Send(new InviteMember.Command(id, form.Email, form.Role), ct);
        if (result.IsFailure)
        {
            return this.Refusal(result) ?? await MembersAgainAsync(id, result, nameof(MembersPage.Invite), form, ct);
        }

        TempData["Flash"] = $"Une invitation a été envoyée à {form.Email?.Trim().ToLowerInvariant()}. Elle est valable 7 jours.";
        return RedirectToAction(nameof(Members), new { id });
    }

    [HttpPost("{id:guid}/membres/{userId:guid}/role")]
    public async Task<IActionResult> ChangeRole(Guid id, Guid userId, MembershipRole? role, CancellationToken ct)
    {
        var result = await mediator.Send(new ChangeMemberRole.Command(id, userId, role), ct);
        if (result.IsFailure)
        {
            // Each row has its own role list: the message goes at the top of the page.
            return this.Refusal(result) ?? await MembersAgainAsync(id, result, prefix: null, invite: null, ct);
        }

        TempData["Flash"] = "Le rôle du membre a été modifié.";
        return RedirectToAction(nameof(Members), new { id });
    }

    [HttpGet("{id:guid}/membres/{userId:guid}/retirer")]
    public async Task<IActionResult> ConfirmRemove(Guid id, Guid userId, CancellationToken ct) =>
        await ConfirmationAsync(id, toManage: true, page => RemoveConfirmation(page, userId), ct);

    [HttpPost("{id:guid}/membres/{userId:guid}/retirer")]
    public async Task<IActionResult> Remove(Guid id, Guid userId, CancellationToken ct) =>
        await ConfirmedAsync(new RemoveMember.Command(id, userId), id, toManage: true, page => RemoveConfirmation(page, userId),
            "Le membre a été retiré de l'organisation.", RedirectToAction(nameof(Members), new { id }), ct);

    [HttpGet("{id:guid}/invitations/{invitationId:guid}/annuler")]
    public async Task<IActionResult> ConfirmRevoke(Guid id, Guid invitationId, CancellationToken ct) =>
        await ConfirmationAsync(id, toManage: true, page => RevokeConfirmation(page, invitationId), ct);

    [HttpPost("{id:guid}/invitations/{invitationId:guid}/annuler")]
    public async Task<IActionResult> Revoke(Guid id, Guid invitationId, CancellationToken ct) =>
        await ConfirmedAsync(new RevokeInvitation.Command(id, invitationId), id, toManage: true, page => RevokeConfirmation(page, invitationId),
            "L'invitation a été annulée : son lien ne fonctionne plus.", RedirectToAction(nameof(Members), new { id }), ct);

    [HttpGet("{id:guid}/quitter")]
    public async Task<IActionResult> ConfirmLeave(Guid id, CancellationToken ct) =>
        await ConfirmationAsync(id, toManage: false, LeaveConfirmation, ct);

    [HttpPost("{id:guid}/quitter")]
    public async Task<IActionResult> Leave(Guid id, CancellationToken ct) =>
        await ConfirmedAsync(new LeaveOrganization.Command(id), id, toManage: false, LeaveConfirmation,
            "Vous avez quitté l'organisation.", RedirectToAction(nameof(Index)), ct);

    private static Confirmation? RemoveConfirmation(MembersPage page, Guid userId) =>
        page.Members.FirstOrDefault(m => m.UserId == userId) is { } member
            ? new Confirmation("Retirer un membre",
                $"Confirmez-vous le retrait de {member.Name} ({member.Email}) de l'organisation « {page.OrganizationName} » ?",
                $"/organisations/{page.OrganizationId}/membres/{userId}/retirer", "Retirer ce membre",
                MembersUrl(page), "Cette personne n'aura plus accès aux demandes de l'organisation.")
            : null;

    private static Confirmation? RevokeConfirmation(MembersPage page, Guid invitationId) =>
        page.PendingInvitations.FirstOrDefault(i => i.Id == invitationId) is { } invitation
            ? new Confirmation("Annuler une invitation",
                $"Confirmez-vous l'annulation de l'invitation envoyée à {invitation.Email} ?",
                $"/organisations/{page.OrganizationId}/invitations/{invitationId}/annuler", "Annuler l'invitation",
                MembersUrl(page), "Le lien reçu par courriel ne fonctionnera plus.")
            : null;

    private static Confirmation LeaveConfirmation(MembersPage page) =>
        new("Quitter l'organisation",
            $"Confirmez-vous que vous quittez l'organisation « {page.OrganizationName} » ?",
            $"/organisations/{page.OrganizationId}/quitter", "Quitter l'organisation",
            MembersUrl(page), "Vous n'aurez plus accès à ses demandes. Pour la rejoindre à nouveau, il faudra une nouvelle invitation.");

    private static string MembersUrl(MembersPage page) => $"/organisations/{page.OrganizationId}/membres";

    private async Task<IActionResult> ConfirmationAsync(Guid id, bool toManage, Func<MembersPage, Confirmation?> confirmation,
        CancellationToken ct)
    {
        var page = await mediator.Send(new GetMembers.Query(id, toManage), ct);
        return this.Page(page, p => confirmation(p) is { } model ? View("Confirm", model) : NotFound());
    }

    private async Task<IActionResult> ConfirmedAsync(ICommand<Result> command, Guid id, bool toManage,
        Func<MembersPage, Confirmation?> confirmation, string flash, IActionResult next, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        if (result.IsFailure)
        {
            if (this.Refusal(result) is { } refusal) return refusal;
            var again = await ConfirmationAsync(id, toManage, confirmation, ct);
            if (again is ViewResult) this.ShowErrors(result, conflict: ConflictAnswer.Status400);
            return again;
        }

        TempData["Flash"] = flash;
        return next;
    }

    private async Task<IActionResult> MembersAgainAsync(Guid id, Result failure, string? prefix, InviteMember.Form? invite,
        CancellationToken ct)
    {
        var page = await mediator.Send(new GetMembers.Query(id), ct);
        if (page.IsFailure) return this.Page(page, p => View(p));

        if (prefix is null)
        {
            // The posted role belongs to one row only: keeping it would show it in every row's list.
            ModelState.Clear();
            foreach (var error in failure.Errors) ModelState.AddModelError("", error.Message);
        }
        else
        {
            ModelState.AddErrors(failure, prefix);
        }

        Response.StatusCode = ResultExtensions.StatusOf(failure, ConflictAnswer.Status400);
        return View(nameof(Members), page.Value with { Invite = invite ?? page.Value.Invite });
    }
}
