using Admin.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Admin.Web.Infrastructure;

public static class ResultExtensions
{
    /// <summary>Copies a failed result's errors next to their fields (or at the top of the form).</summary>
    public static void AddErrors(this ModelStateDictionary modelState, Result result, string? prefix = null)
    {
        foreach (var error in result.Errors)
        {
            var key = error.Field is null ? "" : string.IsNullOrEmpty(prefix) ? error.Field : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, error.Message);
        }
    }
}
