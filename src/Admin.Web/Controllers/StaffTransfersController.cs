using Admin.Web.Features.AccessRequests;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>An administrator transfers a request to another applicant of its organization (linked from the review page).</summary>
[Authorize(Policy = Policies.Administrator), Route("admin/demandes")]
public sealed class StaffTransfersController(IMediator mediator) : Controller
{
    [HttpGet("{id:guid}/transfert")]
    public Task<IActionResult> Transfer(Guid id, CancellationToken ct) =>
        TransferPage.ShowAsync(this, mediator, id, ReviewUrl(id), forStaff: true, ct);

    [HttpPost("{id:guid}/transfert")]
    public Task<IActionResult> Transfer(Guid id, [Bind(Prefix = "Form")] Transfer.Form form, CancellationToken ct) =>
        TransferPage.PostAsync(this, mediator, id, form, ReviewUrl(id), forStaff: true, ct);

    private static string ReviewUrl(Guid id) => $"/instruction/demandes/{id}";
}
