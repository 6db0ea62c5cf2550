using Admin.Domain.AccessRequests;

namespace Admin.Domain.Tests.AccessRequests;

public class ReviewStatisticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset YearAgo = Now.AddYears(-1);

    private static CycleFacts Cycle(Guid request, int number, double submittedDaysAgo, double? firstActionDaysAgo, double? endedDaysAgo, SubmissionOutcome? outcome) =>
        new(request, number, Now.AddDays(-submittedDaysAgo), firstActionDaysAgo is { } f ? Now.AddDays(-f) : null,
            endedDaysAgo is { } e ? Now.AddDays(-e) : null, outcome);

    [Fact]
    public void A_resubmission_is_its_own_cycle_so_no_time_to_first_review_is_negative()
    {
        var request = Guid.NewGuid();
        // Submitted 30 days ago, sent back 25 days ago, resubmitted 10 days ago, approved 7 days ago.
        var figures = ReviewStatistics.Compute(
        [
            Cycle(request, 1, 30, 25, 25, SubmissionOutcome.ChangesRequested),
            Cycle(request, 2, 10, 7, 7, SubmissionOutcome.Approved),
        ], YearAgo, Now);

        Assert.Equal(2, figures.TimeToFirstReview.Count);
        Assert.Equal((TimeSpan.FromDays(3), TimeSpan.FromDays(5)), (figures.TimeToFirstReview.Median, figures.TimeToFirstReview.P80));
        // From the first submission to the decision, across the round trip.
        Assert.Equal(TimeSpan.FromDays(23), figures.TimeToDecision.Median);
        Assert.Equal((2, 1, 0.5), (figures.Reviewed, figures.SentBack, figures.SentBackShare));
    }

    [Fact]
    public void After_a_decision_the_next_update_starts_a_new_time_to_decision()
    {
        var request = Guid.NewGuid();
        var figures = ReviewStatistics.Compute(
        [
            Cycle(request, 1, 200, 190, 190, SubmissionOutcome.Approved),
            Cycle(request, 2, 20, 18, 15, SubmissionOutcome.Refused),
        ], YearAgo, Now);

        Assert.Equal([TimeSpan.FromDays(10), TimeSpan.FromDays(5)], new[] { figures.TimeToDecision.P80!.Value, figures.TimeToDecision.Median!.Value });
        Assert.Equal(2, figures.TimeToDecision.Count);
    }

    [Fact]
    public void Median_and_80th_percentile_take_values_that_occurred_by_nearest_rank()
    {
        var spread = ReviewStatistics.SpreadOf([.. Enumerable.Range(1, 10).Select(d => TimeSpan.FromDays(d))]);

        Assert.Equal((TimeSpan.FromDays(5), TimeSpan.FromDays(8), 10), (spread.Median!.Value, spread.P80!.Value, spread.Count));
        Assert.Equal(new Spread(null, null, 0), ReviewStatistics.SpreadOf([]));
        Assert.Equal(TimeSpan.FromDays(7), ReviewStatistics.SpreadOf([TimeSpan.FromDays(7)]).P80);
    }

    [Fact]
    public void Cycles_handled_before_the_period_do_not_count()
    {
        var figures = ReviewStatistics.Compute([Cycle(Guid.NewGuid(), 1, 400, 380, 380, SubmissionOutcome.Refused)], YearAgo, Now);

        Assert.Equal((0, 0, 0, (double?)null), (figures.TimeToFirstReview.Count, figures.TimeToDecision.Count, figures.Reviewed, figures.SentBackShare));
    }

    [Fact]
    public void The_backlog_counts_at_each_month_end_the_submissions_not_yet_ended()
    {
        var figures = ReviewStatistics.Compute(
        [
            // Submitted mid-April, ended mid-May: waiting at the end of April only.
            new CycleFacts(Guid.NewGuid(), 1, new(2026, 4, 15, 8, 0, 0, TimeSpan.Zero), null, new(2026, 5, 14, 8, 0, 0, TimeSpan.Zero), SubmissionOutcome.Approved),
            // Submitted in May, still waiting.
            new CycleFacts(Guid.NewGuid(), 1, new(2026, 5, 20, 8, 0, 0, TimeSpan.Zero), null, null, null),
        ], YearAgo, Now);

        Assert.Equal(12, figures.Backlog.Count);
        Assert.Equal(new DateOnly(2025, 7, 1), figures.Backlog[0].Month);
        Assert.Equal(new DateOnly(2026, 6, 1), figures.Backlog[^1].Month);
        var byMonth = figures.Backlog.ToDictionary(p => p.Month, p => p.Waiting);
        Assert.Equal((0, 1, 1, 1), (byMonth[new DateOnly(2026, 3, 1)], byMonth[new DateOnly(2026, 4, 1)], byMonth[new DateOnly(2026, 5, 1)], byMonth[new DateOnly(2026, 6, 1)]));
    }

    [Fact]
    public void A_closed_update_is_neither_a_decision_nor_a_review()
    {
        var request = Guid.NewGuid();
        var figures = ReviewStatistics.Compute(
        [
            Cycle(request, 1, 50, 45, 45, SubmissionOutcome.Approved),
            Cycle(request, 2, 20, null, 18, SubmissionOutcome.Closed),
            Cycle(request, 3, 10, 9, 8, SubmissionOutcome.Approved),
        ], YearAgo, Now);

        Assert.Equal(2, figures.Reviewed);
        Assert.Equal([TimeSpan.FromDays(2), TimeSpan.FromDays(5)], new[] { figures.TimeToDecision.Median!.Value, figures.TimeToDecision.P80!.Value });
    }

    [Fact]
    public void Reviews_and_decisions_exactly_at_the_period_start_or_at_now_count()
    {
        var figures = ReviewStatistics.Compute(
        [
            new CycleFacts(Guid.NewGuid(), 1, YearAgo.AddDays(-2), YearAgo, YearAgo, SubmissionOutcome.Approved),
            new CycleFacts(Guid.NewGuid(), 1, Now.AddDays(-3), Now, Now, SubmissionOutcome.Refused),
        ], YearAgo, Now);

        Assert.Equal(new Spread(TimeSpan.FromDays(2), TimeSpan.FromDays(3), 2), figures.TimeToFirstReview);
        Assert.Equal(new Spread(TimeSpan.FromDays(2), TimeSpan.FromDays(3), 2), figures.TimeToDecision);
        Assert.Equal((2, 0), (figures.Reviewed, figures.SentBack));
    }

    [Fact]
    public void The_share_sent_back_is_the_changes_requested_over_the_reviewed_submissions()
    {
        var figures = ReviewStatistics.Compute(
        [
            Cycle(Guid.NewGuid(), 1, 40, 35, 35, SubmissionOutcome.ChangesRequested),
            Cycle(Guid.NewGuid(), 1, 30, 28, 20, SubmissionOutcome.Approved),
            Cycle(Guid.NewGuid(), 1, 25, 24, 22, SubmissionOutcome.Refused),
            Cycle(Guid.NewGuid(), 2, 15, null, 12, SubmissionOutcome.Closed),
        ], YearAgo, Now);

        Assert.Equal((3, 1), (figures.Reviewed, figures.SentBack));
        Assert.Equal(1.0 / 3, figures.SentBackShare!.Value, 1e-12);
    }

    [Fact]
    public void On_the_first_of_a_month_the_backlog_still_ends_with_that_month()
    {
        var firstOfJune = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero); // 10:00 in Paris
        var figures = ReviewStatistics.Compute(
            [new CycleFacts(Guid.NewGuid(), 1, new(2026, 4, 10, 8, 0, 0, TimeSpan.Zero), null, null, null)],
            firstOfJune.AddYears(-1), firstOfJune);

        Assert.Equal(12, figures.Backlog.Count);
        Assert.Equal((new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 1)), (figures.Backlog[0].Month, figures.Backlog[^1].Month));
        // The submission still awaiting staff waits at the end of April, of May and now.
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1], figures.Backlog.Select(p => p.Waiting));
    }

    [Fact]
    public void The_current_month_counts_what_waits_now_not_at_its_end()
    {
        var figures = ReviewStatistics.Compute(
        [
            // Submitted at this very moment: waiting.
            new CycleFacts(Guid.NewGuid(), 1, Now, null, null, null),
            // Ended at this very moment: no longer waiting.
            new CycleFacts(Guid.NewGuid(), 1, Now.AddDays(-2), Now.AddDays(-1), Now, SubmissionOutcome.Approved),
            // Ends later this month: waiting now.
            new CycleFacts(Guid.NewGuid(), 1, Now.AddDays(-5), Now.AddDays(-1), Now.AddDays(5), SubmissionOutcome.Approved),
        ], YearAgo, Now);

        Assert.Equal((new DateOnly(2026, 6, 1), 2), (figures.Backlog[^1].Month, figures.Backlog[^1].Waiting));
        Assert.Equal(0, figures.Backlog[^2].Waiting);
    }

    [Fact]
    public void Computing_without_cycles_is_a_bug()
    {
        Assert.Throws<ArgumentNullException>("cycles", () => ReviewStatistics.Compute(null!, YearAgo, Now));
    }
}
