using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Web.Features.ApiKeys;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>What the key creation form posts.</summary>
public sealed record NewKeyForm(string? Name = null, ApiKeyEnvironment? Environment = null);

public sealed record NewKeyPage(KeyPage.View Page, NewKeyForm Form);

/// <summary>What the renewal form posts: when the old key stops working.</summary>
public sealed record RenewalForm(RenewalOverlap? Overlap = null);

/// <summary>What the IP allow-list form posts: entries separated by new lines, spaces or commas.</summary>
public sealed record AllowedIpsForm(string? AllowedIps = null);

/// <summary>What the revocation form posts.</summary>
public sealed record RevocationForm(string? Reason = null);

/// <summary>
/// An authorization's API keys, for its organization's applicants and technical contacts: the list,
/// creation (after "confirmez votre identité"; the secret is shown once, on the answer to the POST,
/// never cached) and revocation with a reason.
/// </summary>
[Authorize(Policy = Policies.Partner), Route("habilitations/{authorizationId:guid}/cles")]
public sealed class ApiKeysController(IMediator mediator, TimeProvider time) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid authorizationId, CancellationToken ct) =>
        this.Page(await mediator.Send(new KeyPage.Query(authorizationId, AsStaff: false), ct), view => View(view));

    [HttpGet("nouvelle")]
    public async Task<IActionResult> New(Guid authorizationId, CancellationToken ct)
    {
        var page = await mediator.Send(new KeyPage.Query(authorizationId, AsStaff: false), ct);
        if (page.IsFailure) return this.Refusal(page) ?? NotFound();
        if (!page.Value.IsUsable)
            return this.RedirectWithFlash(page.Value.BasePath, (page.Value.OrganizationSuspensionReason is null ? ApiKeyErrors.AuthorizationNotActive : ApiKeyErrors.OrganizationSuspended).Message);
        if (!page.Value.CanIssue) return this.Forbidden();
        if (!IdentityConfirmation.IsRecent(IdentityConfirmation.ConfirmedAt(User), time.GetUtcNow()))
            return Redirect(IdentityConfirmation.UrlFor(KeyRoutes.NewKey(authorizationId)));
        return View(new NewKeyPage(page.Value, new NewKeyForm(Environment: ApiKeyEnvironment.Production)));
    }

    [HttpPost("nouvelle")]
    public async Task<IActionResult> Create(Guid authorizationId, [Bind(Prefix = "Form")] NewKeyForm? form, CancellationToken ct)
    {
        form ??= new NewKeyForm();
        var result = await mediator.Send(new IssueKey.Command(authorizationId, form.Name, form.Environment), ct);
        if (result.IsSuccess) return SecretShownOnce(result.Value);

        if (result.Errors.Any(e => e.Code == IssueKey.ConfirmationRequiredCode))
            return Redirect(IdentityConfirmation.UrlFor(KeyRoutes.NewKey(authorizationId)));
        if (this.Refusal(result) is { } refusal) return refusal;
        if (result.FailureKind == ErrorKind.Conflict) return this.RedirectWithErrors(result, KeyRoutes.Keys(authorizationId, asStaff: false));

        this.ShowErrors(result, "Form");
        var page = await mediator.Send(new KeyPage.Query(authorizationId, AsStaff: false), ct);
        return this.Page(page, view => View("New", new NewKeyPage(view, form)));
    }

    [HttpGet("{keyId:guid}/renouveler")]
    public async Task<IActionResult> ConfirmRenew(Guid authorizationId, Guid keyId, CancellationToken ct)
    {
        var form = await mediator.Send(new RenewKey.Query(authorizationId, keyId), ct);
        if (form.IsFailure) return this.Refusal(form) ?? NotFound();
        if (!form.Value.Key.CanBeRenewed || !form.Value.Page.IsUsable)
            return this.RedirectWithFlash(form.Value.Page.BasePath, form.Value.Key.Renewed ? ApiKeyErrors.AlreadyRenewed.Message : ApiKeyErrors.NotActive.Message);
        if (!IdentityConfirmation.IsRecent(IdentityConfirmation.ConfirmedAt(User), time.GetUtcNow()))
            return Redirect(IdentityConfirmation.UrlFor(KeyRoutes.Renew(authorizationId, keyId)));
        return View("Renew", form.Value);
    }

    [HttpPost("{keyId:guid}/renouveler")]
    public async Task<IActionResult> Renew(Guid authorizationId, Guid keyId, RenewalForm? form, CancellationToken ct)
    {
        var result = await mediator.Send(new RenewKey.Command(authorizationId, keyId, form?.Overlap), ct);
        if (result.IsSuccess) return SecretShownOnce(result.Value);

        if (result.Errors.Any(e => e.Code == IssueKey.ConfirmationRequiredCode))
            return Redirect(IdentityConfirmation.UrlFor(KeyRoutes.Renew(authorizationId, keyId)));
        if (this.Refusal(result) is { } refusal) return refusal;
        if (result.FailureKind == ErrorKind.Conflict) return this.RedirectWithErrors(result, KeyRoutes.Keys(authorizationId, asStaff: false));

        this.ShowErrors(result);
        var page = await mediator.Send(new RenewKey.Query(authorizationId, keyId), ct);
        return this.Page(page, view => View("Renew", view with { Overlap = form?.Overlap }));
    }

    [HttpGet("{keyId:guid}/adresses-ip")]
    public async Task<IActionResult> AllowedIps(Guid authorizationId, Guid keyId, CancellationToken ct)
    {
        var form = await mediator.Send(new EditAllowedIps.Query(authorizationId, keyId), ct);
        if (form.IsFailure) return this.Refusal(form) ?? NotFound();
        if (form.Value.Key.Status == ApiKeyStatus.Revoked) return this.RedirectWithFlash(form.Value.Page.BasePath, ApiKeyErrors.AlreadyRevoked.Message);
        return View(form.Value);
    }

    [HttpPost("{keyId:guid}/adresses-ip")]
    public async Task<IActionResult> SaveAllowedIps(Guid authorizationId, Guid keyId, AllowedIpsForm? form, CancellationToken ct)
    {
        var result = await mediator.Send(new EditAllowedIps.Command(authorizationId, keyId, form?.AllowedIps), ct);
        var keys = KeyRoutes.Keys(authorizationId, asStaff: false);
        if (result.IsSuccess) return this.RedirectWithFlash(keys, "La liste des adresses IP autorisées est enregistrée.");
        if (this.Refusal(result) is { } refusal) return refusal;
        if (result.FailureKind == ErrorKind.Conflict) return this.RedirectWithErrors(result, keys);

        this.ShowErrors(result);
        var page = await mediator.Send(new EditAllowedIps.Query(authorizationId, keyId), ct);
        return this.Page(page, view => View("AllowedIps", view with { AllowedIps = form?.AllowedIps ?? "" }));
    }

    [HttpGet("{keyId:guid}/revoquer")]
    public async Task<IActionResult> ConfirmRevoke(Guid authorizationId, Guid keyId, CancellationToken ct) =>
        await KeyRevocation.ConfirmAsync(this, mediator, authorizationId, keyId, asStaff: false, ct);

    private const string IssuedKey = "apip.issued-key";

    /// <summary>
    /// After a creation or a renewal, the secret goes to the page that shows it through one redirect (the
    /// encrypted, one-read TempData cookie, never in the URL), so a reload neither posts again (a second
    /// key) nor shows the secret again.
    /// </summary>
    private RedirectResult SecretShownOnce(IssueKey.Issued issued)
    {
        TempData[IssuedKey] = System.Text.Json.JsonSerializer.Serialize(issued);
        return Redirect(KeyRoutes.Keys(issued.AuthorizationId, asStaff: false) + "/creee");
    }

    /// <summary>The only answer that ever carries a secret: once, never stored by the browser or a proxy.</summary>
    [HttpGet("creee")]
    public async Task<IActionResult> Created(Guid authorizationId, CancellationToken ct)
    {
        // The same doors as the creation: the organization's applicant or technical contact only.
        var page = await mediator.Send(new KeyPage.Query(authorizationId, AsStaff: false), ct);
        if (page.IsFailure) return this.Refusal(page) ?? NotFound();
        if (!page.Value.CanIssue) return this.Forbidden();
        Response.Headers.CacheControl = "no-store, max-age=0";
        Response.Headers.Pragma = "no-cache";
        if (TempData[IssuedKey] is string json && System.Text.Json.JsonSerializer.Deserialize<IssueKey.Issued>(json) is { } issued
            && issued.AuthorizationId == authorizationId)
        {
            return View("Created", issued);
        }

        return this.RedirectWithFlash(KeyRoutes.Keys(authorizationId, asStaff: false),
            "Le secret d'une clé n'est affiché qu'une fois, juste après sa création : il ne l'est plus. Si vous ne l'avez pas copié, créez une nouvelle clé et révoquez celle-ci.");
    }

    [HttpPost("{keyId:guid}/revoquer")]
    public async Task<IActionResult> Revoke(Guid authorizationId, Guid keyId, RevocationForm? form, CancellationToken ct) =>
        await KeyRevocation.RevokeAsync(this, mediator, authorizationId, keyId, form, asStaff: false, ct);
}

/// <summary>The keys of any authorization, for staff: every staff role reads; instructors and administrators revoke.</summary>
[Authorize(Policy = Policies.Staff), Route("instruction/habilitations/{authorizationId:guid}/cles")]
public sealed class StaffApiKeysController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid authorizationId, CancellationToken ct) =>
        this.Page(await mediator.Send(new KeyPage.Query(authorizationId, AsStaff: true), ct), view => View("~/Views/ApiKeys/Index.cshtml", view));

    [HttpGet("{keyId:guid}/revoquer")]
    public async Task<IActionResult> ConfirmRevoke(Guid authorizationId, Guid keyId, CancellationToken ct) =>
        await KeyRevocation.ConfirmAsync(this, mediator, authorizationId, keyId, asStaff: true, ct);

    [HttpPost("{keyId:guid}/revoquer")]
    public async Task<IActionResult> Revoke(Guid authorizationId, Guid keyId, RevocationForm? form, CancellationToken ct) =>
        await KeyRevocation.RevokeAsync(this, mediator, authorizationId, keyId, form, asStaff: true, ct);
}

/// <summary>The revocation pages, the same for partners and staff but for where they live.</summary>
internal static class KeyRevocation
{
    private const string View = "~/Views/ApiKeys/Revoke.cshtml";

    public static async Task<IActionResult> ConfirmAsync(Controller controller, IMediator mediator, Guid authorizationId, Guid keyId, bool asStaff,
        CancellationToken ct)
    {
        var confirmation = await mediator.Send(new RevokeKey.Query(authorizationId, keyId, asStaff), ct);
        if (confirmation.IsFailure) return controller.Refusal(confirmation) ?? controller.NotFound();
        if (confirmation.Value.Key.Status == ApiKeyStatus.Revoked)
            return controller.RedirectWithFlash(confirmation.Value.Page.BasePath, ApiKeyErrors.AlreadyRevoked.Message);
        return controller.View(View, confirmation.Value);
    }

    public static async Task<IActionResult> RevokeAsync(Controller controller, IMediator mediator, Guid authorizationId, Guid keyId,
        RevocationForm? form, bool asStaff, CancellationToken ct)
    {
        var result = await mediator.Send(new RevokeKey.Command(authorizationId, keyId, form?.Reason, asStaff), ct);
        var keys = KeyRoutes.Keys(authorizationId, asStaff);
        if (result.IsSuccess)
            return controller.RedirectWithFlash(keys, "La clé est révoquée : elle est refusée dès maintenant. Le demandeur et le contact technique sont prévenus par courriel.");
        if (controller.Refusal(result) is { } refusal) return refusal;
        if (result.FailureKind == ErrorKind.Conflict) return controller.RedirectWithErrors(result, keys);

        controller.ShowErrors(result);
        var confirmation = await mediator.Send(new RevokeKey.Query(authorizationId, keyId, asStaff), ct);
        if (confirmation.IsFailure) return controller.Refusal(confirmation) ?? controller.NotFound();
        return controller.View(View, confirmation.Value with { Reason = form?.Reason });
    }
}
