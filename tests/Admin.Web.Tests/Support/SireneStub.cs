using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Admin.Web.Tests.Support;

/// <summary>
/// A stand-in for API Recherche d'entreprises on a free loopback port: <c>/search?q=&lt;siret&gt;</c> replays the answers
/// recorded in Support/Sirene (found, closed, not found), answers after 5 seconds for <see cref="Slow"/> and sends a cut-off
/// body for <see cref="Malformed"/>.
/// </summary>
public sealed class SireneStub : IAsyncDisposable
{
    public const string Found = "21690266800013";
    public const string Closed = "21690266800021";
    public const string Unknown = "21699999900016";
    public const string Slow = "21380185000016";
    public const string Malformed = "21380185000024";
    public const string ServerError = "20010038700014";

    private readonly WebApplication _app;

    private SireneStub(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static SireneStub Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/search", async (HttpContext context, string q) =>
        {
            switch (q)
            {
                case Slow:
                    await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
                    return Recorded("not-found");
                case ServerError:
                    return Results.StatusCode(StatusCodes.Status502BadGateway);
                default:
                    return Recorded(q switch { Found => "found", Closed => "closed", Malformed => "malformed", _ => "not-found" });
            }
        });
        app.StartAsync().GetAwaiter().GetResult();
        return new SireneStub(app, app.Urls.Single());
    }

    private static IResult Recorded(string name) =>
        Results.Text(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Support", "Sirene", name + ".json")), "application/json");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
