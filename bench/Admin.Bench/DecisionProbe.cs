using System.Diagnostics;
using System.Net;
using Admin.Domain.ApiKeys;
using Admin.Domain.Gateways;
using Admin.Infrastructure.Gateway;

namespace Admin.Bench;

/// <summary>Where a warm decision's time goes: each step alone, in a loop (a probe for the developer, not a figure of the README).</summary>
internal static class DecisionProbe
{
    public static async Task RunAsync(IServiceProvider services, string secret, string route)
    {
        var decider = (GatewayDecider)services.GetService(typeof(GatewayDecider))!;
        var keys = (KeyDirectory)services.GetService(typeof(KeyDirectory))!;
        var counters = (IKeyCounters)services.GetService(typeof(IKeyCounters))!;
        var usage = (UsageRecorder)services.GetService(typeof(UsageRecorder))!;
        var ask = new GatewayAsk(ApiKeyEnvironment.Production, secret, true, route, "GET", null, IPAddress.Parse("203.0.113.7"), 1);
        const int n = 200_000;
        async Task Time(string name, Func<ValueTask> step)
        {
            for (var i = 0; i < 1000; i++) await step();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < n; i++) await step();
            Console.WriteLine($"probe {name}: {watch.Elapsed.TotalMilliseconds * 1_000_000 / n:0} ns");
        }

        var key = (await keys.FindAsync(secret, ApiKeyEnvironment.Production, CancellationToken.None))!;
        var limits = new KeyLimits(1_000_000_000, null, null);
        await Time("decide (whole)", async () => await decider.DecideAsync(ask, CancellationToken.None));
        await Time("key lookup", async () => await keys.FindAsync(secret, ApiKeyEnvironment.Production, CancellationToken.None));
        await Time("windows", () => { _ = LimitWindows.At(DateTimeOffset.UtcNow); return ValueTask.CompletedTask; });
        await Time("counters", async () => await counters.EvaluateAsync(key.KeyId, limits, 1, true, LimitWindows.At(DateTimeOffset.UtcNow)));
        var decision = await decider.DecideAsync(ask, CancellationToken.None);
        await Time("usage record", () => { usage.Record(key, decision, ask, DateTimeOffset.UtcNow); return ValueTask.CompletedTask; });
        await Time("forwarded path", () => { _ = ForwardedPath.Normalize(route); return ValueTask.CompletedTask; });
        await Time("key hash", () => { _ = KeyHash.Of(secret); return ValueTask.CompletedTask; });
        await Time("key format", () => { _ = ApiKeyFormat.Parse(secret); return ValueTask.CompletedTask; });
    }
}
