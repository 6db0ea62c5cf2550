using Admin.Web.Features.AccessRequests.Documents;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>Staff (instructors, administrators, auditors, with two-factor) read any request's documents.</summary>
[Authorize(Policy = Policies.Staff), Route("instruction/demandes/{id:guid}/documents")]
public sealed class StaffDocumentsController(IMediator mediator) : Controller
{
    [HttpGet("{documentId:guid}")]
    public async Task<IActionResult> Document(Guid id, Guid documentId, CancellationToken ct)
    {
        var document = await mediator.Send(new DownloadDocument.Query(id, documentId), ct);
        return this.Page(document, d => this.PrivateDocument(d));
    }
}
