using Admin.Domain.Common;

namespace Admin.Domain.Organizations;

public abstract record OrganizationEvent(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt)
    : DomainEvent(AggregateId, ActorId, OccurredAt)
{
    public sealed override string AggregateType => "Organization";
}

public sealed record OrganizationRegistered(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string Siret, string Name)
    : OrganizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "organization.registered";
}

public sealed record MemberInvited(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid InvitationId, string Email, MembershipRole Role)
    : OrganizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "organization.member_invited";
}

public sealed record InvitationRevoked(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid InvitationId, string Email)
    : OrganizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "organization.invitation_revoked";
}

public sealed record MemberJoined(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid InvitationId, Guid UserId, MembershipRole Role)
    : OrganizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "organization.member_joined";
    public override string? ToState => Role.ToString();
}

public sealed record MemberLeft(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid UserId, MembershipRole Role)
    : OrganizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "organization.member_left";
    public override string? FromState => Role.ToString();
}

public sealed record MemberRoleChanged(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid UserId, MembershipRole PreviousRole, MembershipRole NewRole)
    : OrganizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "organization.member_role_changed";
    public override string? FromState => PreviousRole.ToString();
    public override string? ToState => NewRole.ToString();
}

public sealed record MemberRemoved(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid UserId, MembershipRole Role)
    : OrganizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "organization.member_removed";
    public override string? FromState => Role.ToString();
}

/// <summary>The member closed their account: their membership went with it.</summary>
public sealed record MemberAccountClosed(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid UserId, MembershipRole Role)
    : OrganizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "organization.member_account_closed";
    public override string? FromState => Role.ToString();
}

/// <summary>Staff suspended the whole organization: all its keys answer SUSPENDED until it is resumed.</summary>
public sealed record OrganizationSuspended(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string SuspensionReason)
    : OrganizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "organization.suspended";
    public override string? FromState => "Active";
    public override string? ToState => "Suspended";
    public override string? Reason => SuspensionReason;
}

public sealed record OrganizationResumed(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt)
    : OrganizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "organization.resumed";
    public override string? FromState => "Suspended";
    public override string? ToState => "Active";
}
