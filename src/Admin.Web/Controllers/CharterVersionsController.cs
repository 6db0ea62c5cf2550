using Admin.Web.Features.Administration;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>Charter versions, for administrators: the list, and publishing a new version after a confirmation step.</summary>
[Authorize(Policy = Policies.Administrator), Route("admin/charte")]
public sealed class CharterVersionsController(IMediator mediator) : Controller
{
    private const string ListUrl = "/admin/charte";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View((await mediator.Send(new ListCharterVersions.Query(), ct)).Value);

    [HttpGet("nouvelle")]
    public async Task<IActionResult> Publish(CancellationToken ct)
    {
        var current = (await mediator.Send(new ListCharterVersions.Query(), ct)).Value;
        return View(new PublishCharter.Command(current.CurrentTitle, current.CurrentBody, null));
    }

    /// <summary>
    /// The form posts here unconfirmed (answered by the confirmation page), the confirmation page
    /// confirmed (<paramref name="step"/> "publier") or back to the form with what was typed ("modifier").
    /// </summary>
    [HttpPost("nouvelle")]
    public async Task<IActionResult> Publish(PublishCharter.Command command, string? step, CancellationToken ct)
    {
        if (step == "modifier") return View(command with { Confirmed = false });

        var result = await mediator.Send(command with { Confirmed = step == "publier" }, ct);
        if (result.IsFailure)
        {
            this.ShowErrors(result, conflict: ConflictAnswer.Status400);
            return View(command with { Confirmed = false });
        }

        var outcome = result.Value;
        if (!outcome.Published) return View("ConfirmPublish", new CharterPublishPage(command, outcome));
        return this.RedirectWithFlash(ListUrl, outcome.RequiresNewAcceptance
            ? $"La version {outcome.Label} de la charte est publiée. Les partenaires devront l'accepter avant leur prochaine soumission."
            : $"La version {outcome.Label} de la charte est publiée. Les acceptations de la version {outcome.CurrentLabel} restent valables.");
    }
}

/// <summary>The confirmation step: what was typed (sent again in hidden fields) and the version it makes.</summary>
public sealed record CharterPublishPage(PublishCharter.Command Form, PublishCharter.Outcome Outcome);
