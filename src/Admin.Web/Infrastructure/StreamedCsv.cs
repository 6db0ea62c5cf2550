using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Infrastructure;

/// <summary>
/// A CSV download written straight to the response as it is produced (never built in memory first), as an
/// attachment no browser or proxy keeps: it may hold personal data (e-mails) or an organization's figures.
/// </summary>
public sealed class StreamedCsv(string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public const string ContentType = "text/csv; charset=utf-8";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.CacheControl = "private, no-store";
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
