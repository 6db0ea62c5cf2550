using Admin.Domain.AccessRequests;
using Admin.Web.Features.AccessRequests;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>The partner's home: the current organization's requests with their status and next action.</summary>
[Authorize(Policy = Policies.Partner), Route("espace-partenaire")]
public sealed class PartnerController(IMediator mediator, CurrentOrganizationCookie currentOrganization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, AccessRequestStatus? statut, int page = 1, CancellationToken ct = default)
    {
        var result = await mediator.Send(new ListForOrganization.Query(q, statut, page, currentOrganization.Chosen), ct);
        return View(result.Value);
    }
}
