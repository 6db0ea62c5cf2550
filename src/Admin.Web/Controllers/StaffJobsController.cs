using Admin.Web.Features.Administration;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>The recurring jobs and the failed ones, in French, for staff.</summary>
[Authorize(Policy = Policies.Staff), Route("instruction/taches")]
public sealed class StaffJobsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new JobsPage.Query(), ct));
}
