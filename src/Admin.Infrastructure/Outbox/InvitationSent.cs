using System.Text.Json.Serialization;
using Admin.Domain.Organizations;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// The invitation e-mail of <see cref="MemberInvited"/> is to be sent, raised by the handler when the
/// e-mail throttle lets it go. The link token exists only here (the invitation stores its hash) and
/// is [JsonIgnore]: it never reaches the audit trail.
/// </summary>
public sealed record InvitationSent(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid InvitationId,
    [property: JsonIgnore] string Token) : OrganizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "organization.invitation_sent";
}
