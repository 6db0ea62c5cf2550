using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Scopes;

namespace Admin.Domain.ApiKeys;

/// <summary>
/// <c>test-token</c>, the public key of API Particulier's test environment (gateway contract,
/// "Keys"): a sandbox key that exists in every installation, the one key exempt from the format
/// rule. It belongs to no organization nor authorization, so it is a record of its own, one row with
/// a fixed id, created by the reference seeding (ADR 0014). Its scopes are not stored: they are every
/// scope of the catalogue that is not retired, read when asked, so adding or retiring a scope changes
/// them at once.
/// </summary>
public sealed class TestToken : Entity
{
    public const string Value = "test-token";

    /// <summary>The one row's id, the same in every installation (the gateway answers it as keyId).</summary>
    public static readonly Guid FixedId = new("7e570000-0000-4000-8000-746573742d74");

    /// <summary>How the token is named on screens.</summary>
    public const string FrenchName = "Jeton de test public (test-token)";

    private TestToken() { }

    /// <summary>SHA-256 of <see cref="Value"/>, so the gateway looks it up by hash like any other key.</summary>
    public string Hash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public int RatePerSecond { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>Always the sandbox: a production gateway never finds it.</summary>
    public ApiKeyEnvironment Environment => ApiKeyEnvironment.Sandbox;

    /// <summary>The token, with the hash of <see cref="Value"/> computed by the caller (the domain has no hashing).</summary>
    public static TestToken Create(string hash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Length != ApiKey.HashLength) throw new ArgumentException("Not a SHA-256.", nameof(hash));
        var token = new TestToken { Id = FixedId, Hash = hash, CreatedAt = now, RatePerSecond = Grant.DefaultRatePerSecond };
        token.Raise(new TestTokenCreated(token.Id, now));
        return token;
    }

    public static bool Is(string? secret) => string.Equals(secret, Value, StringComparison.Ordinal);

    /// <summary>The scopes the token grants: every scope of <paramref name="catalogue"/> that is not retired, sorted.</summary>
    public static IReadOnlyList<string> ScopesFrom(IEnumerable<Scope> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return [.. catalogue.Where(s => !s.IsRetired).Select(s => s.Code).Order(StringComparer.Ordinal)];
    }

    public void MarkUsed(DateTimeOffset now)
    {
        if (LastUsedAt is null || now > LastUsedAt) LastUsedAt = now;
    }
}

public sealed record TestTokenCreated(Guid AggregateId, DateTimeOffset OccurredAt) : DomainEvent(AggregateId, null, OccurredAt)
{
    public override string AggregateType => "TestToken";
    public override string Action => "test_token.created";
    public override string? ToState => nameof(ApiKeyStatus.Active);
}
