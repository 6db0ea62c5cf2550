using System.Net;

namespace Admin.Domain.Gateways;

/// <summary>One limit as the contract reports it (the body's <c>limits</c>, the RateLimit fields).</summary>
public readonly record struct LimitState(string Name, long Limit, int WindowSeconds, long Remaining, int ResetSeconds);

/// <summary>
/// The checks of the gateway contract that need nothing but the key's snapshot (steps 5 to 8 of its
/// order: state, route, scopes, client address), and the report of limits once the counters have
/// spoken. Pure: no clock, no I/O; the caller gives the instant and the counters' reading.
/// </summary>
public static class GatewayRules
{
    public const int DayWindowSeconds = 86400;
    public const int MonthWindowSeconds = 2592000;

    /// <summary>
    /// The first check among state, route, scopes and client address that refuses the call, or null.
    /// <paramref name="forwardAuth"/>: the route is checked (and not <paramref name="requiredScopes"/>).
    /// </summary>
    public static GatewayCode? Check(KeySnapshot key, DateTimeOffset now, bool forwardAuth, RouteRule? route,
        IReadOnlyList<string>? requiredScopes, IPAddress? client)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.StateRefusal(now) is { } state) return state;
        if (forwardAuth)
        {
            if (route is null || route.IsRetired) return GatewayCode.RouteNotFound;
            if (!route.AdmitsScopes(key.Grant.ScopeSet)) return GatewayCode.InsufficientScope;
        }
        else if (requiredScopes is not null)
        {
            foreach (var scope in requiredScopes)
            {
                if (!key.Grant.ScopeSet.Contains(scope)) return GatewayCode.InsufficientScope;
            }
        }

        if (!key.AllowList.Allows(client)) return GatewayCode.IpNotAllowed;
        return null;
    }

    /// <summary>The code the counters' verdict gives.</summary>
    public static GatewayCode CodeOf(LimitVerdict verdict) => verdict switch
    {
        LimitVerdict.Admitted => GatewayCode.Valid,
        LimitVerdict.RateLimited => GatewayCode.RateLimited,
        _ => GatewayCode.QuotaExceeded,
    };

    /// <summary>
    /// The limits after the call: what remains counts the call when it was admitted (a dry run counts
    /// as the cost-1 call it stands for), and nothing when it was refused or not checked.
    /// </summary>
    public static LimitState[] Report(KeyLimits limits, CounterReading reading, LimitWindows windows, int cost, bool counted)
    {
        var units = counted ? Math.Max(cost, 1) : 0;
        var count = 1 + (limits.DailyQuota is null ? 0 : 1) + (limits.MonthlyQuota is null ? 0 : 1);
        var states = new LimitState[count];
        states[0] = new LimitState("rate", limits.RatePerSecond, 1, Remaining(limits.RatePerSecond, reading.RateUsed, units), windows.RateResetSeconds);
        var i = 1;
        if (limits.DailyQuota is { } daily)
        {
            states[i++] = new LimitState("daily", daily, DayWindowSeconds, Remaining(daily, reading.DayUsed, units), windows.DayResetSeconds);
        }

        if (limits.MonthlyQuota is { } monthly)
        {
            states[i] = new LimitState("monthly", monthly, MonthWindowSeconds, Remaining(monthly, reading.MonthUsed, units), windows.MonthResetSeconds);
        }

        return states;
    }

    /// <summary>Retry-After for a refusal by the counters: the end of the period that refused, in seconds rounded up.</summary>
    public static int? RetryAfter(LimitVerdict verdict, LimitWindows windows) => verdict switch
    {
        LimitVerdict.RateLimited => windows.RateResetSeconds,
        LimitVerdict.DailyExceeded => windows.DayResetSeconds,
        LimitVerdict.MonthlyExceeded => windows.MonthResetSeconds,
        _ => null,
    };

    private static long Remaining(long limit, long used, int units) => Math.Max(0, limit - used - units);
}
