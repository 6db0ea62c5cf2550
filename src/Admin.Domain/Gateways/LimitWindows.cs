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

        var paris = ParisTime.ToParis(now);
        var today = DateOnly.FromDateTime(paris.DateTime);
        var endOfDay = ParisTime.EndOfDay(today);
        var firstOfNextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var endOfMonth = ParisTime.StartOfDay(firstOfNextMonth);

        return new LimitWindows(
            second,
            today.DayNumber,
            (today.Year * 12) + today.Month - 1,
            CeilingSeconds(TimeSpan.TicksPerSecond - withinSecond),
            CeilingSeconds((endOfDay - now).Ticks),
            CeilingSeconds((endOfMonth - now).Ticks));
    }

    private static int CeilingSeconds(long ticks) => (int)((ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);
}
