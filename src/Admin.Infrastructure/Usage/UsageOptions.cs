namespace Admin.Infrastructure.Usage;

/// <summary>The "Usage" section: how long hourly usage is kept, and when refusals raise an alert.</summary>
public sealed class UsageOptions
{
    public const string Section = "Usage";

    /// <summary>Hourly rows older than this many months are rolled up into daily rows and purged (the daily rows stay).</summary>
    public int RetentionMonths { get; set; } = 13;

    /// <summary>Refusals of one key in one hour (IP_NOT_ALLOWED, INSUFFICIENT_SCOPE, RATE_LIMITED) that raise an alert.</summary>
    public int RefusalAlertPerHour { get; set; } = 100;
}
