namespace Admin.Infrastructure.Outbox;

/// <summary>
/// An e-mail to deliver, stored in the same transaction as the change that caused it and delivered
/// by a background job after commit. A row is kept after delivery (SentAt) as a record.
/// A failed attempt waits longer each time (<see cref="RetryDelay"/>); after
/// <see cref="MaxAttempts"/> attempts, or at once when the failure is permanent (an address no
/// server will take), the message is set aside (<see cref="FailedAt"/>) so it never blocks others.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 8;
    public const int LastErrorMaxLength = 1000;

    private OutboxMessage() { }

    public OutboxMessage(string to, string subject, string textBody, string htmlBody, DateTimeOffset createdAt, string kind)
    {
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Kind = kind;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Kind { get; private set; } = "";
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>When the dispatcher may try again; null once sent or set aside.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>When the message was given up on (permanent failure or too many attempts).</summary>
    public DateTimeOffset? FailedAt { get; private set; }

    public bool IsPending => SentAt is null && FailedAt is null;

    /// <summary>1, 2, 4, 8… minutes after the n-th failure, at most one hour.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        NextAttemptAt = null;
    }

    public void MarkFailed(string error, bool permanent, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > LastErrorMaxLength ? error[..LastErrorMaxLength] : error;
        if (permanent || Attempts >= MaxAttempts)
        {
            FailedAt = now;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = now + RetryDelay(Attempts);
        }
    }

    /// <summary>An administrator puts a set-aside message back in the queue (after fixing the cause).</summary>
    public bool Retry(DateTimeOffset now)
    {
        if (FailedAt is null) return false;
        FailedAt = null;
        Attempts = 0;
        NextAttemptAt = now;
        return true;
    }
}
