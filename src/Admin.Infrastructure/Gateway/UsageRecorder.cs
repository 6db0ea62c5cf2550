using System.Collections.Concurrent;
using Admin.Domain.Gateways;
using Admin.Domain.Usage;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Admin.Infrastructure.Gateway;

/// <summary>
/// Counts every decision about a known key in memory (per key, hour, route, scopes asked and code,
/// with the last client addresses), lock-free on the hot path; <see cref="FlushAsync"/> adds the
/// counts to the database. Counters are drained by atomic exchange, so a call counted during a flush
/// is in this flush or the next, never lost nor counted twice.
/// </summary>
public sealed class UsageRecorder(IServiceScopeFactory scopes, TimeProvider time, ILogger<UsageRecorder> logger)
{
    private readonly ConcurrentDictionary<UsageKey, Counter> _counters = new();
    private readonly ConcurrentDictionary<Guid, Seen> _seen = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public void Record(KeySnapshot key, GatewayDecision decision, GatewayAsk ask, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(decision);
        var hour = KeyUsageHour.HourOf(now).UtcTicks;
        var route = ask.ForwardAuth ? decision.Route?.PathPrefix ?? "" : "";
        var scope = ask.ForwardAuth || ask.Scopes is not { Count: > 0 } asked ? "" : ScopesText(asked);
        var counter = _counters.GetOrAdd(new UsageKey(key.KeyId, hour, route, scope, decision.Code), static (k, s) => new Counter(s), key.Grant);
        Interlocked.Increment(ref counter.Calls);
        if (decision.IsValid) Interlocked.Add(ref counter.Units, ask.Cost);

        var seen = _seen.GetOrAdd(key.KeyId, static _ => new Seen());
        seen.Touch(now, ask.Client);
    }

    /// <summary>Writes what was counted since the last flush; returns the number of calls written.</summary>
    public async Task<long> FlushAsync(CancellationToken ct, bool final = false)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            var rows = new List<(UsageKey Key, KeyGrant Grant, long Calls, long Units)>();
            var currentHour = time.GetUtcNow().UtcTicks / TimeSpan.TicksPerHour;
            foreach (var (key, counter) in _counters)
            {
                var calls = Interlocked.Exchange(ref counter.Calls, 0);
                var units = Interlocked.Exchange(ref counter.Units, 0);
                if (calls > 0 || units > 0) rows.Add((key, counter.Grant, calls, units));
                // Two hours on, nothing can add to it any more.
                else if (key.HourTicks / TimeSpan.TicksPerHour < currentHour - 1) _counters.TryRemove(key, out _);
            }

            var used = new List<(Guid KeyId, DateTimeOffset At, string[] Addresses)>();
            foreach (var (keyId, seen) in _seen)
            {
                if (seen.Drain(final) is { } drained) used.Add((keyId, drained.At, drained.Addresses));
            }

            if (rows.Count == 0 && used.Count == 0) return 0;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await WriteAsync(rows, used, ct);
                // A flush slower than its interval means the counts pile up: say so.
                if (watch.Elapsed > TimeSpan.FromMilliseconds(500))
                {
                    logger.LogWarning("Usage flush of {Rows} rows and {Keys} keys' last use took {Milliseconds} ms", rows.Count, used.Count, watch.ElapsedMilliseconds);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Usage flush of {Rows} rows failed; writing them one by one", rows.Count);
                return await WriteOneByOneAsync(rows, ct);
            }

            return rows.Sum(r => r.Calls);
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>
    /// After a failed batch: each row alone. Rows that fail while others pass are set aside (logged, never
    /// retried: one bad row must not stop the counting of every key); when none passes, the database is
    /// the problem and every count is kept for the next flush.
    /// </summary>
    private async Task<long> WriteOneByOneAsync(List<(UsageKey Key, KeyGrant Grant, long Calls, long Units)> rows, CancellationToken ct)
    {
        var failed = new List<(UsageKey Key, KeyGrant Grant, long Calls, long Units)>();
        long written = 0;
        foreach (var row in rows)
        {
            try
            {
                await WriteAsync([row], [], ct);
                written += row.Calls;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Add(row);
                if (failed.Count == 1) logger.LogError(e, "Usage row of key {KeyId} could not be written", row.Key.KeyId);
            }
        }

        if (failed.Count == rows.Count)
        {
            foreach (var row in rows)
            {
                var counter = _counters.GetOrAdd(row.Key, static (_, g) => new Counter(g), row.Grant);
                Interlocked.Add(ref counter.Calls, row.Calls);
                Interlocked.Add(ref counter.Units, row.Units);
            }

            logger.LogWarning("Usage could not be written; {Rows} rows kept for the next flush", rows.Count);
            return 0;
        }

        if (failed.Count > 0) logger.LogError("{Rows} usage rows set aside ({Calls} calls): they could not be written", failed.Count, failed.Sum(f => f.Calls));
        return written;
    }

    private async Task WriteAsync(List<(UsageKey Key, KeyGrant Grant, long Calls, long Units)> rows,
        List<(Guid KeyId, DateTimeOffset At, string[] Addresses)> used, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
        var usage = rows.Select(r => new UsageRow(r.Key.KeyId, r.Grant.AuthorizationId, r.Grant.OrganizationId, new DateTimeOffset(r.Key.HourTicks, TimeSpan.Zero),
            r.Key.Route, r.Key.Scope, r.Key.Code.ContractName(), r.Calls, r.Units)).ToList();
        var addresses = used.SelectMany(u => u.Addresses.Select(a => (u.KeyId, a, u.At))).ToList();
        var prune = time.GetUtcNow() >= _nextPrune;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await UsageWriter.UpsertUsageAsync(db, usage, ct);
            // Last use, one statement per batch of keys (not through the entities: the gateway's caches must not take it for a change).
            var at = used.Count == 0 ? default : used.Max(u => u.At);
            foreach (var batch in used.Select(u => u.KeyId).Where(id => id != Admin.Domain.ApiKeys.TestToken.FixedId).Chunk(500))
            {
                await db.ApiKeys.Where(k => batch.Contains(k.Id) && (k.LastUsedAt == null || k.LastUsedAt < at))
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at), ct);
            }

            if (used.Any(u => u.KeyId == Admin.Domain.ApiKeys.TestToken.FixedId))
            {
                await db.TestTokens.Where(t => t.Id == Admin.Domain.ApiKeys.TestToken.FixedId && (t.LastUsedAt == null || t.LastUsedAt < at))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, at), ct);
            }

            await UsageWriter.UpsertAddressesAsync(db, addresses, ct);
            if (prune) await UsageWriter.PruneAddressesAsync(db, KeyClientAddress.KeptPerKey, ct);
            await transaction.CommitAsync(ct);
        });
        if (prune) _nextPrune = time.GetUtcNow() + PruneInterval;
    }

    /// <summary>How often the addresses beyond the most recent ones of each key are deleted.</summary>
    public static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);

    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    private static string ScopesText(IReadOnlyList<string> scopes)
    {
        if (scopes.Count == 1) return scopes[0];
        var sorted = scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var text = string.Join(',', sorted);
        return text.Length <= KeyUsageHour.ScopeMaxLength ? text : text[..KeyUsageHour.ScopeMaxLength];
    }

    private readonly record struct UsageKey(Guid KeyId, long HourTicks, string Route, string Scope, GatewayCode Code);

    private sealed class Counter(KeyGrant grant)
    {
        public readonly KeyGrant Grant = grant;
        public long Calls;
        public long Units;
    }

    /// <summary>How often a key's last use and its known addresses are written again (a new address is written at once).</summary>
    public static readonly TimeSpan SeenInterval = TimeSpan.FromMinutes(1);

    private sealed class Seen
    {
        private const int MaxAddresses = 4;
        private readonly List<System.Net.IPAddress> _addresses = [];
        private long _lastTicks;
        private System.Net.IPAddress? _last;

        public void Touch(DateTimeOffset now, System.Net.IPAddress? address)
        {
            var ticks = now.UtcTicks;
            long current;
            while ((current = Interlocked.Read(ref _lastTicks)) < ticks && Interlocked.CompareExchange(ref _lastTicks, ticks, current) != current) { }
            if (address is null || address.Equals(_last)) return;
            lock (_addresses)
            {
                _last = address;
                if (_addresses.Count < MaxAddresses && !_addresses.Contains(address)) _addresses.Add(address);
            }
        }

        private readonly HashSet<System.Net.IPAddress> _written = [];
        private long _writtenTicks;

        /// <summary>
        /// Last use and addresses to write: a new address at once, otherwise at most once per
        /// <see cref="SeenInterval"/> (the counts themselves are written every second).
        /// </summary>
        public (DateTimeOffset At, string[] Addresses)? Drain(bool final)
        {
            lock (_addresses)
            {
                var ticks = Interlocked.Read(ref _lastTicks);
                var fresh = _addresses.Where(a => !_written.Contains(a)).ToList();
                var due = final || ticks - _writtenTicks >= SeenInterval.Ticks;
                if (ticks == 0 || (!due && fresh.Count == 0)) return null;

                var addresses = due ? _addresses.ToList() : fresh;
                if (due) _written.Clear();
                foreach (var address in addresses) _written.Add(address);
                _addresses.Clear();
                _last = null;
                _writtenTicks = ticks;
                Interlocked.CompareExchange(ref _lastTicks, 0, ticks);
                return (new DateTimeOffset(ticks, TimeSpan.Zero), [.. addresses.Select(a => a.ToString())]);
            }
        }
    }
}

/// <summary>
/// Flushes the usage counts every second, and once more when the app has stopped: after the server
/// has finished the requests in flight (ApplicationStopped), so the calls answered while stopping are counted too.
/// </summary>
public sealed class UsageFlusher(UsageRecorder recorder, IHostApplicationLifetime lifetime, ILogger<UsageFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(() =>
        {
            var written = recorder.FlushAsync(CancellationToken.None, final: true).GetAwaiter().GetResult();
            logger.LogInformation("Usage flushed after the server stopped: {Calls} calls", written);
        });
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await recorder.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var written = await recorder.FlushAsync(CancellationToken.None, final: true);
        logger.LogInformation("Usage flushed on stop: {Calls} calls", written);
    }
}
