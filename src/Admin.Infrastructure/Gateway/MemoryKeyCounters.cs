using System.Collections.Concurrent;
using Admin.Domain.Gateways;

namespace Admin.Infrastructure.Gateway;

/// <summary>
/// The counters of one node (Gateway:Counters = Memory): per key, the current rate window, Paris day
/// and Paris month, under one lock per key, so a check and its count are one step and a limit of N
/// admits exactly N under any concurrency.
/// </summary>
public sealed class MemoryKeyCounters : IKeyCounters
{
    private readonly ConcurrentDictionary<Guid, State> _states = new();

    public ValueTask<CounterReading> EvaluateAsync(Guid keyId, KeyLimits limits, int cost, bool commit, LimitWindows windows) =>
        ValueTask.FromResult(Evaluate(keyId, limits, cost, commit, windows));

    public ValueTask<CounterReading> PeekAsync(Guid keyId, LimitWindows windows)
    {
        if (!_states.TryGetValue(keyId, out var state)) return ValueTask.FromResult(new CounterReading(LimitVerdict.Admitted, 0, 0, 0));
        lock (state)
        {
            state.Roll(windows);
            return ValueTask.FromResult(new CounterReading(LimitVerdict.Admitted, state.RateUsed, state.DayUsed, state.MonthUsed));
        }
    }

    public CounterReading Evaluate(Guid keyId, KeyLimits limits, int cost, bool commit, LimitWindows windows)
    {
        var state = _states.GetOrAdd(keyId, static _ => new State());
        lock (state)
        {
            state.Roll(windows);
            var reading = new CounterReading(LimitRule.Check(limits, state.RateUsed, state.DayUsed, state.MonthUsed, cost),
                state.RateUsed, state.DayUsed, state.MonthUsed);
            if (commit && cost > 0 && reading.Verdict == LimitVerdict.Admitted)
            {
                state.RateUsed += cost;
                state.DayUsed += cost;
                state.MonthUsed += cost;
            }

            return reading;
        }
    }

    /// <summary>Starts a key's day and month at what was already used (from another node, or before a restart).</summary>
    public void Seed(Guid keyId, LimitWindows windows, long dayUsed, long monthUsed)
    {
        var state = _states.GetOrAdd(keyId, static _ => new State());
        lock (state)
        {
            state.Roll(windows);
            state.DayUsed = Math.Max(state.DayUsed, dayUsed);
            state.MonthUsed = Math.Max(state.MonthUsed, monthUsed);
        }
    }

    private sealed class State
    {
        public long Second = long.MinValue;
        public int Day = int.MinValue;
        public int Month = int.MinValue;
        public long RateUsed;
        public long DayUsed;
        public long MonthUsed;

        public void Roll(LimitWindows windows)
        {
            if (windows.Second != Second) { Second = windows.Second; RateUsed = 0; }
            if (windows.Day != Day) { Day = windows.Day; DayUsed = 0; }
            if (windows.Month != Month) { Month = windows.Month; MonthUsed = 0; }
        }
    }
}
