using Admin.Domain.AccessRequests;
using Admin.Domain.Organizations;
using Admin.Web.Features.Review;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>The staff queue. Every staff role reads it; deciding is for instructors and administrators.</summary>
[Authorize(Policy = Policies.Staff), Route("instruction/demandes")]
public sealed class StaffRequestsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "q")] string? search,
        [FromQuery(Name = "statut")] AccessRequestStatus? status,
        [FromQuery(Name = "fournisseur")] string? provider,
        [FromQuery(Name = "type")] OrganizationKind? kind,
        [FromQuery(Name = "attente")] int? minDays,
        [FromQuery(Name = "suivi")] QueueAssignee assignee = QueueAssignee.All,
        int page = 1,
        CancellationToken ct = default)
    {
        // Filters from the address bar: an unknown value is ignored, never an error page.
        ModelState.Clear();
        var result = await mediator.Send(new Queue.Query(search, status, provider, kind, minDays, assignee, page), ct);
        return View(result.Value);
    }
}
