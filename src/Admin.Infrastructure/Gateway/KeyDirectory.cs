using System.Collections.Concurrent;
using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Gateways;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Infrastructure.Gateway;

/// <summary>
/// The gateway's key cache: a snapshot of every key asked about, held in memory (no database round
/// trip once warm), and a negative entry for unknown keys (a flood of random keys reaches the
/// database once per key, then never until the entry ages out). The keys of one authorization share
/// one <see cref="KeyGrant"/>. Changes made through the back-office arrive as <see cref="GatewayChange"/>s
/// (from this node at commit, from other nodes by the change bus) and evict what they touch.
/// </summary>
public sealed class KeyDirectory(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>How long an unknown key stays known as unknown (a created key clears its entry at once).</summary>
    public static readonly TimeSpan NegativeTtl = TimeSpan.FromMinutes(10);

    /// <summary>Beyond this many negative entries, they are all dropped (a flood cannot exhaust memory).</summary>
    public const int MaxNegativeEntries = 2_000_000;

    // A value is the key's snapshot, or the instant (UTC ticks, boxed) until which the hash is known as unknown:
    // no wrapper object per cached key.
    private readonly ConcurrentDictionary<UInt128, object> _entries = new();
    private readonly ConcurrentDictionary<Guid, KeyGrant> _grants = new();
    private int _negativeCount;
    private long _databaseLookups;

    // Bumped by every change: a load that started before a change does not cache what it read.
    private long _generation;

    /// <summary>How many times a key was looked up in the database (the benchmark's "queries after the first").</summary>
    public long DatabaseLookups => Interlocked.Read(ref _databaseLookups);

    public int Count => _entries.Count;

    /// <summary>
    /// The key <paramref name="secret"/> designates in <paramref name="environment"/>, or null (NOT_FOUND).
    /// A string without the key format or with a wrong checksum is null without any lookup.
    /// </summary>
    public ValueTask<KeySnapshot?> FindAsync(string secret, ApiKeyEnvironment environment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var isTestToken = TestToken.Is(secret);
        if (isTestToken)
        {
            if (environment != ApiKeyEnvironment.Sandbox) return ValueTask.FromResult<KeySnapshot?>(null);
        }
        else if (ApiKeyFormat.Parse(secret) is not { } parsed || parsed.Environment != environment)
        {
            return ValueTask.FromResult<KeySnapshot?>(null);
        }

        var hash = KeyHash.Of(secret);
        if (_entries.TryGetValue(hash.Prefix, out var entry))
        {
            if (entry is KeySnapshot snapshot) return ValueTask.FromResult<KeySnapshot?>(snapshot.Environment == environment ? snapshot : null);
            if ((long)entry > time.GetUtcNow().UtcTicks) return ValueTask.FromResult<KeySnapshot?>(null);
        }

        return LoadAsync(hash, isTestToken, environment, ct);
    }

    /// <summary>
    /// Loads every key that is neither revoked nor replaced into the cache, page by page (one query for the
    /// keys of a page, one for their authorizations and organizations), so that the first calls after a
    /// deployment are answered from memory too. Returns the number of keys cached.
    /// </summary>
    public async Task<int> WarmAsync(CancellationToken ct, int pageSize = 10_000)
    {
        var count = 0;
        Guid? after = null;
        while (true)
        {
            var generation = Interlocked.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
            var page = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null && (after == null || k.Id.CompareTo(after.Value) > 0))
                .OrderBy(k => k.Id).Take(pageSize).ToListAsync(ct);
            if (page.Count == 0) return count;
            after = page[^1].Id;

            var missing = page.Select(k => k.AuthorizationId).Distinct().Where(id => !_grants.ContainsKey(id)).ToList();
            if (missing.Count > 0)
            {
                var authorizations = await db.Authorizations.AsNoTracking().Where(a => missing.Contains(a.Id)).ToListAsync(ct);
                var organizationIds = authorizations.Select(a => a.OrganizationId).Distinct().ToList();
                var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
                foreach (var authorization in authorizations)
                {
                    _grants.TryAdd(authorization.Id, GrantOf(authorization, organizations[authorization.OrganizationId]));
                }
            }

            if (Interlocked.Read(ref _generation) != generation) continue;
            foreach (var key in page)
            {
                if (!_grants.TryGetValue(key.AuthorizationId, out var grant)) continue;
                _entries.TryAdd(KeyHash.FromHex(key.Hash).Prefix, SnapshotOf(key, grant));
                count++;
            }
        }
    }

    /// <summary>Evicts what a change touches.</summary>
    public void Apply(GatewayChange change)
    {
        Interlocked.Increment(ref _generation);
        switch (change.Kind)
        {
            case GatewayChangeKind.Key:
                foreach (var (hash, entry) in _entries)
                {
                    if (entry is KeySnapshot snapshot && snapshot.KeyId == change.Id) _entries.TryRemove(hash, out _);
                }

                break;
            case GatewayChangeKind.KeyCreated when change.Hash is { } created:
                if (_entries.TryRemove(KeyHash.FromHex(created).Prefix, out var removed) && removed is not KeySnapshot) Interlocked.Decrement(ref _negativeCount);
                break;
            case GatewayChangeKind.Authorization:
                _grants.TryRemove(change.Id, out _);
                EvictWhere(s => s.Grant.AuthorizationId == change.Id);
                break;
            case GatewayChangeKind.Organization:
                foreach (var (id, grant) in _grants)
                {
                    if (grant.OrganizationId == change.Id) _grants.TryRemove(id, out _);
                }

                EvictWhere(s => s.Grant.OrganizationId == change.Id);
                break;
            case GatewayChangeKind.TestToken:
                if (change.Hash is { } token) _entries.TryRemove(KeyHash.FromHex(token).Prefix, out _);
                EvictWhere(s => s.KeyId == TestToken.FixedId);
                break;
        }
    }

    /// <summary>Forgets everything (Redis came back: messages may have been missed meanwhile).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
        _grants.Clear();
        Interlocked.Exchange(ref _negativeCount, 0);
    }

    private void EvictWhere(Func<KeySnapshot, bool> predicate)
    {
        foreach (var (hash, entry) in _entries)
        {
            if (entry is KeySnapshot snapshot && predicate(snapshot)) _entries.TryRemove(hash, out _);
        }
    }

    private async ValueTask<KeySnapshot?> LoadAsync(KeyHash hash, bool isTestToken, ApiKeyEnvironment environment, CancellationToken ct)
    {
        Interlocked.Increment(ref _databaseLookups);
        var generation = Interlocked.Read(ref _generation);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
        var hex = hash.ToHex();
        var snapshot = isTestToken ? await LoadTestTokenAsync(db, hex, ct) : await LoadKeyAsync(db, hex, environment, generation, ct);
        if (Interlocked.Read(ref _generation) != generation) return snapshot;

        if (snapshot is null)
        {
            if (Interlocked.Increment(ref _negativeCount) > MaxNegativeEntries)
            {
                foreach (var (key, entry) in _entries) if (entry is not KeySnapshot) _entries.TryRemove(key, out _);
                Interlocked.Exchange(ref _negativeCount, 0);
            }

            _entries[hash.Prefix] = (time.GetUtcNow() + NegativeTtl).UtcTicks;
            return null;
        }

        _entries[hash.Prefix] = snapshot;
        return snapshot;
    }

    private async Task<KeySnapshot?> LoadKeyAsync(AdminDbContext db, string hex, ApiKeyEnvironment environment, long generation, CancellationToken ct)
    {
        var key = await ByHash(db, hex, environment, ct);
        if (key is null) return null;

        if (!_grants.TryGetValue(key.AuthorizationId, out var grant))
        {
            var authorization = await db.Authorizations.AsNoTracking().FirstAsync(a => a.Id == key.AuthorizationId, ct);
            var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == key.OrganizationId, ct);
            grant = GrantOf(authorization, organization);
            if (Interlocked.Read(ref _generation) == generation) _grants[key.AuthorizationId] = grant;
        }

        return SnapshotOf(key, grant);
    }

    // Compiled once: the cold path skips the query cache's look-up and the expression tree.
    private static readonly Func<AdminDbContext, string, ApiKeyEnvironment, CancellationToken, Task<ApiKey?>> ByHash =
        EF.CompileAsyncQuery((AdminDbContext db, string hex, ApiKeyEnvironment environment, CancellationToken ct) =>
            db.ApiKeys.AsNoTracking().FirstOrDefault(k => k.Hash == hex && k.Environment == environment));

    private static KeySnapshot SnapshotOf(ApiKey key, KeyGrant grant) =>
        new(key.Id, key.Environment, grant, key.ExpiresAt, key.RevokedAt, key.AllowedIps.Count == 0 ? IpAllowList.Empty : IpAllowList.FromStored(key.AllowedIps));

    private static KeyGrant GrantOf(Authorization authorization, Admin.Domain.Organizations.Organization organization) =>
        new(authorization.Id, organization.Id, organization.Siret.Value, organization.Name, authorization.Scopes,
            new KeyLimits(authorization.RatePerSecond, authorization.DailyQuota, authorization.MonthlyQuota), authorization.ExpiresAt,
            isSuspended: authorization.Status == AuthorizationStatus.Suspended || organization.IsSuspended,
            isRevoked: authorization.Status == AuthorizationStatus.Revoked);

    private static async Task<KeySnapshot?> LoadTestTokenAsync(AdminDbContext db, string hex, CancellationToken ct)
    {
        var token = await db.TestTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hex, ct);
        if (token is null) return null;
        var catalogue = await db.Scopes.AsNoTracking().ToListAsync(ct);
        var grant = new KeyGrant(null, null, null, null, TestToken.ScopesFrom(catalogue), new KeyLimits(token.RatePerSecond, null, null),
            DateTimeOffset.MaxValue, isSuspended: false, isRevoked: false);
        return new KeySnapshot(token.Id, ApiKeyEnvironment.Sandbox, grant, DateTimeOffset.MaxValue, null, IpAllowList.Empty);
    }
}
