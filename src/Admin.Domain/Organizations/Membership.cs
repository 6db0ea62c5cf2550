using Admin.Domain.Common;

namespace Admin.Domain.Organizations;

/// <summary>A user's membership of an organization. Changed only through <see cref="Organization"/>.</summary>
public sealed class Membership : Entity
{
    private Membership() { }

    internal Membership(Guid organizationId, Guid userId, MembershipRole role, DateTimeOffset joinedAt)
    {
        OrganizationId = organizationId;
        UserId = userId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public Guid OrganizationId { get; private set; }
    public Guid UserId { get; private set; }
    public MembershipRole Role { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }

    internal void ChangeRole(MembershipRole role) => Role = role;
}
