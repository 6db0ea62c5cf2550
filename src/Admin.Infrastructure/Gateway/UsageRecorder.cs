using System.Collections.Concurrent;
using Admin.Domain.Common;
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
public sealed class UsageRecorder(IServiceScopeFactory scopes, TimeProvider time, ILogger<UsageRecorder> logger,
    Microsoft.Extensions.Options.IOptions<Usage.UsageOptions> options)
{
    private readonly ConcurrentDictionary<UsageKey, Counter> _counters = new();
    private readonly ConcurrentDictionary<AlertKey, PendingAlert> _alerts = new();
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

    /// <summary>
    /// A quota threshold passed (<paramref name="crossed"/>: the bit set of <see cref="QuotaAlerts.Crossed"/>) in the
    /// Paris day or month <paramref name="period"/> (<see cref="LimitWindows.Day"/> or <see cref="LimitWindows.Month"/>):
    /// kept once in memory and written with the next flush (the database keeps it once across nodes).
    /// </summary>
    public void RecordQuotaAlert(KeySnapshot key, UsageAlertKind kind, int crossed, int period, long value, long limit)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Grant.AuthorizationId is null || key.Grant.OrganizationId is null) return;
        foreach (var threshold in QuotaAlerts.Thresholds(crossed))
        {
            _alerts.TryAdd(new AlertKey(key.KeyId, kind, threshold, period), new PendingAlert(key.Grant, value, limit, ""));
        }
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

            if (rows.Count == 0 && used.Count == 0 && _alerts.IsEmpty) return 0;
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

            try
            {
                await AlertAsync(rows, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The counts are written; the alerts are tried again with the next flush.
                logger.LogError(e, "Usage alerts could not be written");
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

    /// <summary>
    /// The alerts of this flush: the quota thresholds the hot path saw passed, and the keys whose refusals that
    /// mean a broken integration (<see cref="UsageAlert.RefusalCodes"/>) reached Usage:RefusalAlertPerHour in an
    /// hour (summed in the database, so every node's refusals count). Each is saved alone: another node or an
    /// earlier run that saved it first wins (the unique index), and its e-mail goes once through the outbox.
    /// </summary>
    private async Task AlertAsync(List<(UsageKey Key, KeyGrant Grant, long Calls, long Units)> rows, CancellationToken ct)
    {
        var refusals = rows.Where(r => r.Grant.AuthorizationId is not null && IsRefusal(r.Key.Code))
            .Select(r => (r.Key.KeyId, r.Key.HourTicks, r.Grant)).Distinct().ToList();
        var pending = _alerts.Where(a => !a.Value.Written).ToList();
        if (refusals.Count == 0 && pending.Count == 0) return;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
        var now = time.GetUtcNow();
        foreach (var (key, alert) in pending)
        {
            var periodStart = key.Kind == UsageAlertKind.DailyQuota
                ? ParisTime.StartOfDay(DateOnly.FromDayNumber(key.Period))
                : ParisTime.StartOfDay(new DateOnly(key.Period / 12, (key.Period % 12) + 1, 1));
            await SaveAlertAsync(db, new UsageAlert(key.KeyId, alert.Grant.AuthorizationId!.Value, alert.Grant.OrganizationId!.Value, key.Kind, key.Threshold,
                periodStart, alert.Value, alert.Limit, "", now), ct);
            alert.Written = true;
        }

        var threshold = options.Value.RefusalAlertPerHour;
        var candidates = refusals
            .Where(r => !_alerts.ContainsKey(new AlertKey(r.KeyId, UsageAlertKind.Refusals, 0, (int)(r.HourTicks / TimeSpan.TicksPerHour))))
            .ToList();
        foreach (var hourGroup in candidates.GroupBy(r => r.HourTicks))
        {
            var hour = new DateTimeOffset(hourGroup.Key, TimeSpan.Zero);
            foreach (var batch in hourGroup.Chunk(500))
            {
                var ids = batch.Select(b => b.KeyId).ToList();
                var counts = await db.KeyUsageHours.AsNoTracking()
                    .Where(u => u.Hour == hour && ids.Contains(u.KeyId) && UsageAlert.RefusalCodes.Contains(u.Code))
                    .GroupBy(u => new { u.KeyId, u.Code }).Select(g => new { g.Key.KeyId, g.Key.Code, Calls = g.Sum(u => u.Calls) }).ToListAsync(ct);
                foreach (var (keyId, _, grant) in batch)
                {
                    var own = counts.Where(c => c.KeyId == keyId).ToList();
                    var total = own.Sum(c => c.Calls);
                    if (total < threshold) continue;
                    var detail = string.Join(", ", own.OrderByDescending(c => c.Calls).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => $"{c.Code}={c.Calls}"));
                    _alerts[new AlertKey(keyId, UsageAlertKind.Refusals, 0, (int)(hourGroup.Key / TimeSpan.TicksPerHour))] =
                        new PendingAlert(grant, total, threshold, detail) { Written = true };
                    await SaveAlertAsync(db, new UsageAlert(keyId, grant.AuthorizationId!.Value, grant.OrganizationId!.Value, UsageAlertKind.Refusals, threshold,
                        hour, total, threshold, detail, now), ct);
                }
            }
        }

        // What can no longer be raised again: quota periods and hours that are over.
        var windows = LimitWindows.At(now);
        var currentHour = (int)(now.UtcTicks / TimeSpan.TicksPerHour);
        foreach (var (key, _) in _alerts)
        {
            var over = key.Kind switch
            {
                UsageAlertKind.DailyQuota => key.Period < windows.Day - 1,
                UsageAlertKind.MonthlyQuota => key.Period < windows.Month - 1,
                _ => key.Period < currentHour - 2,
            };
            if (over) _alerts.TryRemove(key, out _);
        }
    }

    private async Task SaveAlertAsync(AdminDbContext db, UsageAlert alert, CancellationToken ct)
    {
        try
        {
            if (await db.UsageAlerts.AnyAsync(a => a.KeyId == alert.KeyId && a.Kind == alert.Kind && a.Threshold == alert.Threshold && a.PeriodStart == alert.PeriodStart, ct))
                return;
            db.UsageAlerts.Add(alert);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another node saved it between our look and our insert: theirs is the one.
            logger.LogDebug(e, "Usage alert of key {KeyId} already saved", alert.KeyId);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static bool IsRefusal(GatewayCode code) => code is GatewayCode.IpNotAllowed or GatewayCode.InsufficientScope or GatewayCode.RateLimited;

    /// <summary>One alert: of a key, kind, threshold (0 for refusals) and period (Paris day number, Paris month index, or UTC hour number).</summary>
    private readonly record struct AlertKey(Guid KeyId, UsageAlertKind Kind, int Threshold, int Period);

    private sealed class PendingAlert(KeyGrant grant, long value, long limit, string detail)
    {
        public KeyGrant Grant { get; } = grant;
        public long Value { get; } = value;
        public long Limit { get; } = limit;
        public string Detail { get; } = detail;
        public bool Written { get; set; }
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
