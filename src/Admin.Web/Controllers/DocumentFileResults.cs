using Admin.Web.Features.AccessRequests.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Admin.Web.Controllers;

internal static class DocumentFileResults
{
    /// <summary>
    /// A request's document as an attachment that no browser or proxy keeps: it may hold personal
    /// data, and the next person on a shared computer must not find it in the cache.
    /// </summary>
    public static FileStreamResult PrivateDocument(this ControllerBase controller, DownloadDocument.DocumentContent document)
    {
        controller.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return controller.File(document.Content, document.ContentType, document.FileName);
    }
}
