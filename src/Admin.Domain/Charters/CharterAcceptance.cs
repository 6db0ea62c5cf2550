using Admin.Domain.Common;

namespace Admin.Domain.Charters;

/// <summary>
/// Proof that a user accepted one charter version on behalf of an organization: which version,
/// who, for whom, when and from which IP address. Never changed once recorded; accepting a later
/// version records a new acceptance.
/// </summary>
public sealed class CharterAcceptance : Entity
{
    public const int ClientIpMaxLength = 45;

    private CharterAcceptance() { }

    private CharterAcceptance(CharterVersion version, Guid userId, Guid organizationId, DateTimeOffset acceptedAt, string? clientIp)
    {
        CharterVersionId = version.Id;
        Major = version.Major;
        Minor = version.Minor;
        UserId = userId;
        OrganizationId = organizationId;
        AcceptedAt = acceptedAt;
        ClientIp = clientIp;
    }

    public Guid CharterVersionId { get; private set; }
    public int Major { get; private set; }
    public int Minor { get; private set; }
    public Guid UserId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public DateTimeOffset AcceptedAt { get; private set; }

    /// <summary>IPv4 or IPv6 text as seen by the web server; null when unknown (e.g. imported data).</summary>
    public string? ClientIp { get; private set; }

    public string VersionLabel => $"{Major}.{Minor}";

    public static CharterAcceptance Record(CharterVersion version, Guid userId, Guid organizationId, DateTimeOffset now, string? clientIp)
    {
        ArgumentNullException.ThrowIfNull(version);
        var ip = string.IsNullOrWhiteSpace(clientIp) ? null : clientIp.Trim();
        if (ip is { Length: > ClientIpMaxLength }) throw new ArgumentException("Not an IP address.", nameof(clientIp));
        return new CharterAcceptance(version, userId, organizationId, now, ip);
    }

    /// <summary>Whether this acceptance still holds under <paramref name="current"/> (same major version).</summary>
    public bool Covers(CharterVersion current) => current.IsCoveredByAcceptanceOf(Major);
}
