using System.Globalization;
using Admin.Domain.Gateways;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Admin.Infrastructure.Gateway;

/// <summary>
/// The counters every node shares (Gateway:Counters = Redis): one Lua script per decision checks the
/// rate window, the Paris day and the Paris month of the key and counts an admitted call in all three,
/// atomically in Redis, so a limit is exact across nodes. When Redis cannot be reached the node keeps
/// deciding with its own counters (<see cref="MemoryKeyCounters"/>) and reports itself degraded; it
/// returns to the shared counters as soon as the connection is back.
/// </summary>
public sealed class RedisKeyCounters(IConnectionMultiplexer redis, MemoryKeyCounters local, ILogger<RedisKeyCounters> logger) : IKeyCounters
{
    private const string Script = """
        local r = tonumber(redis.call('GET', KEYS[1]) or '0')
        local d = tonumber(redis.call('GET', KEYS[2]) or '0')
        local m = tonumber(redis.call('GET', KEYS[3]) or '0')
        local cost = tonumber(ARGV[4])
        local units = math.max(cost, 1)
        local verdict = 0
        if r + units > tonumber(ARGV[1]) then verdict = 1
        elseif tonumber(ARGV[2]) >= 0 and d + units > tonumber(ARGV[2]) then verdict = 2
        elseif tonumber(ARGV[3]) >= 0 and m + units > tonumber(ARGV[3]) then verdict = 3 end
        if verdict == 0 and ARGV[5] == '1' and cost > 0 then
          redis.call('INCRBY', KEYS[1], cost) redis.call('EXPIRE', KEYS[1], ARGV[6])
          redis.call('INCRBY', KEYS[2], cost) redis.call('EXPIRE', KEYS[2], ARGV[7])
          redis.call('INCRBY', KEYS[3], cost) redis.call('EXPIRE', KEYS[3], ARGV[8])
        end
        return {verdict, r, d, m}
        """;

    private int _failing;

    /// <summary>Whether decisions are counted in Redis right now (false: local counters, degraded).</summary>
    public bool IsShared => redis.IsConnected && Volatile.Read(ref _failing) == 0;

    public async ValueTask<CounterReading> EvaluateAsync(Guid keyId, KeyLimits limits, int cost, bool commit, LimitWindows windows)
    {
        if (!redis.IsConnected) return local.Evaluate(keyId, limits, cost, commit, windows);
        try
        {
            var (rate, day, month) = Keys(keyId, windows);
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, [rate, day, month],
            [
                limits.RatePerSecond, limits.DailyQuota ?? -1, limits.MonthlyQuota ?? -1, cost, commit ? "1" : "0",
                windows.RateResetSeconds + 2, windows.DayResetSeconds + 3600, windows.MonthResetSeconds + 3600,
            ]))!;
            Recovered();
            return new CounterReading((LimitVerdict)(int)result[0], (long)result[1], (long)result[2], (long)result[3]);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Failed(e);
            return local.Evaluate(keyId, limits, cost, commit, windows);
        }
    }

    public async ValueTask<CounterReading> PeekAsync(Guid keyId, LimitWindows windows)
    {
        if (!redis.IsConnected) return await local.PeekAsync(keyId, windows);
        try
        {
            var (rate, day, month) = Keys(keyId, windows);
            var values = await redis.GetDatabase().StringGetAsync([rate, day, month]);
            Recovered();
            return new CounterReading(LimitVerdict.Admitted, Number(values[0]), Number(values[1]), Number(values[2]));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Failed(e);
            return await local.PeekAsync(keyId, windows);
        }
    }

    private static long Number(RedisValue value) => value.IsNull ? 0 : (long)value;

    /// <summary>One hash tag per key, so its three counters live on one Redis node (cluster-safe script).</summary>
    private static (RedisKey Rate, RedisKey Day, RedisKey Month) Keys(Guid keyId, LimitWindows windows)
    {
        var tag = "apip:{" + keyId.ToString("N") + "}:";
        return (tag + "r:" + windows.Second.ToString(CultureInfo.InvariantCulture), tag + "d:" + windows.Day.ToString(CultureInfo.InvariantCulture),
            tag + "m:" + windows.Month.ToString(CultureInfo.InvariantCulture));
    }

    private void Failed(Exception e)
    {
        if (Interlocked.Exchange(ref _failing, 1) == 0) logger.LogWarning(e, "Redis unreachable: deciding with this node's counters");
    }

    private void Recovered()
    {
        if (Volatile.Read(ref _failing) == 1 && Interlocked.Exchange(ref _failing, 0) == 1) logger.LogInformation("Redis reachable again: shared counters");
    }
}
