using Admin.Domain.Common;

namespace Admin.Domain.Organizations;

/// <summary>
/// An invitation to join an organization, sent by e-mail. The link carries a random token; only its
/// hash is stored, so a leaked database cannot be used to join an organization.
/// </summary>
public sealed class Invitation : Entity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation() { }

    internal Invitation(Guid organizationId, string email, MembershipRole role, string tokenHash, Guid invitedBy, DateTimeOffset now)
    {
        OrganizationId = organizationId;
        Email = email;
        Role = role;
        TokenHash = tokenHash;
        InvitedBy = invitedBy;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public Guid OrganizationId { get; private set; }

    /// <summary>Lower-cased.</summary>
    public string Email { get; private set; } = "";

    public MembershipRole Role { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Guid InvitedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedBy { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Neither accepted, revoked nor expired: the link still works.</summary>
    public bool IsPending(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && !IsExpired(now);

    internal void MarkAccepted(Guid userId, DateTimeOffset now)
    {
        AcceptedAt = now;
        AcceptedBy = userId;
    }

    internal void MarkRevoked(DateTimeOffset now) => RevokedAt = now;
}
