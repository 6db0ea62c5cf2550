using Admin.Domain.ApiKeys;
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
    [Fact]
    public async Task The_demo_organization_s_approved_request_has_the_documented_production_and_sandbox_keys_and_a_revoked_one()
    {
        var keys = await app.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Name == "Commune de Démo");
            return await db.ApiKeys.AsNoTracking().Where(k => k.OrganizationId == organization.Id).ToListAsync();
        });
        var found = await app.WithDbAsync(db => ApiKeyLookup.FindAsync(db, DevelopmentSeeder.DemoProductionKey, ApiKeyEnvironment.Production, CancellationToken.None));
        var sandbox = await app.WithDbAsync(db => ApiKeyLookup.FindAsync(db, DevelopmentSeeder.DemoSandboxKey, ApiKeyEnvironment.Sandbox, CancellationToken.None));

        Assert.Equal(3, keys.Count);
        var valid = Assert.Single(keys, k => k.RevokedAt is null && k.Environment == ApiKeyEnvironment.Production);
        Assert.Equal(valid.Id, found?.Id);
        Assert.Equal(Assert.Single(keys, k => k.Environment == ApiKeyEnvironment.Sandbox).Id, sandbox?.Id);
        Assert.NotNull(Assert.Single(keys, k => k.RevokedAt is not null).RevocationReason);
    }

    [Fact]
    public async Task A_gateway_credential_per_environment_has_the_documented_demo_secret()
    {
        var production = await app.WithDbAsync(db => GatewayCredentialSecrets.FindActiveAsync(db, DevelopmentSeeder.DemoProductionGatewayCredential, CancellationToken.None));
        var sandbox = await app.WithDbAsync(db => GatewayCredentialSecrets.FindActiveAsync(db, DevelopmentSeeder.DemoSandboxGatewayCredential, CancellationToken.None));

        Assert.Equal(ApiKeyEnvironment.Production, production?.Environment);
        Assert.Equal(ApiKeyEnvironment.Sandbox, sandbox?.Environment);
    }

    [Fact]
    public async Task Outside_development_no_demo_key_nor_credential_exists()
    {
        using var production = new ProductionWebFactory();
        var (keys, gateways) = await production.WithDbAsync(async db => (await db.ApiKeys.CountAsync(), await db.GatewayClients.CountAsync()));

        Assert.Equal((0, 0), (keys, gateways));
    }
}
