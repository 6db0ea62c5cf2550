using System.Diagnostics;
using Admin.EndToEnd.Tests.Support;
using Admin.Infrastructure.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Xunit.Abstractions;

namespace Admin.EndToEnd.Tests;

/// <summary>
/// The gateway's usage counts survive a crash but for the last second: the app (its own process, on its own
/// SQLite file) answers a steady stream of verifications, is killed with SIGKILL (no shutdown, no last flush),
/// and the database holds every call answered more than a flush interval before the kill, and never more
/// calls than were made.
/// </summary>
public sealed class GatewayCrashTests(ITestOutputHelper output)
{
    /// <summary>The flush interval (1 s) and the time one flush may take on this shared machine.</summary>
    private static readonly TimeSpan Lag = TimeSpan.FromSeconds(1.25);
    private const int Workers = 8;

    [Fact]
    public async Task A_killed_app_loses_at_most_the_last_second_of_usage_counts_and_counts_nothing_twice()
    {
        await using var app = new CrashableApp();
        await app.Server.InitializeAsync();
        var since = Admin.Domain.Usage.KeyUsageHour.HourOf(DateTimeOffset.UtcNow);
        using var http = new HttpClient { BaseAddress = new Uri(app.Server.BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        // Warm: the first call loads the key and the route table.
        await Demo.GatewayCodeAsync(http, DemoSecrets.ProductionKey, "cnaf_quotient_familial");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var before = Recorded(app.Server.DatabaseFile, since);

        var clock = Stopwatch.StartNew();
        var answered = new System.Collections.Concurrent.ConcurrentBag<TimeSpan>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Demo.GatewayCodeAsync(http, DemoSecrets.ProductionKey, "cnaf_quotient_familial");
                    answered.Add(clock.Elapsed);
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3.3));
        var killedAt = clock.Elapsed;
        await app.Server.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(workers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));

        var recorded = Recorded(app.Server.DatabaseFile, since) - before;
        var made = answered.Count(t => t <= killedAt);
        var settled = answered.Count(t => t <= killedAt - Lag);
        output.WriteLine($"answered {made} calls in {killedAt.TotalSeconds:0.0} s ({made / killedAt.TotalSeconds:0} per second); "
            + $"recorded after the kill: {recorded}; lost: {made - recorded} (the calls of the last {Lag.TotalSeconds} s: {made - settled})");
        Assert.True(made > 100, $"only {made} calls answered");
        Assert.True(recorded >= settled, $"{settled - recorded} calls answered more than {Lag.TotalSeconds} s before the kill were lost");
        // Decided but not yet answered when killed: at most one call per worker on top of the answered ones.
        Assert.True(recorded <= made + Workers, $"{recorded} calls recorded for {made} made");
    }

    private static readonly DateTimeOffsetToBinaryConverter Time = new();

    private static long Recorded(string file, DateTimeOffset since)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(\"Calls\"), 0) FROM \"KeyUsageHours\" WHERE \"Hour\" >= $h";
        command.Parameters.AddWithValue("$h", Time.ConvertToProvider(since));
        return (long)command.ExecuteScalar()!;
    }

    private sealed class CrashableApp : IAsyncDisposable
    {
        public AppServer Server { get; } = new(withBrowser: false);

        public async ValueTask DisposeAsync() => await Server.DisposeAsync();
    }
}
