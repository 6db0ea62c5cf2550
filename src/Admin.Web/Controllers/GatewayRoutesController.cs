using Admin.Domain.Gateways;
using Admin.Web.Features.Administration;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>The form of one route: what was typed, kept on an error.</summary>
public sealed record GatewayRouteForm(Guid? Id, string? PathPrefix, RouteMatch? Match, string? Scopes, bool IsRetired, string? Note)
{
    public static GatewayRouteForm Empty { get; } = new(null, null, RouteMatch.Any, null, false, null);
}

/// <summary>The route table of the gateway, for administrators: list with search, add, edit (retire by editing).</summary>
[Authorize(Policy = Policies.Administrator), Route("admin/routes")]
public sealed class GatewayRoutesController(IMediator mediator) : Controller
{
    private const string ListUrl = "/admin/routes";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        ViewData["Search"] = q;
        return View(await mediator.Send(new GatewayRoutes.List(q), ct));
    }

    [HttpGet("nouvelle")]
    public IActionResult Add() => View("Edit", GatewayRouteForm.Empty);

    [HttpPost("nouvelle")]
    public Task<IActionResult> Add(string? pathPrefix, RouteMatch? match, string? scopes, bool isRetired, string? note, CancellationToken ct) =>
        SaveAsync(new GatewayRouteForm(null, pathPrefix, match, scopes, isRetired, note), ct);

    [HttpGet("{id:guid}/modifier")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct) =>
        this.Page(await mediator.Send(new GatewayRoutes.Show(id), ct),
            r => View("Edit", new GatewayRouteForm(r.Id, r.PathPrefix, r.Match, string.Join('\n', r.Scopes), r.IsRetired, r.Note)));

    [HttpPost("{id:guid}/modifier")]
    public Task<IActionResult> Edit(Guid id, string? pathPrefix, RouteMatch? match, string? scopes, bool isRetired, string? note, CancellationToken ct) =>
        SaveAsync(new GatewayRouteForm(id, pathPrefix, match, scopes, isRetired, note), ct);

    private async Task<IActionResult> SaveAsync(GatewayRouteForm form, CancellationToken ct)
    {
        var result = await mediator.Send(new GatewayRoutes.Save(form.Id, form.PathPrefix, form.Match, form.Scopes, form.IsRetired, form.Note), ct);
        if (result.IsSuccess)
        {
            return this.RedirectWithFlash(ListUrl, form.IsRetired
                ? $"La route {GatewayRoute.NormalizePrefix(form.PathPrefix)} est enregistrée comme retirée : la passerelle la refuse désormais (ROUTE_NOT_FOUND)."
                : $"La route {GatewayRoute.NormalizePrefix(form.PathPrefix)} est enregistrée : la passerelle l'applique dès maintenant.");
        }

        if (this.Refusal(result) is { } refusal) return refusal;
        this.ShowErrors(result);
        return View("Edit", form);
    }
}
