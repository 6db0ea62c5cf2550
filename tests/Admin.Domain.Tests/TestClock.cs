namespace Admin.Domain.Tests;

/// <summary>A fixed "now" for tests: entities receive time, they never read a clock.</summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
}
