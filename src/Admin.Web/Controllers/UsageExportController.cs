using Admin.Domain.Common;
using Admin.Domain.Usage;
using Admin.Web.Features.Usage;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>
/// The usage CSV, streamed: an authorization's, for its organization's applicants and technical contacts; all of
/// it or one organization's, for every staff role. A malformed period answers 400 with its French message.
/// </summary>
public sealed class UsageExportController(IMediator mediator) : Controller
{
    private const string InvalidTitle = "La période ou l'organisation demandée est invalide.";

    [Authorize(Policy = Policies.Partner), HttpGet("habilitations/{authorizationId:guid}/consommation/export.csv")]
    public async Task<IActionResult> ForAuthorization(Guid authorizationId, [FromQuery(Name = ExportPeriod.FromField)] string? from,
        [FromQuery(Name = ExportPeriod.ToField)] string? to, CancellationToken ct) =>
        Download(await mediator.Send(new UsageExport.ForAuthorization(authorizationId, from, to), ct));

    [Authorize(Policy = Policies.Staff), HttpGet("instruction/consommation/export.csv")]
    public async Task<IActionResult> ForStaff([FromQuery(Name = UsageExport.OrganizationField)] string? organization,
        [FromQuery(Name = ExportPeriod.FromField)] string? from, [FromQuery(Name = ExportPeriod.ToField)] string? to, CancellationToken ct) =>
        Download(await mediator.Send(new UsageExport.ForStaff(organization, from, to), ct));

    private IActionResult Download(Result<UsageExport.Download> download) =>
        download.IsSuccess ? new StreamedCsv(download.Value.FileName, download.Value.WriteToAsync) : this.InvalidQuery(download, InvalidTitle);
}
