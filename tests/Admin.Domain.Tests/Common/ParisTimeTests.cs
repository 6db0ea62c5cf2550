using Admin.Domain.Common;

namespace Admin.Domain.Tests.Common;

public class ParisTimeTests
{
    [Theory]
    [InlineData("2025-06-02T21:59:59Z", "2025-06-02")] // summer, UTC+2
    [InlineData("2025-06-02T22:00:00Z", "2025-06-03")]
    [InlineData("2025-12-31T22:59:59Z", "2025-12-31")] // winter, UTC+1
    [InlineData("2025-12-31T23:00:00Z", "2026-01-01")]
    public void Today_is_the_date_in_paris(string utc, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ParisTime.Today(DateTimeOffset.Parse(utc)));
    }

    [Fact]
    public void A_day_of_a_clock_change_lasts_23_or_25_hours()
    {
        var spring = new DateOnly(2026, 3, 29);
        var autumn = new DateOnly(2026, 10, 25);

        Assert.Equal(TimeSpan.FromHours(23), ParisTime.EndOfDay(spring) - ParisTime.StartOfDay(spring));
        Assert.Equal(TimeSpan.FromHours(25), ParisTime.EndOfDay(autumn) - ParisTime.StartOfDay(autumn));
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), ParisTime.StartOfDay(spring));
    }
}
