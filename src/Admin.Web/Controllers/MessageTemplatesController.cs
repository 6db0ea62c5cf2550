using Admin.Domain.Messages;
using Admin.Web.Features.Administration;
using Admin.Web.Features.Organizations;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>The form of one template: what was typed (kept on an error), and the template when it exists.</summary>
public sealed record TemplateForm(Guid? Id, TemplateKind? Kind, string? Title, string? Body)
{
    public static IReadOnlyList<SelectOption> KindOptions { get; } =
        [.. Enum.GetValues<TemplateKind>().Select(k => new SelectOption(k.ToString(), k.FrenchLabel()))];
}

/// <summary>Message templates, for administrators: add, edit, retire (with a confirmation).</summary>
[Authorize(Policy = Policies.Administrator), Route("admin/modeles")]
public sealed class MessageTemplatesController(IMediator mediator) : Controller
{
    private const string ListUrl = "/admin/modeles";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await mediator.Send(new MessageTemplates.List(), ct));

    [HttpGet("nouveau")]
    public IActionResult Add() => View("Edit", new TemplateForm(null, null, null, null));

    [HttpPost("nouveau")]
    public Task<IActionResult> Add(TemplateKind? kind, string? title, string? body, CancellationToken ct) =>
        SaveAsync(new TemplateForm(null, kind, title, body), ct);

    [HttpGet("{id:guid}/modifier")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct) =>
        this.Page(await mediator.Send(new MessageTemplates.Show(id), ct), t => View(new TemplateForm(t.Id, t.Kind, t.Title, t.Body)));

    [HttpPost("{id:guid}/modifier")]
    public Task<IActionResult> Edit(Guid id, TemplateKind? kind, string? title, string? body, CancellationToken ct) =>
        SaveAsync(new TemplateForm(id, kind, title, body), ct);

    [HttpGet("{id:guid}/retirer")]
    public async Task<IActionResult> ConfirmRetire(Guid id, CancellationToken ct) =>
        this.Page(await mediator.Send(new MessageTemplates.Show(id), ct), t => View(Confirmation.ViewPath, new Confirmation(
            "Retirer un modèle", $"Confirmez-vous le retrait du modèle « {t.Title} » ({t.Kind.FrenchLabel().ToLowerInvariant()}) ?",
            $"{ListUrl}/{t.Id}/retirer", "Retirer ce modèle", ListUrl,
            "Il ne sera plus proposé aux instructeurs. Les messages déjà écrits avec lui ne changent pas.", "Non, revenir aux modèles")));

    [HttpPost("{id:guid}/retirer")]
    public async Task<IActionResult> Retire(Guid id, CancellationToken ct)
    {
        var result = await mediator.Send(new MessageTemplates.Retire(id), ct);
        return result.IsSuccess
            ? this.RedirectWithFlash(ListUrl, "Le modèle est retiré : il n'est plus proposé.")
            : this.RedirectWithErrors(result, ListUrl);
    }

    private async Task<IActionResult> SaveAsync(TemplateForm form, CancellationToken ct)
    {
        var result = await mediator.Send(new MessageTemplates.Save(form.Id, form.Kind, form.Title, form.Body), ct);
        if (result.IsSuccess) return this.RedirectWithFlash(ListUrl, $"Le modèle « {form.Title?.Trim()} » est enregistré.");
        if (this.Refusal(result) is { } refusal) return refusal;
        this.ShowErrors(result);
        return View("Edit", form);
    }
}
