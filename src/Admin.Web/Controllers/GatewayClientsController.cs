using Admin.Domain.ApiKeys;
using Admin.Web.Features.Administration;
using Admin.Web.Features.Organizations;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>What the gateway creation form posts.</summary>
public sealed record GatewayClientForm(string? Name = null, ApiKeyEnvironment? Environment = null);

public sealed record GatewayClientNewPage(GatewayClientForm Form);

/// <summary>The environment radio buttons of a key or gateway credential form, with a hint for each.</summary>
public sealed record EnvironmentField(ApiKeyEnvironment? Selected, string ProductionHint, string SandboxHint);

/// <summary>
/// Gateway credentials, for administrators: the list, creation (the secret shown once, on the answer
/// to the POST, never cached) and revocation after a confirmation.
/// </summary>
[Authorize(Policy = Policies.Administrator), Route("admin/passerelles")]
public sealed class GatewayClientsController(IMediator mediator) : Controller
{
    private const string ListUrl = "/admin/passerelles";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new GatewayClients.List(), ct));

    [HttpGet("nouvelle")]
    public IActionResult New() => View(new GatewayClientNewPage(new GatewayClientForm()));

    [HttpPost("nouvelle")]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] GatewayClientForm? form, CancellationToken ct)
    {
        form ??= new GatewayClientForm();
        var result = await mediator.Send(new GatewayClients.Create(form.Name, form.Environment), ct);
        if (result.IsSuccess)
        {
            // The only answer that ever carries the secret: never stored by the browser or a proxy.
            Response.Headers.CacheControl = "no-store, max-age=0";
            Response.Headers.Pragma = "no-cache";
            return View("Created", result.Value);
        }

        this.ShowErrors(result, "Form");
        return View("New", new GatewayClientNewPage(form));
    }

    [HttpGet("{id:guid}/revoquer")]
    public async Task<IActionResult> ConfirmRevoke(Guid id, CancellationToken ct)
    {
        var found = await mediator.Send(new GatewayClients.Show(id), ct);
        if (found.IsFailure) return this.Refusal(found) ?? NotFound();
        if (found.Value.RevokedAt is not null) return this.RedirectWithFlash(ListUrl, Admin.Domain.Gateways.GatewayClientErrors.AlreadyRevoked.Message);
        var client = found.Value;
        return View(Confirmation.ViewPath, new Confirmation("Révoquer un identifiant de passerelle",
            $"Confirmez-vous la révocation de la passerelle « {client.Name} » ({client.Environment.FrenchLabel().ToLowerInvariant()}, {client.PrefixDisplay}) ?",
            $"{ListUrl}/{id}/revoquer", "Révoquer cet identifiant", ListUrl,
            "La passerelle qui l'utilise ne pourra plus interroger le back-office : ses appels seront refusés dès maintenant. Ce n'est pas réversible : créez un nouvel identifiant pour la remplacer.",
            "Non, revenir aux passerelles"));
    }

    [HttpPost("{id:guid}/revoquer")]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken ct)
    {
        var result = await mediator.Send(new GatewayClients.Revoke(id), ct);
        return result.IsSuccess
            ? this.RedirectWithFlash(ListUrl, "L'identifiant de passerelle est révoqué : ses appels sont refusés dès maintenant.")
            : this.RedirectWithErrors(result, ListUrl);
    }
}
