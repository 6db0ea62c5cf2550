using Admin.Web.Features.Usage;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>What the alert preferences form posts (an unticked box posts nothing: false).</summary>
public sealed record AlertPreferencesForm(bool QuotaAlerts = false, bool RefusalAlerts = false);

/// <summary>
/// The usage of an authorization and of each of its keys, for its organization's applicants and technical
/// contacts, and which alerts of a key they receive.
/// </summary>
[Authorize(Policy = Policies.Partner)]
public sealed class UsageController(IMediator mediator) : Controller
{
    [HttpGet("habilitations/{authorizationId:guid}/consommation")]
    public async Task<IActionResult> Authorization(Guid authorizationId, CancellationToken ct) =>
        this.Page(await mediator.Send(new PartnerUsage.Query(authorizationId, null), ct), view => View("Index", view));

    [HttpGet("habilitations/{authorizationId:guid}/consommation/{keyId:guid}")]
    public async Task<IActionResult> Key(Guid authorizationId, Guid keyId, CancellationToken ct) =>
        this.Page(await mediator.Send(new PartnerUsage.Query(authorizationId, keyId), ct), view => View("Index", view));

    [HttpGet("habilitations/{authorizationId:guid}/cles/{keyId:guid}/alertes")]
    public async Task<IActionResult> Alerts(Guid authorizationId, Guid keyId, CancellationToken ct) =>
        this.Page(await mediator.Send(new AlertPreferences.Query(authorizationId, keyId), ct), form => View("Alerts", form));

    [HttpPost("habilitations/{authorizationId:guid}/cles/{keyId:guid}/alertes")]
    public async Task<IActionResult> SaveAlerts(Guid authorizationId, Guid keyId, AlertPreferencesForm? form, CancellationToken ct)
    {
        form ??= new AlertPreferencesForm();
        var result = await mediator.Send(new AlertPreferences.Command(authorizationId, keyId, form.QuotaAlerts, form.RefusalAlerts), ct);
        if (result.IsSuccess) return this.RedirectWithFlash(UsageRoutes.Usage(authorizationId, keyId, asStaff: false), "Vos choix d'alertes pour cette clé sont enregistrés.");
        return this.RedirectWithErrors(result, UsageRoutes.Usage(authorizationId, keyId, asStaff: false));
    }
}

/// <summary>The same usage pages for staff (every role reads).</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class StaffAuthorizationUsageController(IMediator mediator) : Controller
{
    [HttpGet("instruction/habilitations/{authorizationId:guid}/consommation")]
    public async Task<IActionResult> Authorization(Guid authorizationId, CancellationToken ct) =>
        this.Page(await mediator.Send(new PartnerUsage.Query(authorizationId, null, AsStaff: true), ct), view => View("~/Views/Usage/Index.cshtml", view));

    [HttpGet("instruction/habilitations/{authorizationId:guid}/consommation/{keyId:guid}")]
    public async Task<IActionResult> Key(Guid authorizationId, Guid keyId, CancellationToken ct) =>
        this.Page(await mediator.Send(new PartnerUsage.Query(authorizationId, keyId, AsStaff: true), ct), view => View("~/Views/Usage/Index.cshtml", view));
}
