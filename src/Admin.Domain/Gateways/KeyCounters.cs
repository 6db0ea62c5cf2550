namespace Admin.Domain.Gateways;

/// <summary>What a key's counters say about a call: admitted, or which limit refuses it.</summary>
public enum LimitVerdict
{
    Admitted = 0,
    RateLimited = 1,
    DailyExceeded = 2,
    MonthlyExceeded = 3,
}

/// <summary>
/// The verdict of the counters and what each had used before the call (in the windows asked about).
/// A refused call, a dry run and a peek leave the counters as they were.
/// </summary>
public readonly record struct CounterReading(LimitVerdict Verdict, long RateUsed, long DayUsed, long MonthUsed);

/// <summary>
/// A key's rate window and quotas, checked in the contract's order (rate, daily, monthly) and
/// consumed together, atomically: either all three count the call or none does. In memory on one
/// node, or shared by every node through Redis.
/// </summary>
public interface IKeyCounters
{
    /// <summary>
    /// Checks a call of <paramref name="cost"/> units (at least 1 is checked: a cost of 0 is a dry run)
    /// and, when <paramref name="commit"/> and admitted, counts it.
    /// </summary>
    ValueTask<CounterReading> EvaluateAsync(Guid keyId, KeyLimits limits, int cost, bool commit, LimitWindows windows);

    /// <summary>What the key has used in <paramref name="windows"/>, without checking nor counting anything.</summary>
    ValueTask<CounterReading> PeekAsync(Guid keyId, LimitWindows windows);
}

/// <summary>
/// The counting rule itself, shared by every implementation: given what was used, is a call of
/// <paramref name="cost"/> within the limits?
/// </summary>
public static class LimitRule
{
    public static LimitVerdict Check(KeyLimits limits, long rateUsed, long dayUsed, long monthUsed, int cost)
    {
        var units = Math.Max(cost, 1);
        if (rateUsed + units > limits.RatePerSecond) return LimitVerdict.RateLimited;
        if (limits.DailyQuota is { } daily && dayUsed + units > daily) return LimitVerdict.DailyExceeded;
        if (limits.MonthlyQuota is { } monthly && monthUsed + units > monthly) return LimitVerdict.MonthlyExceeded;
        return LimitVerdict.Admitted;
    }
}
