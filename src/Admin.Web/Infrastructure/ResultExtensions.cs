using Admin.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Admin.Web.Infrastructure;

/// <summary>How a form answers a conflict (a rule of the current state, not of what was typed).</summary>
public enum ConflictAnswer
{
    /// <summary>409: the state changed or forbids it (the wizard, a concurrent change of a request).</summary>
    Status409,

    /// <summary>400: the form's own refusal (an invitation that expired, the last applicant).</summary>
    Status400,
}

/// <summary>
/// The one translation of a <see cref="Result"/> to HTTP, for every controller alike (modelled on
/// ardalis Result's ResultExtensions): NotFound is the 404 page; Forbidden is the 403 page (status
/// 403, rendered by the status-code pages, never a redirect); Validation puts the errors next to
/// their fields with 400; Conflict shows its French message on the same view (409, or 400 where the
/// form says so) or travels in a flash message on a redirect.
/// </summary>
public static class ResultExtensions
{
    public const string FlashKey = "Flash";

    /// <summary>404 or 403 for a refusal; null when the failure is to be explained on the page (or for a success).</summary>
    public static IActionResult? Refusal(this ControllerBase controller, Result result)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        return result.FailureKind switch
        {
            ErrorKind.NotFound => controller.NotFound(),
            ErrorKind.Forbidden => controller.Forbidden(),
            _ => null,
        };
    }

    /// <summary>The 403 page: the user is signed in, the action is not theirs.</summary>
    public static IActionResult Forbidden(this ControllerBase controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        return controller.StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>A page read through a query: its view on success, 404 or 403 otherwise (a read has nothing to explain).</summary>
    public static IActionResult Page<T>(this ControllerBase controller, Result<T> result, Func<T, IActionResult> page)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(page);
        return result.IsSuccess ? page(result.Value) : controller.Refusal(result) ?? controller.NotFound();
    }

    /// <summary>
    /// Prepares the same view again for a failed form: the errors in ModelState (under
    /// <paramref name="prefix"/>) and the status, 400 for validation, 409 or 400 for a conflict.
    /// </summary>
    public static void ShowErrors(this ControllerBase controller, Result result, string? prefix = null,
        ConflictAnswer conflict = ConflictAnswer.Status409)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        controller.ModelState.AddErrors(result, prefix);
        controller.Response.StatusCode = StatusOf(result, conflict);
    }

    /// <summary>The status of a failed form: 409 for a conflict (unless the form answers 400), 400 otherwise.</summary>
    public static int StatusOf(Result result, ConflictAnswer conflict = ConflictAnswer.Status409)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.FailureKind == ErrorKind.Conflict && conflict == ConflictAnswer.Status409
            ? StatusCodes.Status409Conflict
            : StatusCodes.Status400BadRequest;
    }

    /// <summary>A redirect carrying a French flash message for the next page.</summary>
    public static IActionResult RedirectWithFlash(this Controller controller, string url, string flash)
    {
        ArgumentNullException.ThrowIfNull(controller);
        controller.TempData[FlashKey] = flash;
        return controller.Redirect(url);
    }

    /// <summary>A failure answered by a redirect: 404/403 for a refusal, otherwise its messages as a flash on <paramref name="url"/>.</summary>
    public static IActionResult RedirectWithErrors(this Controller controller, Result failure, string url)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return controller.Refusal(failure)
            ?? controller.RedirectWithFlash(url, string.Join(" ", failure.Errors.Select(e => e.Message)));
    }

    /// <summary>
    /// Copies a failed result's errors next to their fields (or at the top of the form). A field
    /// model binding already refused keeps that one message: it says what to fix first.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, Result result, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        var refusedByBinding = modelState.Where(kv => kv.Value is { Errors.Count: > 0 }).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var error in result.Errors)
        {
            var key = error.Field is null ? "" : string.IsNullOrEmpty(prefix) ? error.Field : $"{prefix}.{error.Field}";
            if (key.Length > 0 && refusedByBinding.Contains(key)) continue;
            modelState.AddModelError(key, error.Message);
        }
    }

    /// <summary>
    /// A query read from the address bar (a download, an API) that cannot be answered: 404 or 403 for a refusal,
    /// otherwise 400 with the French messages as ValidationProblemDetails, each under its query parameter.
    /// </summary>
    public static IActionResult InvalidQuery(this ControllerBase controller, Result failure, string title)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(failure);
        if (controller.Refusal(failure) is { } refusal) return refusal;
        var errors = failure.Errors.GroupBy(e => e.Field ?? "").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        var problem = new ValidationProblemDetails(errors) { Title = title, Status = StatusCodes.Status400BadRequest };
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
    }
}
