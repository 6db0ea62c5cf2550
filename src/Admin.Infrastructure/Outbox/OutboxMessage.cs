namespace Admin.Infrastructure.Outbox;

/// <summary>
/// An e-mail to deliver, stored in the same transaction as the change that caused it and delivered
/// by a background job after commit. A row is kept after delivery (SentAt) as a record.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(string to, string subject, string textBody, string htmlBody, DateTimeOffset createdAt, string kind)
    {
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = createdAt;
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

    public void MarkSent(DateTimeOffset now) => SentAt = now;

    public void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
    }
}
