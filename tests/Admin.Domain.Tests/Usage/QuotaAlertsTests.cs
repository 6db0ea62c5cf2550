using Admin.Domain.Usage;

namespace Admin.Domain.Tests.Usage;

public sealed class QuotaAlertsTests
{
    [Theory]
    [InlineData(10, 80, 8)]
    [InlineData(9, 80, 8)]
    [InlineData(1, 80, 1)]
    [InlineData(1000, 80, 800)]
    [InlineData(1001, 80, 801)]
    [InlineData(10, 100, 10)]
    public void A_threshold_is_reached_at_its_share_of_the_quota_rounded_up(long quota, int percent, long units) =>
        Assert.Equal(units, QuotaAlerts.UnitsAt(quota, percent));

    [Theory]
    [InlineData(10, 6, 7, false, new int[0])]
    [InlineData(10, 7, 8, false, new[] { 80 })]
    [InlineData(10, 8, 9, false, new int[0])]
    [InlineData(10, 9, 10, false, new[] { 100 })]
    [InlineData(10, 7, 10, false, new[] { 80, 100 })]
    [InlineData(10, 10, 10, false, new int[0])]
    [InlineData(10, 9, 9, true, new[] { 100 })]
    [InlineData(10, 5, 5, true, new[] { 100 })]
    [InlineData(0, 0, 1, false, new int[0])]
    public void A_call_passes_the_thresholds_between_the_consumption_before_and_after_it_and_a_refusal_by_the_quota_stands_for_100(
        long quota, long before, long after, bool refused, int[] thresholds) =>
        Assert.Equal(thresholds, QuotaAlerts.Thresholds(QuotaAlerts.Crossed(quota, before, after, refused)));

    [Fact]
    public void The_admitted_calls_that_use_a_quota_up_raise_each_threshold_exactly_once()
    {
        const long quota = 37;
        var raised = new List<int>();
        for (long used = 0; used < quota; used++)
        {
            raised.AddRange(QuotaAlerts.Thresholds(QuotaAlerts.Crossed(quota, used, used + 1, refusedByQuota: false)));
        }

        Assert.Equal([80, 100], raised);
    }

    [Fact]
    public void An_alert_says_in_French_what_was_consumed_and_is_raised_as_an_event()
    {
        var alert = new UsageAlert(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), UsageAlertKind.MonthlyQuota, 80, DateTimeOffset.UnixEpoch, 8000, 10000, "",
            DateTimeOffset.UnixEpoch);

        Assert.Equal("80 % du quota mensuel sont consommés : 8\u202F000 unités sur 10\u202F000.", alert.Message);
        var raised = Assert.IsType<UsageAlertRaised>(Assert.Single(alert.DomainEvents));
        Assert.Equal((UsageAlertKind.MonthlyQuota, 80, 8000L), (raised.Kind, raised.Threshold, raised.Value));
        Assert.StartsWith("Le quota journalier est atteint", UsageAlert.Describe(UsageAlertKind.DailyQuota, 100, 10, 10), StringComparison.Ordinal);
        Assert.Contains("appels refusés en une heure", UsageAlert.Describe(UsageAlertKind.Refusals, 100, 150, 100), StringComparison.Ordinal);
    }
}
