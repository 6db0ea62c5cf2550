using Admin.Web.Features.Review;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>Review statistics, for every staff role.</summary>
[Authorize(Policy = Policies.Staff), Route("instruction/statistiques")]
public sealed class StaffStatisticsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View((await mediator.Send(new Statistics.Query(), ct)).Value);
}
