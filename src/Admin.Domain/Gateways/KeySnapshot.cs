using System.Collections.Frozen;
using Admin.Domain.ApiKeys;

namespace Admin.Domain.Gateways;

/// <summary>
/// What a key's authorization and organization say, shared by every key of the authorization in the
/// gateway's cache: who, which scopes, which limits, and whether it is suspended or revoked.
/// </summary>
public sealed class KeyGrant
{
    public KeyGrant(Guid? authorizationId, Guid? organizationId, string? siret, string? organizationName, IEnumerable<string> scopes,
        KeyLimits limits, DateTimeOffset expiresAt, bool isSuspended, bool isRevoked)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        AuthorizationId = authorizationId;
        OrganizationId = organizationId;
        Siret = siret;
        OrganizationName = organizationName;
        Scopes = [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        ScopeSet = Scopes.ToFrozenSet(StringComparer.Ordinal);
        ScopesHeader = string.Join(',', Scopes);
        Limits = limits;
        ExpiresAt = expiresAt;
        IsSuspended = isSuspended;
        IsRevoked = isRevoked;
    }

    /// <summary>Null for <c>test-token</c>, which belongs to no authorization.</summary>
    public Guid? AuthorizationId { get; }

    public Guid? OrganizationId { get; }
    public string? Siret { get; }
    public string? OrganizationName { get; }

    /// <summary>Every granted scope, sorted (ordinal), as the contract answers them.</summary>
    public IReadOnlyList<string> Scopes { get; }

    public IReadOnlySet<string> ScopeSet { get; }

    /// <summary>The scopes comma-separated, for X-Api-Particulier-Scopes.</summary>
    public string ScopesHeader { get; }

    public KeyLimits Limits { get; }

    /// <summary>The authorization's expiry.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The authorization or its organization is suspended.</summary>
    public bool IsSuspended { get; }

    /// <summary>The authorization is revoked (its keys are, too).</summary>
    public bool IsRevoked { get; }
}

/// <summary>A key's limits: the rate per one-second window, and the optional daily and monthly quotas.</summary>
public readonly record struct KeyLimits(int RatePerSecond, long? DailyQuota, long? MonthlyQuota);

/// <summary>
/// One key as the gateway's cache holds it: everything the decision needs, without the database. A million of them
/// stay in memory, so each is kept small (64 bytes): instants as UTC ticks, a revocation as a flag, no string.
/// </summary>
public sealed class KeySnapshot
{
    private readonly long _expiresAtTicks;
    // The key itself was revoked (its authorization's revocation is KeyGrant.IsRevoked).
    private readonly bool _revoked;

    public KeySnapshot(Guid keyId, ApiKeyEnvironment environment, KeyGrant grant, DateTimeOffset expiresAt, DateTimeOffset? revokedAt, IpAllowList allowList)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(allowList);
        KeyId = keyId;
        Environment = environment;
        Grant = grant;
        _expiresAtTicks = (expiresAt < grant.ExpiresAt ? expiresAt : grant.ExpiresAt).UtcTicks;
        _revoked = revokedAt is not null;
        AllowList = allowList;
    }

    public Guid KeyId { get; }

    /// <summary>The key's id as the contract writes it (lower-case, hyphenated), formatted when asked (a million cached keys keep no string each).</summary>
    public string KeyIdText => KeyId.ToString();

    public ApiKeyEnvironment Environment { get; }
    public KeyGrant Grant { get; }

    /// <summary>When the key stops working: its own expiry or its authorization's, the earlier (UTC).</summary>
    public DateTimeOffset ExpiresAt => new(_expiresAtTicks, TimeSpan.Zero);

    public IpAllowList AllowList { get; }

    /// <summary>
    /// The key's own state at <paramref name="now"/>, in the contract's order: REVOKED, EXPIRED, SUSPENDED; null when usable.
    /// A revocation is never scheduled: once recorded it holds, whatever the clocks of the nodes say.
    /// </summary>
    public GatewayCode? StateRefusal(DateTimeOffset now) =>
        Grant.IsRevoked || _revoked ? GatewayCode.Revoked
        : now.UtcTicks >= _expiresAtTicks ? GatewayCode.Expired
        : Grant.IsSuspended ? GatewayCode.Suspended
        : null;
}
