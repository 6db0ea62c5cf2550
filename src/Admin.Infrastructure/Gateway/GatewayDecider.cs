using System.Net;
using Admin.Domain.ApiKeys;
using Admin.Domain.Gateways;

namespace Admin.Infrastructure.Gateway;

/// <summary>
/// A question from an authenticated gateway, already parsed by an adapter: the key, the environment of
/// the asking credential, and either the scopes required (JSON API) or the original path (forward-auth).
/// </summary>
public readonly record struct GatewayAsk(
    ApiKeyEnvironment Environment,
    string Key,
    bool ForwardAuth,
    string? Path,
    string? Method,
    IReadOnlyList<string>? Scopes,
    IPAddress? Client,
    int Cost);

/// <summary>The answer: the code, and for a known key its snapshot, its limits and Retry-After.</summary>
public sealed record GatewayDecision(GatewayCode Code, KeySnapshot? Key, RouteRule? Route, IReadOnlyList<LimitState> Limits, int? RetryAfterSeconds)
{
    public bool IsValid => Code == GatewayCode.Valid;
}

/// <summary>
/// The one decision function behind both gateway endpoints (steps 4 to 11 of the contract's order;
/// the adapters did 1 to 3): look the key up in its environment (from memory once warm), check its
/// state, route, scopes and client address (<see cref="GatewayRules"/>), then the rate window and
/// quotas in one atomic step that counts only an admitted call; and record the outcome for usage.
/// </summary>
public sealed class GatewayDecider(KeyDirectory keys, RouteTableProvider routes, IKeyCounters counters, UsageRecorder usage, TimeProvider time)
{
    private static readonly LimitState[] NoLimits = [];

    public async ValueTask<GatewayDecision> DecideAsync(GatewayAsk ask, CancellationToken ct)
    {
        var key = await keys.FindAsync(ask.Key, ask.Environment, ct);
        if (key is null) return new GatewayDecision(GatewayCode.NotFound, null, null, NoLimits, null);

        var now = time.GetUtcNow();
        var windows = LimitWindows.At(now);
        var route = ask.ForwardAuth && ask.Path is { } path ? (await routes.GetAsync(ct)).Find(path) : null;
        var limits = key.Grant.Limits;

        GatewayDecision decision;
        if (GatewayRules.Check(key, now, ask.ForwardAuth, route, ask.Scopes, ask.Client) is { } refusal)
        {
            var reading = await counters.PeekAsync(key.KeyId, windows);
            decision = new GatewayDecision(refusal, key, route, GatewayRules.Report(limits, reading, windows, ask.Cost, counted: false), null);
        }
        else
        {
            var commit = ask.Cost > 0;
            var reading = await counters.EvaluateAsync(key.KeyId, limits, ask.Cost, commit, windows);
            var admitted = reading.Verdict == LimitVerdict.Admitted;
            decision = new GatewayDecision(GatewayRules.CodeOf(reading.Verdict), key, route,
                GatewayRules.Report(limits, reading, windows, ask.Cost, counted: admitted), GatewayRules.RetryAfter(reading.Verdict, windows));
            if (commit && (limits.DailyQuota is not null || limits.MonthlyQuota is not null)) WatchQuotas(key, limits, reading, ask.Cost, windows);
        }

        if (ask.Cost > 0) usage.Record(key, decision, ask, now);
        return decision;
    }

    /// <summary>
    /// The call that passes 80 % or 100 % of a quota (the counters are atomic, so exactly one call does, on
    /// whichever node) hands an alert to the recorder; a refusal by a quota stands for 100 %. A few comparisons.
    /// </summary>
    private void WatchQuotas(KeySnapshot key, KeyLimits limits, CounterReading reading, int cost, LimitWindows windows)
    {
        var units = reading.Verdict == LimitVerdict.Admitted ? cost : 0;
        if (limits.DailyQuota is { } daily
            && Admin.Domain.Usage.QuotaAlerts.Crossed(daily, reading.DayUsed, reading.DayUsed + units, reading.Verdict == LimitVerdict.DailyExceeded) is var day and not 0)
        {
            usage.RecordQuotaAlert(key, Admin.Domain.Usage.UsageAlertKind.DailyQuota, day, windows.Day, reading.DayUsed + units, daily);
        }

        if (limits.MonthlyQuota is { } monthly
            && Admin.Domain.Usage.QuotaAlerts.Crossed(monthly, reading.MonthUsed, reading.MonthUsed + units, reading.Verdict == LimitVerdict.MonthlyExceeded) is var month and not 0)
        {
            usage.RecordQuotaAlert(key, Admin.Domain.Usage.UsageAlertKind.MonthlyQuota, month, windows.Month, reading.MonthUsed + units, monthly);
        }
    }
}
