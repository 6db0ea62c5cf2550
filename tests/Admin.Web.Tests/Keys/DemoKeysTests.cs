using IPAddress = System.Net.IPAddress;
using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Infrastructure.Keys;
using Admin.Infrastructure.Seed;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Keys;

/// <summary>The application in Development, where the demo data is seeded at start-up.</summary>
public sealed class DevelopmentWebFactory : AdminWebFactory
{
    protected override string EnvironmentName => "Development";
}

public sealed class DemoKeysTests(DevelopmentWebFactory app) : IClassFixture<DevelopmentWebFactory>
{
    private static readonly string[] DemoKeySecrets =
    [
        DemoSecrets.ProductionKey, DemoSecrets.SandboxKey, DemoSecrets.RevokedKey, DemoSecrets.ExpiredKey, DemoSecrets.IpRestrictedKey, DemoSecrets.SuspendedKey,
    ];

    [Fact]
    public async Task The_demo_organization_has_a_key_in_each_state_each_found_by_its_documented_secret()
    {
        var now = DateTimeOffset.UtcNow;
        var (organizationKeys, states) = await app.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Name == "Commune de Démo");
            var count = await db.ApiKeys.CountAsync(k => k.OrganizationId == organization.Id);
            var found = new Dictionary<string, (ApiKey Key, Authorization Authorization)>();
            foreach (var secret in DemoKeySecrets)
            {
                var key = await ApiKeyLookup.FindAsync(db, secret, ApiKeyFormat.Parse(secret)!.Environment, CancellationToken.None)
                    ?? throw new InvalidOperationException("No demo key for " + secret[..14]);
                found[secret] = (key, await db.Authorizations.AsNoTracking().SingleAsync(a => a.Id == key.AuthorizationId));
            }
            return (count, found);
        });

        Assert.Equal(6, organizationKeys);
        var (valid, authorization) = states[DemoSecrets.ProductionKey];
        Assert.Equal((ApiKeyStatus.Active, AuthorizationStatus.Active, 20, (long?)100_000, (long?)2_000_000),
            (valid.StatusAt(authorization, now), authorization.Status, authorization.RatePerSecond, authorization.DailyQuota, authorization.MonthlyQuota));
        Assert.Empty(valid.AllowedIps);
        Assert.Equal((ApiKeyEnvironment.Sandbox, ApiKeyStatus.Active), (states[DemoSecrets.SandboxKey].Key.Environment, states[DemoSecrets.SandboxKey].Key.StatusAt(authorization, now)));
        Assert.Equal(ApiKeyStatus.Revoked, states[DemoSecrets.RevokedKey].Key.StatusAt(authorization, now));
        Assert.Equal(ApiKeyStatus.Expired, states[DemoSecrets.ExpiredKey].Key.StatusAt(authorization, now));
        var restricted = states[DemoSecrets.IpRestrictedKey].Key;
        Assert.Equal((ApiKeyStatus.Active, DemoSecrets.IpRestrictedRange), (restricted.StatusAt(authorization, now), Assert.Single(restricted.AllowedIps)));
        Assert.True(restricted.AllowsClient(IPAddress.Parse("192.0.2.42")));
        Assert.False(restricted.AllowsClient(IPAddress.Parse("198.51.100.7")));
        var (suspendedKey, suspended) = states[DemoSecrets.SuspendedKey];
        Assert.Equal((ApiKeyStatus.Active, AuthorizationStatus.Suspended), (suspendedKey.StatusAt(suspended, now), suspended.Status));
        Assert.NotEqual(authorization.Id, suspended.Id);
        Assert.NotNull(suspended.SuspensionReason);
    }

    [Fact]
    public void Every_demo_secret_is_well_formed_distinct_and_listed_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        string[] credentials = [DemoSecrets.ProductionGatewayCredential, DemoSecrets.SandboxGatewayCredential];

        Assert.All(DemoKeySecrets, secret => Assert.True(ApiKeyFormat.IsValid(secret), secret));
        Assert.All(credentials, secret => Assert.NotNull(GatewayCredentialSecrets.FromSecret(secret)));
        Assert.Equal(DemoKeySecrets.Length + credentials.Length, DemoKeySecrets.Concat(credentials).Distinct(StringComparer.Ordinal).Count());
        Assert.All(DemoKeySecrets.Concat(credentials).Append(DemoSecrets.IpRestrictedRange), secret => Assert.Contains($"`{secret}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gateway_credential_per_environment_has_the_documented_demo_secret()
    {
        var production = await app.WithDbAsync(db => GatewayCredentialSecrets.FindActiveAsync(db, DemoSecrets.ProductionGatewayCredential, CancellationToken.None));
        var sandbox = await app.WithDbAsync(db => GatewayCredentialSecrets.FindActiveAsync(db, DemoSecrets.SandboxGatewayCredential, CancellationToken.None));

        Assert.Equal(ApiKeyEnvironment.Production, production?.Environment);
        Assert.Equal(ApiKeyEnvironment.Sandbox, sandbox?.Environment);
    }

    [Fact]
    public async Task Outside_development_no_demo_key_nor_credential_exists()
    {
        using var production = new ProductionWebFactory();
        var (keys, gateways, authorizations) = await production.WithDbAsync(async db =>
            (await db.ApiKeys.CountAsync(), await db.GatewayClients.CountAsync(), await db.Authorizations.CountAsync()));
        var demoHashes = DemoKeySecrets.Select(ApiKeySecrets.Hash).ToList();

        Assert.Equal((0, 0, 0), (keys, gateways, authorizations));
        Assert.False(await production.WithDbAsync(db => db.ApiKeys.AnyAsync(k => demoHashes.Contains(k.Hash))));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ApiParticulier.Admin.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
