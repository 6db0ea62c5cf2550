using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.Users;

namespace Admin.Domain.ApiKeys;

public enum ApiKeyStatus
{
    Active = 1,
    Revoked = 2,
    Expired = 3,
}

/// <summary>
/// What the generator hands over for a new key: its environment, its visible prefix and the
/// SHA-256 of the whole secret (64 lower-case hexadecimal digits). The secret itself never enters
/// the domain nor the database.
/// </summary>
public sealed record ApiKeyMaterial(ApiKeyEnvironment Environment, ApiKeyPrefix Prefix, string Hash);

/// <summary>How long a renewed key keeps working beside its successor, so the partner can deploy without an outage.</summary>
public enum RenewalOverlap
{
    Now = 0,
    Hours24 = 1,
    Days7 = 2,
    Days30 = 3,
}

public static class RenewalOverlaps
{
    public static TimeSpan Duration(this RenewalOverlap overlap) => overlap switch
    {
        RenewalOverlap.Now => TimeSpan.Zero,
        RenewalOverlap.Hours24 => TimeSpan.FromHours(24),
        RenewalOverlap.Days7 => TimeSpan.FromDays(7),
        RenewalOverlap.Days30 => TimeSpan.FromDays(30),
        _ => throw new ArgumentOutOfRangeException(nameof(overlap)),
    };

    public static string FrenchLabel(this RenewalOverlap overlap) => overlap switch
    {
        RenewalOverlap.Now => "Tout de suite",
        RenewalOverlap.Hours24 => "Dans 24 heures",
        RenewalOverlap.Days7 => "Dans 7 jours",
        RenewalOverlap.Days30 => "Dans 30 jours",
        _ => overlap.ToString(),
    };
}

/// <summary>
/// Jeton d'API: a secret given to the partner's software, belonging to one authorization. Created
/// by the organization's applicant or technical contact while the authorization is active; stored as
/// a hash with a visible prefix; expires with its authorization, never later; revoked with a reason,
/// by the organization or by staff.
/// </summary>
public sealed class ApiKey : Entity
{
    public const int NameMaxLength = 100;
    public const int ReasonMaxLength = 1000;
    public const int HashLength = 64;

    private ApiKey() { }

    public Guid AuthorizationId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";
    public ApiKeyEnvironment Environment { get; private set; }
    public ApiKeyPrefix Prefix { get; private set; }

    /// <summary>SHA-256 of the whole secret, lower-case hexadecimal: what a lookup compares.</summary>
    public string Hash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }

    /// <summary>The authorization's expiry when the key was created; see <see cref="ExpiresAtWith"/>.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedBy { get; private set; }
    public string? RevocationReason { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>When staff last reminded the holders that the key is unused (<see cref="RemindUnused"/>).</summary>
    public DateTimeOffset? UnusedRemindedAt { get; private set; }

    /// <summary>The client addresses and ranges the key may be used from, canonical (<see cref="IpAllowList"/>); empty: any.</summary>
    public IReadOnlyList<string> AllowedIps { get; private set; } = [];

    /// <summary>The key that replaced this one when it was renewed; this one then expires at the end of the overlap.</summary>
    public Guid? ReplacedById { get; private set; }

    /// <summary>The holders receive the quota alerts (80 % and 100 % of a daily or monthly quota) of this key.</summary>
    public bool QuotaAlerts { get; private set; } = true;

    /// <summary>The holders receive the refusal alerts (an integration that looks broken) of this key.</summary>
    public bool RefusalAlerts { get; private set; } = true;

    /// <summary>
    /// Issues a key on <paramref name="authorization"/> of <paramref name="organization"/> for
    /// <paramref name="actorId"/>, who must be its applicant or technical contact.
    /// </summary>
    public static Result<ApiKey> Issue(Authorization authorization, Organization organization, Guid actorId, string? name,
        ApiKeyEnvironment environment, ApiKeyMaterial material, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(material);
        if (authorization.OrganizationId != organization.Id) throw new ArgumentException("Not the authorization's organization.", nameof(organization));
        if (material.Environment != environment || material.Hash.Length != HashLength)
            throw new ArgumentException("Key material of another environment, or not a SHA-256.", nameof(material));

        if (!organization.CanManageKeys(actorId)) return Result<ApiKey>.Failure(ErrorKind.Forbidden, [ApiKeyErrors.NotAllowed]);
        var errors = NameErrors(name).ToList();
        var cleanName = name?.Trim() ?? "";
        if (!Enum.IsDefined(environment)) errors.Add(ApiKeyErrors.EnvironmentInvalid.ForField(nameof(Environment)));
        if (errors.Count > 0) return Result<ApiKey>.Failure(ErrorKind.Validation, errors);
        if (!authorization.IsUsable(now)) return Result<ApiKey>.Failure(ErrorKind.Conflict, [ApiKeyErrors.AuthorizationNotActive]);
        if (organization.IsSuspended) return Result<ApiKey>.Failure(ErrorKind.Conflict, [ApiKeyErrors.OrganizationSuspended]);

        var key = new ApiKey
        {
            AuthorizationId = authorization.Id,
            OrganizationId = organization.Id,
            Name = cleanName,
            Environment = environment,
            Prefix = material.Prefix,
            Hash = material.Hash,
            CreatedAt = now,
            CreatedBy = actorId,
            ExpiresAt = authorization.ExpiresAt,
        };
        key.Raise(new ApiKeyIssued(key.Id, actorId, now, authorization.Id, organization.Id, cleanName, key.Prefix.Value, environment, key.ExpiresAt));
        return key;
    }

    /// <summary>What is wrong with a key's name (on the field Name), so a form can report it with its other errors.</summary>
    public static IReadOnlyList<Error> NameErrors(string? name)
    {
        var cleanName = name?.Trim() ?? "";
        return cleanName.Length == 0 ? [ApiKeyErrors.NameRequired.ForField(nameof(Name))]
            : cleanName.Length > NameMaxLength ? [ApiKeyErrors.NameTooLong.ForField(nameof(Name))]
            : [];
    }

    /// <summary>When the key stops working: its own expiry, or its authorization's if that one is earlier (a key never outlives it).</summary>
    public DateTimeOffset ExpiresAtWith(Authorization authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization.ExpiresAt < ExpiresAt ? authorization.ExpiresAt : ExpiresAt;
    }

    public ApiKeyStatus StatusAt(Authorization authorization, DateTimeOffset now) =>
        RevokedAt is { } revoked && revoked <= now ? ApiKeyStatus.Revoked
        : now >= ExpiresAtWith(authorization) ? ApiKeyStatus.Expired
        : ApiKeyStatus.Active;

    /// <summary>The organization revokes its own key: its applicant or technical contact.</summary>
    public Result RevokeAsMember(Organization organization, Guid actorId, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (organization.Id != OrganizationId || !organization.CanManageKeys(actorId))
            return Result.Failure(ErrorKind.Forbidden, [ApiKeyErrors.NotAllowed]);
        return Revoke(actorId, reason, byStaff: false, now);
    }

    /// <summary>Staff revoke any key: instructors and administrators, not auditors.</summary>
    public Result RevokeAsStaff(StaffMember staff, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (!staff.CanReview) return Result.Forbidden();
        return Revoke(staff.UserId, reason, byStaff: true, now);
    }

    /// <summary>
    /// "Renouveler": a new key of the same name and environment on the same authorization, from
    /// <paramref name="material"/>; this one keeps working until the end of <paramref name="overlap"/>
    /// (never later than it would have anyway, nor than the authorization), then is expired.
    /// For the organization's applicant or technical contact, on an active authorization, once per key.
    /// </summary>
    public Result<ApiKey> Renew(Authorization authorization, Organization organization, Guid actorId, RenewalOverlap? overlap,
        ApiKeyMaterial material, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(material);
        if (authorization.Id != AuthorizationId) throw new ArgumentException("Not this key's authorization.", nameof(authorization));
        if (material.Environment != Environment) throw new ArgumentException("Key material of another environment.", nameof(material));

        if (organization.Id != OrganizationId || !organization.CanManageKeys(actorId))
            return Result<ApiKey>.Failure(ErrorKind.Forbidden, [ApiKeyErrors.NotAllowed]);
        if (overlap is not { } chosen || !Enum.IsDefined(chosen))
            return Result<ApiKey>.Failure(ErrorKind.Validation, [ApiKeyErrors.OverlapInvalid.ForField("Overlap")]);
        if (ReplacedById is not null) return Result<ApiKey>.Failure(ErrorKind.Conflict, [ApiKeyErrors.AlreadyRenewed]);
        if (StatusAt(authorization, now) != ApiKeyStatus.Active) return Result<ApiKey>.Failure(ErrorKind.Conflict, [ApiKeyErrors.NotActive]);

        var successor = Issue(authorization, organization, actorId, Name, Environment, material, now);
        if (successor.IsFailure) return successor;

        var until = now + chosen.Duration();
        var previousExpiry = ExpiresAtWith(authorization);
        ExpiresAt = until < previousExpiry ? until : previousExpiry;
        ReplacedById = successor.Value.Id;
        Raise(new ApiKeyRenewed(Id, actorId, now, AuthorizationId, OrganizationId, Name, Prefix.Value, Environment,
            successor.Value.Id, successor.Value.Prefix.Value, chosen, ExpiresAt));
        return successor;
    }

    /// <summary>
    /// Replaces the key's IP allow-list by what was typed (empty: any address), for the organization's
    /// applicant or technical contact, while the key is not revoked. Each invalid entry is an error of its own.
    /// </summary>
    public Result SetAllowedIps(Organization organization, Guid actorId, string? text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (organization.Id != OrganizationId || !organization.CanManageKeys(actorId))
            return Result.Failure(ErrorKind.Forbidden, [ApiKeyErrors.NotAllowed]);
        if (RevokedAt is not null) return Result.Conflict(ApiKeyErrors.AlreadyRevoked);
        var parsed = IpAllowList.Parse(text);
        if (parsed.IsFailure) return parsed;

        var entries = parsed.Value.Entries;
        // The order means nothing: the same entries are no change.
        if (entries.ToHashSet(StringComparer.Ordinal).SetEquals(AllowedIps)) return Result.Ok();
        var previous = AllowedIps;
        AllowedIps = [.. entries];
        Raise(new ApiKeyAllowListChanged(Id, actorId, now, AuthorizationId, OrganizationId, Name, Prefix.Value, Environment, previous, AllowedIps));
        return Result.Ok();
    }

    /// <summary>Which usage alerts of this key its holders receive by e-mail (the partner home shows every alert), for the organization's applicant or technical contact.</summary>
    public Result ChooseAlerts(Organization organization, Guid actorId, bool quotaAlerts, bool refusalAlerts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (organization.Id != OrganizationId || !organization.CanManageKeys(actorId))
            return Result.Failure(ErrorKind.Forbidden, [ApiKeyErrors.NotAllowed]);
        if (QuotaAlerts == quotaAlerts && RefusalAlerts == refusalAlerts) return Result.Ok();
        QuotaAlerts = quotaAlerts;
        RefusalAlerts = refusalAlerts;
        Raise(new ApiKeyAlertsChosen(Id, actorId, now, AuthorizationId, OrganizationId, Name, Prefix.Value, Environment, quotaAlerts, refusalAlerts));
        return Result.Ok();
    }

    /// <summary>Whether a call from <paramref name="client"/> passes the key's allow-list (for the gateway's decision).</summary>
    public bool AllowsClient(System.Net.IPAddress? client) => IpAllowList.FromStored(AllowedIps).Allows(client);

    /// <summary>
    /// The authorization was prolonged: a key that was to expire with it (not revoked, not replaced by a
    /// renewal, whose overlap keeps its own end) now expires with it again.
    /// </summary>
    public void FollowProlongation(Authorization authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (authorization.Id != AuthorizationId) throw new ArgumentException("Not this key's authorization.", nameof(authorization));
        if (RevokedAt is null && ReplacedById is null && authorization.ExpiresAt > ExpiresAt)
            ExpiresAt = authorization.ExpiresAt;
    }

    /// <summary>
    /// A key is unused when it could serve (active, on a usable authorization) yet was created more than
    /// <see cref="UnusedDays"/> days ago and not used since <see cref="UnusedSince"/>: staff may remind its holders.
    /// The staff list reads the same rule in the database.
    /// </summary>
    public const int UnusedDays = 30;

    /// <summary>The instant before which a key's creation and last use make it unused at <paramref name="now"/>.</summary>
    public static DateTimeOffset UnusedSince(DateTimeOffset now) => now.AddDays(-UnusedDays);

    public bool IsUnused(Authorization authorization, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var since = UnusedSince(now);
        return StatusAt(authorization, now) == ApiKeyStatus.Active && authorization.IsUsable(now)
            && CreatedAt < since && (LastUsedAt is null || LastUsedAt < since);
    }

    /// <summary>Holders are reminded of an unused key at most once in this many days, however often staff write.</summary>
    public const int UnusedReminderIntervalDays = 30;

    /// <summary>The instant after which a reminder makes another one too early at <paramref name="now"/>.</summary>
    public static DateTimeOffset RemindedTooRecentlySince(DateTimeOffset now) => now.AddDays(-UnusedReminderIntervalDays);

    /// <summary>"Écrire aux détenteurs": staff (instructors and administrators) remind the holders of an unused key to use or revoke it,
    /// at most once in <see cref="UnusedReminderIntervalDays"/> days.</summary>
    public Result RemindUnused(StaffMember staff, Authorization authorization, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(authorization);
        if (!staff.CanReview) return Result.Forbidden();
        if (!IsUnused(authorization, now)) return Result.Conflict(ApiKeyErrors.NotUnused);
        if (UnusedRemindedAt is { } reminded && reminded > RemindedTooRecentlySince(now)) return Result.Conflict(ApiKeyErrors.RemindedRecently);
        UnusedRemindedAt = now;
        Raise(new ApiKeyUnusedReminded(Id, staff.UserId, now, AuthorizationId, OrganizationId, Name, Prefix.Value, Environment, CreatedAt, LastUsedAt));
        return Result.Ok();
    }

    /// <summary>The gateway saw the key in use (recorded at most once in a while by the caller).</summary>
    public void MarkUsed(DateTimeOffset now)
    {
        if (LastUsedAt is null || now > LastUsedAt) LastUsedAt = now;
    }

    private Result Revoke(Guid actorId, string? reason, bool byStaff, DateTimeOffset now)
    {
        if (RevokedAt is not null) return Result.Conflict(ApiKeyErrors.AlreadyRevoked);
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) return Result.Invalid(ApiKeyErrors.ReasonRequired.ForField("Reason"));
        if (text.Length > ReasonMaxLength) return Result.Invalid(ApiKeyErrors.ReasonTooLong.ForField("Reason"));

        RevokedAt = now;
        RevokedBy = actorId;
        RevocationReason = text;
        Raise(new ApiKeyRevoked(Id, actorId, now, AuthorizationId, OrganizationId, Name, Prefix.Value, Environment, text, byStaff));
        return Result.Ok();
    }
}
