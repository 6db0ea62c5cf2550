using Admin.Domain.Common;

namespace Admin.Domain.Gateways;

/// <summary>
/// The periods a key's limits count in, at one instant: the one-second rate window aligned on whole
/// UTC seconds, and the calendar day and month in Europe/Paris (a day resets at midnight in Paris, a
/// month on the 1st), with the seconds left in each, rounded up, as resetSeconds and Retry-After say.
/// </summary>
public readonly record struct LimitWindows(long Second, int Day, int Month, int RateResetSeconds, int DayResetSeconds, int MonthResetSeconds)
{
    public static LimitWindows At(DateTimeOffset now)
    {
        var utcTicks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var second = Math.DivRem(utcTicks, TimeSpan.TicksPerSecond, out var withinSecond);
        if (withinSecond < 0) { second--; withinSecond += TimeSpan.TicksPerSecond; }

        // The Paris day of this instant, computed once per day (time-zone conversions are the costly part).
        var day = _day;
        if (day is null || now.UtcTicks < day.StartTicks || now.UtcTicks >= day.EndTicks) _day = day = ParisDay.Of(now);

        return new LimitWindows(
            second,
            day.DayNumber,
            day.Month,
            CeilingSeconds(TimeSpan.TicksPerSecond - withinSecond),
            CeilingSeconds(day.EndTicks - now.UtcTicks),
            CeilingSeconds(day.EndOfMonthTicks - now.UtcTicks));
    }

    private static ParisDay? _day;

    /// <summary>One Paris calendar day: its bounds and its month's end, in UTC ticks.</summary>
    private sealed record ParisDay(long StartTicks, long EndTicks, long EndOfMonthTicks, int DayNumber, int Month)
    {
        public static ParisDay Of(DateTimeOffset now)
        {
            var today = DateOnly.FromDateTime(ParisTime.ToParis(now).DateTime);
            var firstOfNextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
            return new ParisDay(ParisTime.StartOfDay(today).UtcTicks, ParisTime.EndOfDay(today).UtcTicks, ParisTime.StartOfDay(firstOfNextMonth).UtcTicks,
                today.DayNumber, (today.Year * 12) + today.Month - 1);
        }
    }

    private static int CeilingSeconds(long ticks) => (int)((ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);
}
