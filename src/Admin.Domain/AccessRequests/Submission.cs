namespace Admin.Domain.AccessRequests;

/// <summary>What staff did with one submission.</summary>
public enum SubmissionOutcome
{
    ChangesRequested = 1,
    Approved = 2,
    Refused = 3,

    /// <summary>An update under review when its authorization was revoked: no decision was taken on it.</summary>
    Closed = 4,
}

/// <summary>
/// One review cycle: submission N, what the request said then, the first staff action after it
/// and how it ended. "Time to first review" and "time to decision" are measured per cycle, so a
/// resubmission never produces a negative duration.
/// </summary>
public sealed class Submission
{
    private Submission() { }

    internal Submission(int number, Guid submittedBy, DateTimeOffset submittedAt, bool isUpdate, RequestContent content)
    {
        Number = number;
        SubmittedBy = submittedBy;
        SubmittedAt = submittedAt;
        IsUpdate = isUpdate;
        Content = content;
    }

    public int Number { get; private set; }
    public Guid SubmittedBy { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>An update of an approved request (reopened), not a first request.</summary>
    public bool IsUpdate { get; private set; }

    public RequestContent Content { get; private set; } = null!;

    /// <summary>First staff action after this submission: a message, changes asked or a decision.</summary>
    public DateTimeOffset? FirstStaffActionAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }
    public SubmissionOutcome? Outcome { get; private set; }

    public TimeSpan? TimeToFirstReview => FirstStaffActionAt - SubmittedAt;

    internal void NoteStaffAction(DateTimeOffset now) => FirstStaffActionAt ??= now;

    internal void End(SubmissionOutcome outcome, DateTimeOffset now)
    {
        NoteStaffAction(now);
        Outcome = outcome;
        EndedAt = now;
    }
}
