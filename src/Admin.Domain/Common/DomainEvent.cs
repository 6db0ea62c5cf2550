namespace Admin.Domain.Common;

/// <summary>
/// Something that happened to an aggregate. The persistence layer turns every raised event into an
/// audit row (who, when, from, to, reason) in the same transaction as the change itself.
/// </summary>
public abstract record DomainEvent(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt)
{
    /// <summary>Aggregate kind as stored in the audit trail, e.g. "AccessRequest".</summary>
    public abstract string AggregateType { get; }

    /// <summary>Stable action name as stored in the audit trail, e.g. "access_request.submitted".</summary>
    public abstract string Action { get; }

    public virtual string? FromState => null;
    public virtual string? ToState => null;
    public virtual string? Reason => null;
}
