using Admin.Domain.Common;

namespace Admin.Domain.Audit;

/// <summary>
/// One line of the audit trail, written in the same transaction as the change it records.
/// Never updated nor deleted.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent() { }

    public AuditEvent(string aggregateType, Guid aggregateId, string action, Guid? actorId, DateTimeOffset occurredAt,
        string? fromState = null, string? toState = null, string? reason = null, string? data = null)
    {
        AggregateType = aggregateType;
        AggregateId = aggregateId;
        Action = action;
        ActorId = actorId;
        OccurredAt = occurredAt;
        FromState = fromState;
        ToState = toState;
        Reason = reason;
        Data = data;
    }

    public static AuditEvent From(DomainEvent e, string? data) =>
        new(e.AggregateType, e.AggregateId, e.Action, e.ActorId, e.OccurredAt, e.FromState, e.ToState, e.Reason, data);

    public long Id { get; private set; }
    public string AggregateType { get; private set; } = "";
    public Guid AggregateId { get; private set; }
    public string Action { get; private set; } = "";
    public Guid? ActorId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string? FromState { get; private set; }
    public string? ToState { get; private set; }
    public string? Reason { get; private set; }
    public string? Data { get; private set; }
}
