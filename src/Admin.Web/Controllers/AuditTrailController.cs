using Admin.Web.Features.Audit;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>The audit trail, for auditors and administrators: filtered, paged, exported as CSV.</summary>
[Authorize(Policy = Policies.AuditReader), Route("instruction/journal")]
public sealed class AuditTrailController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "organisation")] string? organization, [FromQuery(Name = "demande")] string? request,
        [FromQuery(Name = "acteur")] string? actor, [FromQuery(Name = "action")] string? action,
        [FromQuery(Name = "du")] DateOnly? from, [FromQuery(Name = "au")] DateOnly? to, int page = 1, CancellationToken ct = default)
    {
        // Filters come from the address bar: a malformed date is ignored, never an error page.
        ModelState.Clear();
        var result = await mediator.Send(new AuditTrail.Query(new AuditFilters(organization, request, actor, action, from, to), page), ct);
        return View(result.Value);
    }

    [HttpGet("export.csv")]
    public async Task Export(
        [FromQuery(Name = "organisation")] string? organization, [FromQuery(Name = "demande")] string? request,
        [FromQuery(Name = "acteur")] string? actor, [FromQuery(Name = "action")] string? action,
        [FromQuery(Name = "du")] DateOnly? from, [FromQuery(Name = "au")] DateOnly? to, CancellationToken ct = default)
    {
        var rows = (await mediator.Send(new AuditTrail.Export(new AuditFilters(organization, request, actor, action, from, to)), ct)).Value;
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"journal-api-particulier.csv\"";
        Response.Headers.CacheControl = "private, no-store";
        await using var csv = new CsvWriter(Response.Body);
        await csv.WriteRowAsync("Numéro", "Date (heure de Paris)", "Acteur", "Action", "Objet", "Identifiant", "État avant", "État après", "Motif");
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRowAsync(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Admin.Domain.Common.ParisTime.ToParis(row.OccurredAt).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                row.Actor, row.Action, row.AggregateType, row.AggregateId.ToString(), row.FromState, row.ToState, row.Reason);
        }
    }
}
