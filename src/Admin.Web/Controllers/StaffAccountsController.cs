using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Web.Features.Administration;
using Admin.Web.Features.Organizations;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>Staff accounts, for administrators: list, invite, change role, deactivate and reactivate.</summary>
[Authorize(Policy = Policies.Administrator), Route("admin/agents")]
public sealed class StaffAccountsController(IMediator mediator) : Controller
{
    private const string ListUrl = "/admin/agents";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? search, int page = 1, CancellationToken ct = default)
    {
        ModelState.Clear();
        return View((await mediator.Send(new ListStaff.Query(search, page), ct)).Value);
    }

    [HttpGet("inviter")]
    public IActionResult Invite() => View(InviteStaff.Command.Empty);

    [HttpPost("inviter")]
    public async Task<IActionResult> Invite(InviteStaff.Command command, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        if (result.IsFailure)
        {
            this.ShowErrors(result, conflict: ConflictAnswer.Status400);
            return View(command);
        }

        return this.RedirectWithFlash(ListUrl,
            $"{command.FirstName?.Trim()} {command.LastName?.Trim()} est invité·e comme {Roles.FrenchLabel(command.Role!).ToLowerInvariant()} : "
            + $"un courriel pour choisir son mot de passe part à {command.Email?.Trim()}.");
    }

    [HttpGet("{id:guid}/role")]
    public async Task<IActionResult> Role(Guid id, CancellationToken ct) =>
        this.Page(await mediator.Send(new GetStaffMember.Query(id), ct), member => View(new StaffRolePage(member, member.Role)));

    [HttpPost("{id:guid}/role")]
    public async Task<IActionResult> Role(Guid id, string? role, CancellationToken ct)
    {
        var result = await mediator.Send(new ChangeStaffRole.Command(id, role), ct);
        if (result.IsSuccess)
        {
            return this.RedirectWithFlash(ListUrl, $"Le rôle est désormais « {Roles.FrenchLabel(role!)} ». Ses sessions ouvertes ont été fermées.");
        }

        if (this.Refusal(result) is { } refusal) return refusal;
        return this.Page(await mediator.Send(new GetStaffMember.Query(id), ct), member =>
        {
            this.ShowErrors(result, conflict: ConflictAnswer.Status400);
            return View(new StaffRolePage(member, role));
        });
    }

    [HttpGet("{id:guid}/desactiver")]
    public async Task<IActionResult> ConfirmDeactivate(Guid id, CancellationToken ct) =>
        this.Page(await mediator.Send(new GetStaffMember.Query(id), ct), member => View(Confirmation.ViewPath, DeactivateConfirmation(member)));

    [HttpPost("{id:guid}/desactiver")]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken ct)
    {
        var result = await mediator.Send(new SetStaffActive.Command(id, Active: false), ct);
        if (result.IsSuccess)
        {
            return this.RedirectWithFlash(ListUrl, "Le compte est désactivé : il ne peut plus se connecter et ses sessions ouvertes sont fermées.");
        }

        if (this.Refusal(result) is { } refusal) return refusal;
        return this.Page(await mediator.Send(new GetStaffMember.Query(id), ct), member =>
        {
            this.ShowErrors(result, conflict: ConflictAnswer.Status400);
            return View(Confirmation.ViewPath, DeactivateConfirmation(member));
        });
    }

    [HttpPost("{id:guid}/reactiver")]
    public async Task<IActionResult> Reactivate(Guid id, CancellationToken ct)
    {
        var result = await mediator.Send(new SetStaffActive.Command(id, Active: true), ct);
        return result.IsSuccess
            ? this.RedirectWithFlash(ListUrl, "Le compte est réactivé : la personne peut de nouveau se connecter.")
            : this.RedirectWithErrors(result, ListUrl);
    }

    private static Confirmation DeactivateConfirmation(GetStaffMember.Member member) =>
        new("Désactiver un compte",
            $"Confirmez-vous la désactivation du compte de {member.Name} ({member.Email}, {Roles.FrenchLabel(member.Role).ToLowerInvariant()}) ?",
            $"{ListUrl}/{member.Id}/desactiver", "Désactiver ce compte", ListUrl,
            "Cette personne ne pourra plus se connecter et ses sessions ouvertes seront fermées. Vous pourrez réactiver le compte plus tard.",
            "Non, revenir aux agents");
}

/// <summary>The role form of one staff member, with the role chosen (or typed back after an error).</summary>
public sealed record StaffRolePage(GetStaffMember.Member Member, string? Role);
