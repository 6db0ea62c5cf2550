using Admin.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Admin.Web.Infrastructure;

public static class ResultExtensions
{
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
}
