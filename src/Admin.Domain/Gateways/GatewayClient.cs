using Admin.Domain.ApiKeys;
using Admin.Domain.Common;

namespace Admin.Domain.Gateways;

public enum GatewayClientStatus
{
    Active = 1,
    Revoked = 2,
}

/// <summary>
/// The shape of a gateway credential: <c>apip_gw_</c> then 40 base62 characters from a
/// cryptographic generator (≈ 238 bits). No checksum: only gateways hold one, and a gateway's
/// configuration is copied, not typed. Its first 12 characters are the visible prefix.
/// </summary>
public static class GatewayCredentialFormat
{
    public const string Prefix = "apip_gw_";
    public const int RandomLength = 40;
    public const int Length = 48;
    public const int VisiblePrefixLength = 12;

    public static bool IsWellFormed(string? secret) =>
        secret is { Length: Length } && secret.StartsWith(Prefix, StringComparison.Ordinal)
        && secret.AsSpan(Prefix.Length).IndexOfAnyExcept(ApiKeyFormat.Alphabet) < 0;

    /// <summary>What is shown of a credential once created: <c>apip_gw_AbC9…</c>.</summary>
    public static string VisiblePrefixOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret[..VisiblePrefixLength];
    }
}

/// <summary>What the generator hands over for a new credential: its visible prefix and the SHA-256 of the secret.</summary>
public sealed record GatewayCredentialMaterial(string VisiblePrefix, string Hash);

/// <summary>
/// Passerelle: an API gateway allowed to ask the back-office whether a key is valid, in one
/// environment. Created by an administrator, who sees its secret once; stored as a SHA-256 hash with
/// a visible prefix; revoked at once, never reactivated (a new one is created instead).
/// </summary>
public sealed class GatewayClient : Entity
{
    public const int NameMaxLength = 100;
    public const int HashLength = 64;

    private GatewayClient() { }

    public string Name { get; private set; } = "";
    public ApiKeyEnvironment Environment { get; private set; }
    public string VisiblePrefix { get; private set; } = "";

    /// <summary>SHA-256 of the whole secret, lower-case hexadecimal.</summary>
    public string Hash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedBy { get; private set; }

    public GatewayClientStatus Status => RevokedAt is null ? GatewayClientStatus.Active : GatewayClientStatus.Revoked;

    public bool IsActive => RevokedAt is null;

    /// <summary>A new credential, by an administrator (the handler's policy checks the role).</summary>
    public static Result<GatewayClient> Create(string? name, ApiKeyEnvironment? environment, GatewayCredentialMaterial material, Guid actorId,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(material);
        if (material.Hash.Length != HashLength || !material.VisiblePrefix.StartsWith(GatewayCredentialFormat.Prefix, StringComparison.Ordinal))
            throw new ArgumentException("Not a credential's material.", nameof(material));

        var errors = new List<Error>();
        var cleanName = name?.Trim() ?? "";
        if (cleanName.Length == 0) errors.Add(GatewayClientErrors.NameRequired.ForField(nameof(Name)));
        else if (cleanName.Length > NameMaxLength) errors.Add(GatewayClientErrors.NameTooLong.ForField(nameof(Name)));
        if (environment is not { } env || !Enum.IsDefined(env)) errors.Add(GatewayClientErrors.EnvironmentInvalid.ForField(nameof(Environment)));
        if (errors.Count > 0) return Result<GatewayClient>.Failure(ErrorKind.Validation, errors);

        var client = new GatewayClient
        {
            Name = cleanName,
            Environment = environment!.Value,
            VisiblePrefix = material.VisiblePrefix,
            Hash = material.Hash,
            CreatedAt = now,
            CreatedBy = actorId,
        };
        client.Raise(new GatewayClientCreated(client.Id, actorId, now, client.Name, client.Environment, client.VisiblePrefix));
        return client;
    }

    public Result Revoke(Guid actorId, DateTimeOffset now)
    {
        if (RevokedAt is not null) return Result.Conflict(GatewayClientErrors.AlreadyRevoked);
        RevokedAt = now;
        RevokedBy = actorId;
        Raise(new GatewayClientRevoked(Id, actorId, now, Name, Environment, VisiblePrefix));
        return Result.Ok();
    }

    /// <summary>The back-office saw the credential in use (recorded at most once in a while by the caller).</summary>
    public void MarkUsed(DateTimeOffset now)
    {
        if (LastUsedAt is null || now > LastUsedAt) LastUsedAt = now;
    }
}

public static class GatewayClientErrors
{
    public static readonly Error NameRequired = new("gateway_client.name_required", "Donnez un nom à la passerelle, par exemple « Passerelle nginx de production ».");
    public static readonly Error NameTooLong = new("gateway_client.name_too_long", $"Le nom ne doit pas dépasser {GatewayClient.NameMaxLength} caractères.");
    public static readonly Error EnvironmentInvalid = new("gateway_client.environment_invalid", "Choisissez l'environnement de la passerelle : production ou bac à sable.");
    public static readonly Error AlreadyRevoked = new("gateway_client.already_revoked", "Cet identifiant de passerelle est déjà révoqué.");
}

/// <summary>Events of a gateway credential. None carries the secret nor its hash: the audit row is the event as JSON.</summary>
public abstract record GatewayClientEvent(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string Name, ApiKeyEnvironment Environment,
    string VisiblePrefix) : DomainEvent(AggregateId, ActorId, OccurredAt)
{
    public sealed override string AggregateType => "GatewayClient";
}

public sealed record GatewayClientCreated(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string Name, ApiKeyEnvironment Environment,
    string VisiblePrefix) : GatewayClientEvent(AggregateId, ActorId, OccurredAt, Name, Environment, VisiblePrefix)
{
    public override string Action => "gateway_client.created";
    public override string? ToState => nameof(GatewayClientStatus.Active);
}

public sealed record GatewayClientRevoked(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string Name, ApiKeyEnvironment Environment,
    string VisiblePrefix) : GatewayClientEvent(AggregateId, ActorId, OccurredAt, Name, Environment, VisiblePrefix)
{
    public override string Action => "gateway_client.revoked";
    public override string? FromState => nameof(GatewayClientStatus.Active);
    public override string? ToState => nameof(GatewayClientStatus.Revoked);
}
