using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Admin.Infrastructure.Gateway;

/// <summary>
/// Carries each node's committed changes to the others by Redis pub/sub (one message per save), so a
/// revocation, a suspension or a route change is applied by every node within a second. When the
/// connection comes back after a loss, every cache is dropped: messages may have been missed meanwhile.
/// </summary>
public sealed class RedisGatewayBackplane(IConnectionMultiplexer redis, GatewayChangeBus bus, ILogger<RedisGatewayBackplane> logger) : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("apip:gateway:changes");
    private readonly string _node = Guid.NewGuid().ToString("N");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        bus.Outgoing = Send;
        redis.ConnectionRestored += (_, _) =>
        {
            logger.LogInformation("Redis connection restored: gateway caches dropped");
            bus.ClearAll();
        };
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => Receive(message));
        }
        catch (RedisException e)
        {
            // Subscriptions are restored by the multiplexer when it reconnects.
            logger.LogWarning(e, "Redis unreachable at start: gateway changes from other nodes will arrive once it is back");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        bus.Outgoing = null;
        return Task.CompletedTask;
    }

    private void Send(IReadOnlyList<GatewayChange> changes)
    {
        var text = new StringBuilder(_node);
        foreach (var change in changes)
        {
            text.Append('\n').Append((int)change.Kind).Append(' ').Append(change.Id.ToString("N")).Append(' ').Append(change.Hash ?? "-");
        }

        try
        {
            redis.GetSubscriber().Publish(Channel, text.ToString(), CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Could not tell the other nodes of {Count} gateway changes", changes.Count);
        }
    }

    private void Receive(RedisValue message)
    {
        var lines = message.ToString().Split('\n');
        if (lines.Length < 2 || lines[0] == _node) return;
        var changes = new List<GatewayChange>(lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(' ');
            if (parts.Length != 3 || !int.TryParse(parts[0], out var kind) || !Guid.TryParse(parts[1], out var id)) continue;
            changes.Add(new GatewayChange((GatewayChangeKind)kind, id, parts[2] == "-" ? null : parts[2]));
        }

        bus.ApplyLocally(changes);
    }
}

/// <summary>/health/ready: Degraded while the node counts alone because Redis cannot be reached.</summary>
public sealed class GatewayCountersHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService(typeof(RedisKeyCounters)) is not RedisKeyCounters counters)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Compteurs en mémoire (un seul nœud)."));
        }

        return Task.FromResult(counters.IsShared
            ? HealthCheckResult.Healthy("Compteurs partagés dans Redis.")
            : HealthCheckResult.Degraded("Redis injoignable : ce nœud compte seul jusqu'à son retour."));
    }
}
