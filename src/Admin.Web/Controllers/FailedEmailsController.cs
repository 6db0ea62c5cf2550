using Admin.Web.Features.Outbox;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>E-mails set aside by the dispatcher, for administrators (linked from the jobs dashboard).</summary>
[Authorize(Policy = Policies.Administrator), Route("admin/courriels")]
public sealed class FailedEmailsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        var result = await mediator.Send(new FailedEmails.Query(page), ct);
        return View(result.Value);
    }

    [HttpPost("{id:guid}/relancer")]
    public async Task<IActionResult> Retry(Guid id, CancellationToken ct)
    {
        var result = await mediator.Send(new FailedEmails.Retry(id), ct);
        if (result.IsFailure) return this.Refusal(result) ?? NotFound();
        return this.RedirectWithFlash("/admin/courriels", "Le courriel est remis dans la file d'envoi.");
    }
}
