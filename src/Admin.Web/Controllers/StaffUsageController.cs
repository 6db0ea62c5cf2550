using Admin.Domain.ApiKeys;
using Admin.Web.Features.Usage;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>
/// Usage for staff: the page and the unused keys' CSV for every staff role; "Écrire aux détenteurs" of the unused
/// keys (a confirmation page, then the e-mails) for instructors and administrators only.
/// </summary>
[Authorize(Policy = Policies.Staff), Route(StaffUsageRoutes.Page)]
public sealed class StaffUsageController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "periode")] int? days, int page = 1, CancellationToken ct = default)
    {
        // The period and page come from the address bar: a malformed one falls back to the default, never an error page.
        ModelState.Clear();
        return this.Page(await mediator.Send(new StaffUsage.Query(days ?? StaffUsage.DefaultDays, page), ct), view => View(view));
    }

    [HttpGet("cles-inutilisees.csv")]
    public async Task<IActionResult> UnusedCsv(CancellationToken ct)
    {
        var file = (await mediator.Send(new UnusedKeys.Export(), ct)).Value;
        return new StreamedCsv(file.FileName, file.WriteToAsync);
    }

    [Authorize(Policy = Policies.StaffWrite), HttpGet("cles-inutilisees/ecrire")]
    public async Task<IActionResult> ConfirmRemind(CancellationToken ct) =>
        this.Page(await mediator.Send(new UnusedKeys.Confirm(), ct), view => View(view));

    [Authorize(Policy = Policies.StaffWrite), HttpPost("cles-inutilisees/ecrire")]
    public async Task<IActionResult> Remind(CancellationToken ct)
    {
        var result = await mediator.Send(new UnusedKeys.Remind(), ct);
        if (this.Refusal(result) is { } refusal) return refusal;
        var flash = result.Value switch
        {
            0 => $"Aucune clé inutilisée n'est à relancer (une relance attend {ApiKey.UnusedReminderIntervalDays} jours) : personne n'a été relancé.",
            1 => "Les détenteurs de la clé inutilisée sont prévenus par courriel.",
            var n => $"Les détenteurs des {UsageText.Number(n)} clés inutilisées sont prévenus par courriel.",
        };
        return this.RedirectWithFlash(StaffUsageRoutes.Home, flash);
    }
}
