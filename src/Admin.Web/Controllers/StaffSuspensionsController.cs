using Admin.Domain.Common;
using Admin.Web.Features.ApiKeys;
using Admin.Web.Features.Organizations;
using Admin.Web.Features.Suspensions;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>What the suspension form posts.</summary>
public sealed record SuspensionForm(string? Reason = null);

/// <summary>An organization as staff see it: every staff role reads it.</summary>
[Authorize(Policy = Policies.Staff), Route("instruction/organisations/{organizationId:guid}")]
public sealed class StaffOrganizationsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(Guid organizationId, CancellationToken ct) =>
        this.Page(await mediator.Send(new StaffOrganization.Query(organizationId), ct), view => View(view));
}

/// <summary>
/// Suspending (after a confirmation page with the reason) and resuming an authorization or a whole
/// organization: instructors and administrators, never auditors (the policy, then AccessService, which
/// also refuses a staff member who belongs to the organization).
/// </summary>
[Authorize(Policy = Policies.StaffWrite)]
public sealed class StaffSuspensionsController(IMediator mediator) : Controller
{
    private const string ConfirmView = "~/Views/Suspensions/Suspend.cshtml";

    [HttpGet("instruction/habilitations/{authorizationId:guid}/suspendre")]
    public async Task<IActionResult> ConfirmSuspendAuthorization(Guid authorizationId, CancellationToken ct) =>
        Confirm(await mediator.Send(new AuthorizationSuspension.Query(authorizationId), ct), KeyRoutes.Keys(authorizationId, asStaff: true));

    [HttpPost("instruction/habilitations/{authorizationId:guid}/suspendre")]
    public async Task<IActionResult> SuspendAuthorization(Guid authorizationId, SuspensionForm? form, CancellationToken ct)
    {
        var result = await mediator.Send(new AuthorizationSuspension.Suspend(authorizationId, form?.Reason), ct);
        return await AfterSuspendAsync(result, form, KeyRoutes.Keys(authorizationId, asStaff: true),
            "L'habilitation est suspendue : ses clés sont refusées dès maintenant. Le demandeur et le contact technique sont prévenus par courriel.",
            () => mediator.Send(new AuthorizationSuspension.Query(authorizationId), ct).AsTask());
    }

    [HttpPost("instruction/habilitations/{authorizationId:guid}/reprendre")]
    public async Task<IActionResult> ResumeAuthorization(Guid authorizationId, CancellationToken ct) =>
        AfterResume(await mediator.Send(new AuthorizationSuspension.Resume(authorizationId), ct), KeyRoutes.Keys(authorizationId, asStaff: true),
            "L'habilitation est reprise : ses clés sont de nouveau acceptées. Le demandeur et le contact technique sont prévenus par courriel.");

    [HttpGet("instruction/organisations/{organizationId:guid}/suspendre")]
    public async Task<IActionResult> ConfirmSuspendOrganization(Guid organizationId, CancellationToken ct) =>
        Confirm(await mediator.Send(new OrganizationSuspension.Query(organizationId), ct), SuspensionRoutes.Organization(organizationId));

    [HttpPost("instruction/organisations/{organizationId:guid}/suspendre")]
    public async Task<IActionResult> SuspendOrganization(Guid organizationId, SuspensionForm? form, CancellationToken ct)
    {
        var result = await mediator.Send(new OrganizationSuspension.Suspend(organizationId, form?.Reason), ct);
        return await AfterSuspendAsync(result, form, SuspensionRoutes.Organization(organizationId),
            "L'organisation est suspendue : toutes ses clés sont refusées dès maintenant. Ses demandeurs et contacts techniques sont prévenus par courriel.",
            () => mediator.Send(new OrganizationSuspension.Query(organizationId), ct).AsTask());
    }

    [HttpPost("instruction/organisations/{organizationId:guid}/reprendre")]
    public async Task<IActionResult> ResumeOrganization(Guid organizationId, CancellationToken ct) =>
        AfterResume(await mediator.Send(new OrganizationSuspension.Resume(organizationId), ct), SuspensionRoutes.Organization(organizationId),
            "L'organisation est reprise : ses clés sont de nouveau acceptées. Ses demandeurs et contacts techniques sont prévenus par courriel.");

    private IActionResult Confirm(Result<SuspensionPage> page, string back)
    {
        if (page.IsFailure && page.FailureKind == ErrorKind.Conflict) return this.RedirectWithErrors(page, back);
        return this.Page(page, view => View(ConfirmView, view));
    }

    private async Task<IActionResult> AfterSuspendAsync(Result result, SuspensionForm? form, string back, string done,
        Func<Task<Result<SuspensionPage>>> page)
    {
        if (result.IsSuccess) return this.RedirectWithFlash(back, done);
        if (this.Refusal(result) is { } refusal) return refusal;
        if (result.FailureKind == ErrorKind.Conflict) return this.RedirectWithErrors(result, back);

        this.ShowErrors(result);
        var confirmation = await page();
        if (confirmation.IsFailure) return this.Refusal(confirmation) ?? this.RedirectWithErrors(confirmation, back);
        return View(ConfirmView, confirmation.Value with { Reason = form?.Reason });
    }

    private IActionResult AfterResume(Result result, string back, string done)
    {
        if (result.IsSuccess) return this.RedirectWithFlash(back, done);
        return this.Refusal(result) ?? this.RedirectWithErrors(result, back);
    }
}
