using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Admin.Web.Tests.Support;

/// <summary>A page as the browser got it: status, parsed document, redirect target.</summary>
public sealed record Page(HttpStatusCode Status, IHtmlDocument Document, string? Location, HttpResponseMessage Response)
{
    /// <summary>The error messages shown right below a field, found through its aria-describedby.</summary>
    public IReadOnlyList<string> ErrorsFor(string fieldName)
    {
        var input = Document.QuerySelector($"[name='{fieldName}']")
            ?? throw new InvalidOperationException($"No field named {fieldName} on the page.");
        var describedBy = input.GetAttribute("aria-describedby") ?? throw new InvalidOperationException($"{fieldName} has no aria-describedby.");
        return Document.GetElementById(describedBy)?.QuerySelectorAll(".fr-message--error").Select(e => e.TextContent.Trim()).ToList() ?? [];
    }

    public string? ValueOf(string fieldName) =>
        Document.QuerySelector($"[name='{fieldName}']") is { } e
            ? e is IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value")
            : null;

    public string Text => Document.Body?.TextContent ?? "";
}

/// <summary>Drives the app like a browser: keeps cookies, reads the antiforgery token from the form it posts.</summary>
public sealed class Browser(HttpClient client)
{
    private static readonly HtmlParser Parser = new();
    private string? _lastToken;

    public HttpClient Client => client;

    public async Task<Page> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        var page = await ReadAsync(response);
        _lastToken = page.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? _lastToken;
        return page;
    }

    /// <summary>Opens <paramref name="formUrl"/>, then posts the fields to <paramref name="action"/> (defaults to the same URL).</summary>
    public async Task<Page> SubmitAsync(string formUrl, IDictionary<string, string> fields, string? action = null)
    {
        await GetAsync(formUrl);
        return await PostAsync(action ?? formUrl, fields);
    }

    public async Task<Page> PostAsync(string url, IDictionary<string, string> fields, bool withToken = true)
    {
        var content = new Dictionary<string, string>(fields);
        if (withToken && _lastToken is not null) content["__RequestVerificationToken"] = _lastToken;
        var response = await client.PostAsync(url, new FormUrlEncodedContent(content));
        var page = await ReadAsync(response);
        _lastToken = page.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? _lastToken;
        return page;
    }

    public async Task<Page> FollowAsync(Page page) =>
        page.Location is null ? page : await GetAsync(page.Location);

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response.StatusCode, Parser.ParseDocument(html), response.Headers.Location?.ToString(), response);
    }
}
