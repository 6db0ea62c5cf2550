using Admin.Domain.Gateways;

namespace Admin.Domain.Tests.Gateways;

public sealed class LimitWindowsTests
{
    [Fact]
    public void The_rate_window_is_the_whole_utc_second_and_resets_within_one_second()
    {
        var start = new DateTimeOffset(2026, 3, 10, 12, 0, 5, TimeSpan.Zero);
        var a = LimitWindows.At(start);
        var b = LimitWindows.At(start.AddMilliseconds(999.9));
        var c = LimitWindows.At(start.AddSeconds(1));

        Assert.Equal(a.Second, b.Second);
        Assert.Equal(a.Second + 1, c.Second);
        Assert.Equal(start.ToUnixTimeSeconds(), a.Second);
        Assert.Equal(1, a.RateResetSeconds);
        Assert.Equal(1, b.RateResetSeconds);
    }

    [Fact]
    public void A_day_resets_at_midnight_in_paris_not_in_utc()
    {
        // 22:30 UTC on 10 March is 23:30 in Paris (UTC+1): 30 minutes to go.
        var evening = LimitWindows.At(new DateTimeOffset(2026, 3, 10, 22, 30, 0, TimeSpan.Zero));
        var afterParisMidnight = LimitWindows.At(new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero));

        Assert.Equal(1800, evening.DayResetSeconds);
        Assert.Equal(evening.Day + 1, afterParisMidnight.Day);
        Assert.Equal(86400, afterParisMidnight.DayResetSeconds);
    }

    [Fact]
    public void The_day_of_a_clock_change_is_23_or_25_hours_long()
    {
        // 29 March 2026: Paris moves from UTC+1 to UTC+2; the day starts at 23:00 UTC the day before.
        var spring = LimitWindows.At(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero));
        // 25 October 2026: back to UTC+1; the day starts at 22:00 UTC the day before.
        var autumn = LimitWindows.At(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero));

        Assert.Equal(23 * 3600, spring.DayResetSeconds);
        Assert.Equal(25 * 3600, autumn.DayResetSeconds);
    }

    [Fact]
    public void A_month_resets_on_the_first_at_midnight_in_paris_and_seconds_round_up()
    {
        // 31 January 2026 22:59:59.5 UTC = 23:59:59.5 in Paris: half a second to go, counted as one.
        var last = LimitWindows.At(new DateTimeOffset(2026, 1, 31, 22, 59, 59, 500, TimeSpan.Zero));
        var first = LimitWindows.At(new DateTimeOffset(2026, 1, 31, 23, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, last.MonthResetSeconds);
        Assert.Equal(1, last.DayResetSeconds);
        Assert.Equal(last.Month + 1, first.Month);
        Assert.Equal(28 * 86400, first.MonthResetSeconds);
    }

    [Fact]
    public void December_rolls_over_to_the_next_year()
    {
        var december = LimitWindows.At(new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero));
        var january = LimitWindows.At(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(december.Month + 1, january.Month);
        Assert.Equal(((12 * 3600) - 3600), december.MonthResetSeconds);
    }
}

public sealed class LimitRuleTests
{
    private static readonly KeyLimits Limits = new(5, 100, 1000);

    [Theory]
    [InlineData(0, 0, 0, 1, LimitVerdict.Admitted)]
    [InlineData(4, 0, 0, 1, LimitVerdict.Admitted)]
    [InlineData(5, 0, 0, 1, LimitVerdict.RateLimited)]
    [InlineData(3, 0, 0, 2, LimitVerdict.Admitted)]
    [InlineData(4, 0, 0, 2, LimitVerdict.RateLimited)]
    [InlineData(5, 0, 0, 0, LimitVerdict.RateLimited)]
    [InlineData(4, 0, 0, 0, LimitVerdict.Admitted)]
    [InlineData(0, 99, 0, 1, LimitVerdict.Admitted)]
    [InlineData(0, 100, 0, 1, LimitVerdict.DailyExceeded)]
    [InlineData(0, 99, 0, 2, LimitVerdict.DailyExceeded)]
    [InlineData(0, 0, 999, 1, LimitVerdict.Admitted)]
    [InlineData(0, 0, 1000, 1, LimitVerdict.MonthlyExceeded)]
    [InlineData(5, 100, 1000, 1, LimitVerdict.RateLimited)]
    [InlineData(0, 100, 1000, 1, LimitVerdict.DailyExceeded)]
    public void Rate_then_daily_then_monthly_with_a_dry_run_checked_as_one_unit(long rate, long day, long month, int cost, LimitVerdict expected) =>
        Assert.Equal(expected, LimitRule.Check(Limits, rate, day, month, cost));

    [Fact]
    public void Without_quotas_only_the_rate_counts() =>
        Assert.Equal(LimitVerdict.Admitted, LimitRule.Check(new KeyLimits(5, null, null), 0, long.MaxValue / 2, long.MaxValue / 2, 1));
}
