using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Admin.Web.Tests.Support;

/// <summary>
/// The browser's side of a ProConnect sign-in. The app is an in-memory test server and the provider a real loopback
/// server, so the redirects are followed by hand: the app's client for the app, a plain HttpClient for the provider.
/// Each step can be tampered with on its way (a changed nonce, a changed state) to play an attacker or a faulty provider.
/// </summary>
public sealed class ProConnectJourney(Browser browser, ProConnectProvider provider) : IDisposable
{
    private readonly HttpClient _toProvider = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    public Browser Browser => browser;

    /// <summary>"S'identifier avec ProConnect" on <paramref name="page"/>: the provider's authorization URL the app redirects to.</summary>
    public async Task<Uri> ChallengeAsync(string page = "/compte/connexion", string action = "/compte/proconnect", string? returnUrl = null)
    {
        await browser.GetAsync(page);
        var fields = new Dictionary<string, string>();
        if (returnUrl is not null) fields["returnUrl"] = returnUrl;
        var challenge = await browser.PostAsync(action, fields);
        Assert.Equal(HttpStatusCode.Redirect, challenge.Status);
        var authorize = new Uri(challenge.Location!);
        Assert.StartsWith(provider.Authority + "/connect/authorize", authorize.ToString(), StringComparison.Ordinal);
        return authorize;
    }

    /// <summary>The provider approves the user at once and sends the browser back to the app's callback, code and state in the query.</summary>
    public async Task<Uri> AuthorizeAsync(Uri authorize)
    {
        using var response = await _toProvider.GetAsync(authorize);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var callback = response.Headers.Location!;
        Assert.StartsWith(ProConnectProvider.AppOrigin + Admin.Web.Infrastructure.ProConnect.CallbackPath, callback.ToString(), StringComparison.Ordinal);
        return callback;
    }

    /// <summary>The callback, then wherever the app sends the browser within itself, up to the first page or outside redirect.</summary>
    public async Task<Page> CallbackAsync(Uri callback)
    {
        var page = await browser.GetAsync(callback.PathAndQuery);
        while (page.Location is { } next && next.StartsWith('/') && next.Contains("/proconnect/", StringComparison.Ordinal))
        {
            page = await browser.GetAsync(next);
        }

        return page;
    }

    /// <summary>The whole sign-in: the app's last answer (a redirect to where the user lands, or back to the sign-in page).</summary>
    public async Task<Page> SignInAsync(Func<Uri, Uri>? alterAuthorize = null, Func<Uri, Uri>? alterCallback = null, string? returnUrl = null)
    {
        var authorize = await ChallengeAsync(returnUrl: returnUrl);
        var callback = await AuthorizeAsync(alterAuthorize?.Invoke(authorize) ?? authorize);
        return await CallbackAsync(alterCallback?.Invoke(callback) ?? callback);
    }

    /// <summary>Follows a redirect to the provider (e.g. its end-session endpoint) and returns where the provider sends the browser back.</summary>
    public async Task<Uri> AtProviderAsync(string location)
    {
        using var response = await _toProvider.GetAsync(location);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>The same URL with one query parameter's value replaced.</summary>
    public static Uri WithParameter(Uri url, string name, Func<string, string> change)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        var rebuilt = query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Key == name ? change(p.Value.ToString()) : p.Value.ToString()));
        return new Uri(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(url.GetLeftPart(UriPartial.Path), rebuilt));
    }

    public static string Parameter(string url, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query)[name].ToString();

    public void Dispose() => _toProvider.Dispose();
}

/// <summary>The application with ProConnect configured against an address where nothing answers.</summary>
public sealed class UnreachableProConnectWebFactory : AdminWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // A loopback port just freed: connection refused at once.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        builder.UseSetting("ProConnect:Authority", $"http://127.0.0.1:{port}");
        builder.UseSetting("ProConnect:ClientId", ProConnectProvider.ClientId);
        builder.UseSetting("ProConnect:ClientSecret", ProConnectProvider.ClientSecret);
    }
}

/// <summary>The application with ProConnect configured against a <see cref="ProConnectProvider"/>, and the Sirene directory against a stub.</summary>
public sealed class ProConnectWebFactory : AdminWebFactory
{
    public ProConnectProvider Provider { get; } = ProConnectProvider.Start();
    public SireneStub Sirene { get; } = SireneStub.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ProConnect:Authority", Provider.Authority);
        builder.UseSetting("ProConnect:ClientId", ProConnectProvider.ClientId);
        builder.UseSetting("ProConnect:ClientSecret", ProConnectProvider.ClientSecret);
        builder.UseSetting("Sirene:BaseUrl", Sirene.BaseUrl);
    }

    public ProConnectJourney Journey() => new(new Browser(CreateBrowser()), Provider);

    /// <summary>A browser whose cookies the test can read and copy (to replay a callback from another browser).</summary>
    public HttpClient CreateBrowser(CookieContainer cookies) =>
        CreateDefaultClient(new Uri(ProConnectProvider.AppOrigin), new CookieContainerHandler(cookies));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Sirene.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
