namespace Admin.Infrastructure.Gateway;

/// <summary>What changed in the back-office that the gateway's caches must forget.</summary>
public enum GatewayChangeKind
{
    /// <summary>A key changed (revoked, renewed, expiry, allow-list): forget its snapshot.</summary>
    Key = 1,

    /// <summary>A key was created: forget a negative entry for its hash.</summary>
    KeyCreated = 2,

    /// <summary>An authorization changed (scopes, limits, expiry, suspension, revocation): forget its keys.</summary>
    Authorization = 3,

    /// <summary>An organization changed (suspension, name): forget its keys.</summary>
    Organization = 4,

    /// <summary>The route table changed: reload it.</summary>
    Routes = 5,

    /// <summary>A gateway credential changed or was created: forget it (and a negative entry for its hash).</summary>
    Credential = 6,

    /// <summary>The test-token or the scope catalogue it grants changed: forget it.</summary>
    TestToken = 7,
}

/// <summary>One change; <see cref="Hash"/> is the SHA-256 (hexadecimal) of a created key or credential.</summary>
public readonly record struct GatewayChange(GatewayChangeKind Kind, Guid Id, string? Hash = null);
