namespace Admin.Domain.Common;

/// <summary>
/// Metropolitan French time, for every rule where a day matters ("today", an expiry date, a daily
/// quota). Fails fast when the machine lacks the Europe/Paris zone instead of silently using UTC,
/// which is wrong for an hour or two every night.
/// </summary>
public static class ParisTime
{
    public const string ZoneId = "Europe/Paris";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById(ZoneId, out var zone)
        ? zone
        : throw new InvalidOperationException($"The {ZoneId} time zone is missing on this machine (install the tzdata package).");

    public static DateTimeOffset ToParis(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary>The date in Paris at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToParis(now).DateTime);

    /// <summary>The instant the day starts in Paris (midnight is never skipped by a clock change in France).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The instant the day ends in Paris: the start of the next one.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => StartOfDay(day.AddDays(1));
}
