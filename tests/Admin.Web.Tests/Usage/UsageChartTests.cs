using Admin.Web.Features.Usage;

namespace Admin.Web.Tests.Usage;

public sealed class UsageChartTests
{
    [Theory]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(7, 8)]
    [InlineData(10, 12)]
    [InlineData(39, 40)]
    [InlineData(41, 80)]
    [InlineData(950, 1000)]
    [InlineData(1_000_001, 2_000_000)]
    public void The_axis_ends_on_a_round_number_at_or_above_the_highest_bar(long max, long scale) =>
        Assert.Equal(scale, UsageChart.NiceMax(max));

    [Fact]
    public void Bars_stack_their_outcomes_from_the_axis_up_in_proportion()
    {
        var periods = new[]
        {
            new PartnerUsage.Period("lundi", "L", new Dictionary<string, long> { ["VALID"] = 30, ["RATE_LIMITED"] = 10 }),
            new PartnerUsage.Period("mardi", "M", new Dictionary<string, long>()),
        };

        var chart = new UsageChart("c", "Appels", periods, ["VALID", "RATE_LIMITED"], labelEvery: 1);

        Assert.Equal(40, chart.Scale);
        var bar = chart.Bars[0];
        var plot = UsageChart.Height - UsageChart.Top - UsageChart.Bottom;
        Assert.Equal(plot * 30 / 40.0, bar.Segments[0].Height, 6);
        Assert.Equal(UsageChart.Height - UsageChart.Bottom - bar.Segments[0].Height, bar.Segments[0].Y, 6);
        Assert.Equal(bar.Segments[0].Y - bar.Segments[1].Height, bar.Segments[1].Y, 6);
        Assert.Equal(UsageChart.Top, bar.Segments[1].Y, 6);
        Assert.Empty(chart.Bars[1].Segments);
        Assert.Equal(["0", "10", "20", "30", "40"], chart.Ticks.Select(t => t.Label));
        Assert.StartsWith("40 appels sur la période, dont 30 admis", chart.Summary, StringComparison.Ordinal);
    }
}
