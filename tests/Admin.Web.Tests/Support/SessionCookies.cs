using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Admin.Web.Tests.Support;

/// <summary>The application with a clock the test moves (sessions, TOTP steps, throttles).</summary>
public class ClockedWebFactory : AdminWebFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

/// <summary>Copies a session cookie out of a response, as a thief would, and replays it elsewhere.</summary>
public static class SessionCookies
{
    public const string Name = "apip_admin";

    /// <summary>The session cookie(s) a response set, as a Cookie header value.</summary>
    public static string Of(Page page)
    {
        var cookies = page.Response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => v.StartsWith(Name, StringComparison.Ordinal) && !v.EndsWith('=')).ToList()
            : [];
        return cookies.Count > 0 ? string.Join("; ", cookies) : throw new InvalidOperationException("The response set no session cookie.");
    }

    /// <summary>GETs <paramref name="url"/> from a fresh client that sends only the copied cookie.</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(AdminWebFactory app, string cookie, string url)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    public static bool IsSentToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/compte/connexion", StringComparison.Ordinal) == true;
}
