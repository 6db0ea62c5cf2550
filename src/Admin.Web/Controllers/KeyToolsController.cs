using Admin.Web.Features.ApiKeys;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Admin.Web.Controllers;

/// <summary>The key search page: what was found (null before a search). <see cref="Key"/> is the field, never filled back.</summary>
public sealed record KeySearchPage(FindKey.Found? Found)
{
    public string? Key => null;
}

/// <summary>The "Tester ma clé" page, for partners or staff. <see cref="Key"/> is the field, never filled back.</summary>
public sealed record KeyTestPage(bool AsStaff, TestKey.Verdict? Verdict)
{
    public string? Key => null;
    public string Action => AsStaff ? "/instruction/cles/tester" : "/cles/tester";
}

/// <summary>"Tester ma clé" for partners: the key is posted (never in a URL) and never shown back.</summary>
[Authorize(Policy = Policies.Partner), Route("cles/tester")]
public sealed class KeyTestController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(KeyTools.TestView, new KeyTestPage(AsStaff: false, null));

    [HttpPost("")]
    public async Task<IActionResult> Test(string? key, CancellationToken ct) =>
        await KeyTools.TestAsync(this, mediator, key, asStaff: false, ct);
}

/// <summary>The staff key tools: search by prefix or full value, and "Tester une clé". Every staff role reads.</summary>
[Authorize(Policy = Policies.Staff), Route("instruction/cles")]
public sealed class StaffKeyToolsController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public IActionResult Search() => View(KeyTools.SearchView, new KeySearchPage(null));

    [HttpPost("")]
    public async Task<IActionResult> Search(string? key, CancellationToken ct)
    {
        var result = await mediator.Send(new FindKey.Query(key), ct);
        KeyTools.ForgetTypedKey(this);
        if (result.IsSuccess) return View(KeyTools.SearchView, new KeySearchPage(result.Value));
        if (this.Refusal(result) is { } refusal) return refusal;
        this.ShowErrors(result);
        return View(KeyTools.SearchView, new KeySearchPage(null));
    }

    [HttpGet("tester")]
    public IActionResult Test() => View(KeyTools.TestView, new KeyTestPage(AsStaff: true, null));

    [HttpPost("tester")]
    public async Task<IActionResult> Test(string? key, CancellationToken ct) =>
        await KeyTools.TestAsync(this, mediator, key, asStaff: true, ct);
}

internal static class KeyTools
{
    public const string TestView = "~/Views/KeyTools/Test.cshtml";
    public const string SearchView = "~/Views/KeyTools/Search.cshtml";

    public static async Task<IActionResult> TestAsync(Controller controller, IMediator mediator, string? key, bool asStaff, CancellationToken ct)
    {
        var result = await mediator.Send(new TestKey.Query(key), ct);
        ForgetTypedKey(controller);
        if (result.IsSuccess) return controller.View(TestView, new KeyTestPage(asStaff, result.Value));
        if (controller.Refusal(result) is { } refusal) return refusal;
        controller.ShowErrors(result);
        return controller.View(TestView, new KeyTestPage(asStaff, null));
    }

    /// <summary>The answer to a posted key is never cached, and the field is not filled back with it.</summary>
    public static void ForgetTypedKey(Controller controller)
    {
        controller.Response.Headers.CacheControl = "no-store, max-age=0";
        if (controller.ModelState.TryGetValue("Key", out var entry))
        {
            entry.AttemptedValue = null;
            entry.RawValue = null;
        }
    }
}
