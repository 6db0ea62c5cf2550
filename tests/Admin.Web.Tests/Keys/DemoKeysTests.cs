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
    public async Task The_demo_organization_s_approved_request_has_the_documented_valid_key_and_a_revoked_one()
    {
        var keys = await app.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Name == "Commune de Démo");
            return await db.ApiKeys.AsNoTracking().Where(k => k.OrganizationId == organization.Id).ToListAsync();
        });
        var found = await app.WithDbAsync(db => ApiKeyLookup.FindAsync(db, DevelopmentSeeder.DemoProductionKey, ApiKeyEnvironment.Production, CancellationToken.None));

        Assert.Equal(2, keys.Count);
        var valid = Assert.Single(keys, k => k.RevokedAt is null);
        Assert.Equal((ApiKeyEnvironment.Production, valid.Id), (valid.Environment, found?.Id));
        Assert.NotNull(Assert.Single(keys, k => k.RevokedAt is not null).RevocationReason);
    }
}
