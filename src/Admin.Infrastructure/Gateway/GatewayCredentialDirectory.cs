using System.Collections.Concurrent;
using Admin.Domain.ApiKeys;
using Admin.Domain.Gateways;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Infrastructure.Gateway;

/// <summary>The gateway asking, once its credential is recognized: which environment it serves.</summary>
public sealed record GatewayCaller(Guid Id, string Name, ApiKeyEnvironment Environment);

/// <summary>
/// Recognizes a gateway credential (X-Gateway-Credential) from memory: active credentials by hash,
/// unknown ones negatively for a short time. A revoked credential is forgotten at once on this
/// node, within a second on the others (<see cref="GatewayChangeKind.Credential"/>).
/// </summary>
public sealed class GatewayCredentialDirectory(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan NegativeTtl = TimeSpan.FromSeconds(30);
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<KeyHash, Entry> _entries = new();
    private long _generation;

    public ValueTask<GatewayCaller?> FindAsync(string? secret, CancellationToken ct)
    {
        if (!GatewayCredentialFormat.IsWellFormed(secret)) return ValueTask.FromResult<GatewayCaller?>(null);
        var hash = KeyHash.Of(secret!);
        if (_entries.TryGetValue(hash, out var entry) && (entry.Caller is not null || entry.NegativeUntil > time.GetUtcNow().UtcTicks))
        {
            return ValueTask.FromResult(entry.Caller);
        }

        return LoadAsync(hash, ct);
    }

    public void Apply(GatewayChange change)
    {
        if (change.Kind != GatewayChangeKind.Credential) return;
        Interlocked.Increment(ref _generation);
        foreach (var (hash, entry) in _entries)
        {
            if (entry.Caller?.Id == change.Id) _entries.TryRemove(hash, out _);
        }

        if (change.Hash is { } created) _entries.TryRemove(KeyHash.FromHex(created), out _);
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private async ValueTask<GatewayCaller?> LoadAsync(KeyHash hash, CancellationToken ct)
    {
        var generation = Interlocked.Read(ref _generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
        var hex = hash.ToHex();
        var client = await db.GatewayClients.AsNoTracking().FirstOrDefaultAsync(c => c.Hash == hex && c.RevokedAt == null, ct);
        var caller = client is null ? null : new GatewayCaller(client.Id, client.Name, client.Environment);
        if (Interlocked.Read(ref _generation) == generation)
        {
            if (_entries.Count >= MaxEntries) _entries.Clear();
            _entries[hash] = new Entry(caller, caller is null ? (time.GetUtcNow() + NegativeTtl).UtcTicks : 0);
        }

        return caller;
    }

    private sealed record Entry(GatewayCaller? Caller, long NegativeUntil);
}
