using Admin.Web.Features.Organizations;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>
/// The link of an invitation e-mail. It requires a signed-in partner (anyone else is sent to sign
/// in and comes back here); an unknown token is 404.
/// </summary>
[Authorize(Policy = Policies.Partner), Route("invitations")]
public sealed class InvitationsController(IMediator mediator, CurrentOrganizationCookie currentOrganization) : Controller
{
    [HttpGet("{token}")]
    public async Task<IActionResult> Show(string token, CancellationToken ct)
    {
        var page = await mediator.Send(new GetInvitation.Query(token), ct);
        return this.Page(page, p => View(p));
    }

    [HttpPost("{token}")]
    public async Task<IActionResult> Accept(string token, CancellationToken ct)
    {
        var result = await mediator.Send(new AcceptInvitation.Command(token), ct);
        if (this.Refusal(result) is { } refusal) return refusal;
        if (result.IsFailure)
        {
            var page = await mediator.Send(new GetInvitation.Query(token), ct);
            if (page.IsSuccess) this.ShowErrors(result, conflict: ConflictAnswer.Status400);
            return this.Page(page, p => View(nameof(Show), p));
        }

        currentOrganization.Remember(result.Value);
        TempData["Flash"] = "Vous avez rejoint l'organisation. Vous travaillez désormais pour elle.";
        return RedirectToAction(nameof(PartnerController.Index), "Partner");
    }
}
