using Admin.Domain.Common;

namespace Admin.Domain.ApiKeys;

/// <summary>Events of a key. None carries the secret nor its hash: the audit row is the event as JSON.</summary>
public abstract record ApiKeyEvent(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid AuthorizationId, Guid OrganizationId,
    string Name, string Prefix, ApiKeyEnvironment Environment)
    : DomainEvent(AggregateId, ActorId, OccurredAt)
{
    public sealed override string AggregateType => "ApiKey";
}

public sealed record ApiKeyIssued(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid AuthorizationId, Guid OrganizationId,
    string Name, string Prefix, ApiKeyEnvironment Environment, DateTimeOffset ExpiresAt)
    : ApiKeyEvent(AggregateId, ActorId, OccurredAt, AuthorizationId, OrganizationId, Name, Prefix, Environment)
{
    public override string Action => "api_key.issued";
    public override string? ToState => nameof(ApiKeyStatus.Active);
}

/// <param name="ByStaff">Revoked by the API Particulier team rather than by the organization.</param>
public sealed record ApiKeyRevoked(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid AuthorizationId, Guid OrganizationId,
    string Name, string Prefix, ApiKeyEnvironment Environment, string RevocationReason, bool ByStaff)
    : ApiKeyEvent(AggregateId, ActorId, OccurredAt, AuthorizationId, OrganizationId, Name, Prefix, Environment)
{
    public override string Action => "api_key.revoked";
    public override string? FromState => nameof(ApiKeyStatus.Active);
    public override string? ToState => nameof(ApiKeyStatus.Revoked);
    public override string? Reason => RevocationReason;
}

/// <summary>"Renouveler": the key was replaced by <paramref name="NewKeyId"/> and works until <paramref name="OldKeyExpiresAt"/>.</summary>
public sealed record ApiKeyRenewed(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid AuthorizationId, Guid OrganizationId,
    string Name, string Prefix, ApiKeyEnvironment Environment, Guid NewKeyId, string NewPrefix, RenewalOverlap Overlap, DateTimeOffset OldKeyExpiresAt)
    : ApiKeyEvent(AggregateId, ActorId, OccurredAt, AuthorizationId, OrganizationId, Name, Prefix, Environment)
{
    public override string Action => "api_key.renewed";
}

/// <summary>The key's IP allow-list changed; the audit row keeps both lists (empty: any address).</summary>
public sealed record ApiKeyAllowListChanged(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid AuthorizationId, Guid OrganizationId,
    string Name, string Prefix, ApiKeyEnvironment Environment, IReadOnlyList<string> Previous, IReadOnlyList<string> Current)
    : ApiKeyEvent(AggregateId, ActorId, OccurredAt, AuthorizationId, OrganizationId, Name, Prefix, Environment)
{
    public override string Action => "api_key.allow_list_changed";
}

/// <summary>Which usage alerts of the key its holders receive changed.</summary>
public sealed record ApiKeyAlertsChosen(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid AuthorizationId, Guid OrganizationId,
    string Name, string Prefix, ApiKeyEnvironment Environment, bool QuotaAlerts, bool RefusalAlerts)
    : ApiKeyEvent(AggregateId, ActorId, OccurredAt, AuthorizationId, OrganizationId, Name, Prefix, Environment)
{
    public override string Action => "api_key.alerts_chosen";
}

/// <summary>Staff reminded the holders of a key unused for <see cref="ApiKey.UnusedDays"/> days (never used: <paramref name="LastUsedAt"/> null) to use or revoke it.</summary>
public sealed record ApiKeyUnusedReminded(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid AuthorizationId, Guid OrganizationId,
    string Name, string Prefix, ApiKeyEnvironment Environment, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
    : ApiKeyEvent(AggregateId, ActorId, OccurredAt, AuthorizationId, OrganizationId, Name, Prefix, Environment)
{
    public override string Action => "api_key.unused_reminded";
}
