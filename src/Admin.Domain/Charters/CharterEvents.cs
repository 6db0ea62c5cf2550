using Admin.Domain.Common;

namespace Admin.Domain.Charters;

/// <summary>A new version of the charter was published (raised by the administration handler).</summary>
public sealed record CharterPublished(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string Label, string Title,
    bool RequiresNewAcceptance) : DomainEvent(AggregateId, ActorId, OccurredAt)
{
    public override string AggregateType => "CharterVersion";
    public override string Action => "charter.published";
}
