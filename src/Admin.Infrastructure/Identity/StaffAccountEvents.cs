using System.Text.Json.Serialization;

namespace Admin.Infrastructure.Identity;

/// <summary>
/// What an administrator does to a staff account (<c>/admin/agents</c>), raised through
/// <c>AdminDbContext.Raise</c> like the other account events: audited, and notified where someone
/// must be told. The actor is the administrator.
/// </summary>
public abstract record StaffAccountEvent(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt) : AccountEvent(AggregateId, ActorId, OccurredAt);

/// <summary>
/// A staff account was created, confirmed, with <paramref name="Role"/> and no password: the invited
/// person chooses one through the password link (Identity's reset token, [JsonIgnore]).
/// </summary>
public sealed record StaffInvited(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string Email, string Role,
    [property: JsonIgnore] string PasswordToken) : StaffAccountEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "staff.invited";
    public override string? ToState => Role;
}

public sealed record StaffRoleChanged(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string PreviousRole, string Role)
    : StaffAccountEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "staff.role_changed";
    public override string? FromState => PreviousRole;
    public override string? ToState => Role;
}

/// <summary>The account can no longer sign in and its open sessions ended (its security stamp changed).</summary>
public sealed record StaffDeactivated(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt) : StaffAccountEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "staff.deactivated";
    public override string? FromState => "Active";
    public override string? ToState => "Deactivated";
}

public sealed record StaffReactivated(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt) : StaffAccountEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "staff.reactivated";
    public override string? FromState => "Deactivated";
    public override string? ToState => "Active";
}
