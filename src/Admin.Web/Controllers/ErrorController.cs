using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>French error pages; no stack trace ever leaves the server outside Development.</summary>
[AllowAnonymous, Route("erreur"), ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status()
    {
        // Read from the route only: binding a parameter would read the re-executed request's form,
        // which may be the very malformed body that caused the error.
        var code = int.TryParse(HttpContext.GetRouteValue("code") as string, out var c) ? c : 500;
        // An error page asked for directly with a code that is no error is itself a page that does not exist.
        if (code is < 400 or >= 600) code = 404;
        var shown = code is 400 or 403 or 404 or 500 ? code : code >= 500 ? 500 : 400;
        Response.StatusCode = code;
        return View("Status", shown);
    }
}
