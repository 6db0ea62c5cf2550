using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Sirene;
using Admin.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Admin.Web.Tests.Infrastructure;

/// <summary>The typed client as the application registers it, against the stub directory's recorded answers.</summary>
public sealed class SireneDirectoryTests(SireneWebFactory app) : IClassFixture<SireneWebFactory>
{
    private Task<DirectoryAnswer> FindAsync(string siret) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<IEstablishmentDirectory>().FindAsync(Siret.Parse(siret).Value, CancellationToken.None));

    [Fact]
    public async Task Found_siret_gives_the_name_street_postal_code_city_and_legal_category()
    {
        var answer = await FindAsync(SireneStub.Found);

        Assert.Equal(DirectoryStatus.Found, answer.Status);
        Assert.Equal(new Establishment(SireneStub.Found, "COMMUNE DE VILLEURBANNE", "PLACE LAZARE GOUJON", "69100", "VILLEURBANNE",
            Closed: false, "7210"), answer.Establishment);
    }

    [Fact]
    public async Task Closed_establishment_among_the_matching_ones_is_found_and_marked_closed()
    {
        var answer = await FindAsync(SireneStub.Closed);

        Assert.Equal(DirectoryStatus.Found, answer.Status);
        Assert.True(answer.Establishment!.Closed);
        Assert.Equal("12 RUE DE L'ANCIENNE ECOLE", answer.Establishment.Street);
    }

    [Fact]
    public async Task Siret_without_results_is_not_found()
    {
        Assert.Equal(DirectoryAnswer.NotFound, await FindAsync(SireneStub.Unknown));
    }

    [Fact]
    public async Task Answer_slower_than_three_seconds_is_unavailable_after_three_seconds()
    {
        var clock = Stopwatch.StartNew();

        var answer = await FindAsync(SireneStub.Slow);

        Assert.Equal(DirectoryAnswer.Unavailable, answer);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(4.9));
    }

    [Fact]
    public async Task Malformed_answer_is_unavailable()
    {
        Assert.Equal(DirectoryAnswer.Unavailable, await FindAsync(SireneStub.Malformed));
    }

    [Fact]
    public async Task Error_status_is_unavailable()
    {
        Assert.Equal(DirectoryAnswer.Unavailable, await FindAsync(SireneStub.ServerError));
    }

    [Fact]
    public async Task Unreachable_directory_is_unavailable()
    {
        // A port that was free a moment ago: nobody listens there.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = SireneOptions.Timeout };
        var directory = new SireneDirectory(http, NullLogger<SireneDirectory>.Instance);

        Assert.Equal(DirectoryAnswer.Unavailable, await directory.FindAsync(Siret.Parse(SireneStub.Found).Value, CancellationToken.None));
    }
}
