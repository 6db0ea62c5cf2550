using Admin.Domain.Common;

namespace Admin.Domain.AccessRequests;

/// <summary>One review cycle as the statistics see it: when it was submitted, first handled and ended.</summary>
public sealed record CycleFacts(Guid RequestId, int Number, DateTimeOffset SubmittedAt, DateTimeOffset? FirstStaffActionAt,
    DateTimeOffset? EndedAt, SubmissionOutcome? Outcome);

/// <summary>A median and an 80th percentile, over how many values.</summary>
public sealed record Spread(TimeSpan? Median, TimeSpan? P80, int Count);

/// <summary>Requests awaiting staff at the end of a month (Paris).</summary>
public sealed record BacklogPoint(DateOnly Month, int Waiting);

public sealed record ReviewFigures(Spread TimeToFirstReview, Spread TimeToDecision, int Reviewed, int SentBack, IReadOnlyList<BacklogPoint> Backlog)
{
    /// <summary>Share of reviewed submissions sent back for changes, 0 to 1; null when none was reviewed.</summary>
    public double? SentBackShare => Reviewed == 0 ? null : (double)SentBack / Reviewed;
}

/// <summary>
/// Review statistics from per-cycle facts, never from a single "first reviewed" date: time to first
/// review pairs submission N with the first staff action after it; time to decision runs from the
/// first submission after the previous decision to the approval or refusal; the backlog counts the
/// submissions not yet ended at each month's end.
/// </summary>
public static class ReviewStatistics
{
    public static ReviewFigures Compute(IEnumerable<CycleFacts> cycles, DateTimeOffset periodStart, DateTimeOffset now, int backlogMonths = 12)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        var all = cycles.OrderBy(c => c.RequestId).ThenBy(c => c.Number).ToList();

        var firstReviews = all
            .Where(c => c.FirstStaffActionAt is { } at && at >= periodStart && at <= now)
            .Select(c => c.FirstStaffActionAt!.Value - c.SubmittedAt)
            .ToList();

        var decisions = new List<TimeSpan>();
        foreach (var request in all.GroupBy(c => c.RequestId))
        {
            DateTimeOffset? chainStart = null;
            foreach (var cycle in request)
            {
                chainStart ??= cycle.SubmittedAt;
                if (cycle.Outcome is SubmissionOutcome.Approved or SubmissionOutcome.Refused && cycle.EndedAt is { } decidedAt)
                {
                    if (decidedAt >= periodStart && decidedAt <= now) decisions.Add(decidedAt - chainStart.Value);
                    chainStart = null;
                }
                else if (cycle.Outcome is SubmissionOutcome.Closed)
                {
                    chainStart = null;
                }
            }
        }

        var ended = all.Where(c => c.EndedAt is { } at && at >= periodStart && at <= now && c.Outcome is not SubmissionOutcome.Closed).ToList();
        var backlog = new List<BacklogPoint>();
        var thisMonth = ParisTime.Today(now);
        var first = new DateOnly(thisMonth.Year, thisMonth.Month, 1).AddMonths(-(backlogMonths - 1));
        for (var month = first; month <= thisMonth; month = month.AddMonths(1))
        {
            var endOfMonth = ParisTime.StartOfDay(month.AddMonths(1));
            var at = endOfMonth < now ? endOfMonth : now;
            backlog.Add(new BacklogPoint(month, all.Count(c => c.SubmittedAt <= at && (c.EndedAt is null || c.EndedAt > at))));
        }

        return new ReviewFigures(SpreadOf(firstReviews), SpreadOf(decisions), ended.Count,
            ended.Count(c => c.Outcome == SubmissionOutcome.ChangesRequested), backlog);
    }

    /// <summary>Median and 80th percentile by the nearest-rank method (a value that occurred, not an interpolation).</summary>
    public static Spread SpreadOf(IReadOnlyCollection<TimeSpan> values)
    {
        if (values.Count == 0) return new Spread(null, null, 0);
        var sorted = values.Order().ToList();
        return new Spread(Rank(sorted, 0.5), Rank(sorted, 0.8), sorted.Count);
    }

    private static TimeSpan Rank(List<TimeSpan> sorted, double percentile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Count) - 1)];
}
