namespace Admin.Infrastructure.Gateway;

/// <summary>
/// Carries the back-office's changes to the gateway's caches: on this node at once, and to the other
/// nodes through Redis pub/sub when Gateway:Counters is Redis (<see cref="RedisGatewayBackplane"/>).
/// </summary>
public sealed class GatewayChangeBus(KeyDirectory keys, GatewayCredentialDirectory credentials, RouteTableProvider routes)
{
    /// <summary>Set by the Redis backplane: sends this node's changes to the others.</summary>
    public Action<IReadOnlyList<GatewayChange>>? Outgoing { get; set; }

    /// <summary>Changes committed on this node: applied here, then sent to the other nodes.</summary>
    public void Publish(IReadOnlyList<GatewayChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return;
        ApplyLocally(changes);
        Outgoing?.Invoke(changes);
    }

    /// <summary>Changes from this node or another one.</summary>
    public void ApplyLocally(IReadOnlyList<GatewayChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            keys.Apply(change);
            credentials.Apply(change);
            routes.Apply(change);
        }
    }

    /// <summary>Forgets every cached entry (after a gap in the messages from other nodes).</summary>
    public void ClearAll()
    {
        keys.Clear();
        credentials.Clear();
        routes.Clear();
    }
}
