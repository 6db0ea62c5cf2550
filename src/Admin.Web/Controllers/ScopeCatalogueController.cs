using Admin.Web.Features.Administration;
using Admin.Web.Features.Organizations;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>The scope catalogue, for administrators: names and descriptions, new scopes, retirement.</summary>
[Authorize(Policy = Policies.Administrator), Route("admin/perimetres")]
public sealed class ScopeCatalogueController(IMediator mediator) : Controller
{
    private const string ListUrl = "/admin/perimetres";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View((await mediator.Send(new ListScopes.Query(), ct)).Value);

    [HttpGet("nouveau")]
    public async Task<IActionResult> Add(CancellationToken ct) => await AddPageAsync(AddScope.Command.Empty, ct);

    [HttpPost("nouveau")]
    public async Task<IActionResult> Add(AddScope.Command command, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        if (result.IsSuccess)
        {
            return this.RedirectWithFlash(ListUrl, $"Le périmètre « {command.Code?.Trim()} » est ajouté au catalogue et proposé aux nouvelles demandes.");
        }

        this.ShowErrors(result, conflict: ConflictAnswer.Status400);
        return await AddPageAsync(command, ct);
    }

    [HttpGet("{code}/modifier")]
    public async Task<IActionResult> Edit(string code, CancellationToken ct) =>
        this.Page(await mediator.Send(new ShowScope.Query(code), ct), scope => View(new ScopeEditPage(scope, scope.Label, scope.Description)));

    [HttpPost("{code}/modifier")]
    public async Task<IActionResult> Edit(string code, string? label, string? description, CancellationToken ct)
    {
        var result = await mediator.Send(new EditScope.Command(code, label, description), ct);
        if (result.IsSuccess) return this.RedirectWithFlash(ListUrl, $"Le périmètre « {code} » est modifié.");
        if (this.Refusal(result) is { } refusal) return refusal;

        return this.Page(await mediator.Send(new ShowScope.Query(code), ct), scope =>
        {
            this.ShowErrors(result);
            return View(new ScopeEditPage(scope, label, description));
        });
    }

    [HttpGet("{code}/retirer")]
    public async Task<IActionResult> ConfirmRetire(string code, CancellationToken ct) =>
        this.Page(await mediator.Send(new ShowScope.Query(code), ct), scope => View(Confirmation.ViewPath, RetireConfirmation(scope)));

    [HttpPost("{code}/retirer")]
    public async Task<IActionResult> Retire(string code, CancellationToken ct)
    {
        var result = await mediator.Send(new RetireScope.Command(code), ct);
        return result.IsSuccess
            ? this.RedirectWithFlash(ListUrl, $"Le périmètre « {code} » est retiré : il ne peut plus être demandé ni accordé.")
            : this.RedirectWithErrors(result, ListUrl);
    }

    private async Task<IActionResult> AddPageAsync(AddScope.Command command, CancellationToken ct)
    {
        var catalogue = (await mediator.Send(new ListScopes.Query(), ct)).Value;
        return View(nameof(Add), new ScopeAddPage(command, catalogue.ProviderOptions));
    }

    private static Confirmation RetireConfirmation(ListScopes.Row scope) =>
        new("Retirer un périmètre",
            $"Confirmez-vous le retrait du périmètre « {scope.Label} » ({scope.Code}, {scope.ProviderName}) ?",
            $"{ListUrl}/{scope.Code}/retirer", "Retirer ce périmètre", ListUrl,
            "Il ne sera plus proposé dans les demandes, une demande qui le contient ne pourra plus être envoyée, et il ne pourra plus être accordé. Les habilitations déjà accordées le conservent.",
            "Non, revenir au catalogue");
}

/// <summary>The add form: what was typed, and the providers to choose from.</summary>
public sealed record ScopeAddPage(AddScope.Command Form, IReadOnlyList<SelectOption> Providers)
{
    public string? Code => Form.Code;
    public string? Label => Form.Label;
    public string? Description => Form.Description;
}

/// <summary>The edit form of one scope, with what was typed.</summary>
public sealed record ScopeEditPage(ListScopes.Row Scope, string? Label, string? Description);
