using System.Text.Json;
using Admin.Domain.ApiKeys;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Gateway;

/// <summary>
/// Usage reaches the database by itself within about a second (what a crash can lose), and a clean
/// stop during traffic loses nothing: every answered call is in the counts after the restart.
/// </summary>
public sealed class GatewayUsageTests
{
    [Fact]
    public async Task Counts_reach_the_database_within_a_second_without_being_asked()
    {
        await using var app = new AdminWebFactory();
        var key = await app.GatewayKeyAsync(["cnaf_quotient_familial"], ratePerSecond: 1000);
        var credential = await app.GatewayCredentialAsync();
        var client = app.CreateClient();
        for (var i = 0; i < 10; i++) await client.ForwardAuthAsync(credential, key.Secret, "/api/v2/composition-familiale");
        var answeredAt = DateTimeOffset.UtcNow;

        long written = 0;
        while (written < 10 && DateTimeOffset.UtcNow - answeredAt < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50);
            written = await app.WithDbAsync(db => db.KeyUsageHours.Where(u => u.KeyId == key.KeyId).SumAsync(u => u.Calls));
        }

        Assert.Equal(10, written);
        Assert.True(DateTimeOffset.UtcNow - answeredAt < TimeSpan.FromSeconds(2.5), "the flush runs every second");
    }

    [Fact]
    public async Task A_clean_stop_during_traffic_loses_no_count()
    {
        var data = Path.Combine(Path.GetTempPath(), "apip-web-tests", Guid.NewGuid().ToString("N"));
        GatewayKey key;
        string credential;
        long answered = 0;
        var node = new SharedDataNode(data);
        try
        {
            key = await node.GatewayKeyAsync(["cnaf_quotient_familial"], ratePerSecond: 5);
            credential = await node.GatewayCredentialAsync();
            var client = node.CreateClient();
            using var stop = new CancellationTokenSource();
            var callers = Enumerable.Range(0, 8).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var response = await client.VerifyAsync(credential, new { key = key.Secret });
                        var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
                        if (code is "VALID" or "RATE_LIMITED") Interlocked.Increment(ref answered);
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }
                }
            }).ToList();

            await Task.Delay(1500);
            // Stop the node while the callers are still calling: the last counts are flushed on the way out.
            var stopping = node.DisposeAsync().AsTask();
            await stopping;
            stop.Cancel();
            await Task.WhenAll(callers);
        }
        finally
        {
            await node.DisposeAsync();
        }

        await using var restarted = new SharedDataNode(data, deleteOnDispose: true);
        var counted = await restarted.WithDbAsync(db => db.KeyUsageHours.Where(u => u.KeyId == key.KeyId).SumAsync(u => u.Calls));
        Assert.True(answered > 20, $"only {answered} calls answered");
        // Every answered call is counted; at most the 8 in flight when the server stopped were counted without their answer arriving.
        Assert.InRange(counted, answered, answered + 8);
    }

    /// <summary>A node whose data directory survives it (by default), so a second node reads what it wrote.</summary>
    private sealed class SharedDataNode(string data, bool deleteOnDispose = false) : AdminWebFactory(data)
    {
        protected override bool KeepsDataDirectory => !deleteOnDispose;
    }
}
