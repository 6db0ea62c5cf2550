using Admin.Domain.Common;
using Admin.Domain.Usage;

namespace Admin.Domain.Tests.Usage;

public class ExportPeriodTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void Without_dates_the_period_is_the_last_30_days_up_to_today()
    {
        var period = ExportPeriod.Parse(null, " ", Today).Value;

        Assert.Equal((new DateOnly(2026, 11, 2), Today, 30), (period.From, period.To, period.Days));
    }

    [Fact]
    public void A_missing_start_is_30_days_before_the_end_and_a_missing_end_is_today()
    {
        Assert.Equal(new DateOnly(2026, 10, 2), ExportPeriod.Parse(null, "2026-10-31", Today).Value.From);
        Assert.Equal(Today, ExportPeriod.Parse("2026-11-15", null, Today).Value.To);
    }

    [Fact]
    public void Up_to_400_days_pass_and_401_do_not()
    {
        Assert.Equal(400, ExportPeriod.Parse("2025-10-28", "2026-12-01", Today).Value.Days);

        var tooLong = ExportPeriod.Parse("2025-10-27", "2026-12-01", Today);
        Assert.Equal(("usage_export.too_long", "du"), (Assert.Single(tooLong.Errors).Code, tooLong.Errors[0].Field));
    }

    [Theory]
    [InlineData("2026-02-30", null, "usage_export.from_invalid", "du")]
    [InlineData("01/11/2026", null, "usage_export.from_invalid", "du")]
    [InlineData(null, "2026-1-5", "usage_export.to_invalid", "au")]
    [InlineData("2026-11-10", "2026-11-09", "usage_export.from_after_to", "du")]
    public void A_malformed_or_reversed_period_is_an_error_on_its_field(string? from, string? to, string code, string field)
    {
        var refused = ExportPeriod.Parse(from, to, Today);

        Assert.Equal(ErrorKind.Validation, refused.FailureKind);
        Assert.Equal((code, field), (Assert.Single(refused.Errors).Code, refused.Errors[0].Field));
    }

    [Fact]
    public void Both_dates_malformed_give_both_errors()
    {
        Assert.Equal(["du", "au"], ExportPeriod.Parse("hier", "demain", Today).Errors.Select(e => e.Field));
    }
}
