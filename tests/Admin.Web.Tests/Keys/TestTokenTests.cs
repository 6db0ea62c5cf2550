using Admin.Domain.ApiKeys;
using Admin.Infrastructure.Keys;
using Admin.Infrastructure.Seed;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Keys;

/// <summary>The application as in production: no demo data, only the reference seeding.</summary>
public sealed class ProductionWebFactory : AdminWebFactory
{
    protected override string EnvironmentName => "Production";
}

public sealed class TestTokenTests(ProductionWebFactory app) : IClassFixture<ProductionWebFactory>
{
    [Fact]
    public async Task After_seeding_in_production_test_token_exists_once_audited_as_a_sandbox_key_with_every_offered_scope()
    {
        var (tokens, demoUsers, catalogue, audit) = await app.WithDbAsync(async db => (
            await db.TestTokens.AsNoTracking().ToListAsync(),
            await db.Users.CountAsync(),
            await db.Scopes.AsNoTracking().ToListAsync(),
            await db.AuditEvents.AsNoTracking().CountAsync(a => a.AggregateType == "TestToken" && a.Action == "test_token.created")));

        var token = Assert.Single(tokens);
        Assert.Equal(0, demoUsers);
        Assert.Equal((TestToken.FixedId, ApiKeySecrets.Hash("test-token"), ApiKeyEnvironment.Sandbox, 20),
            (token.Id, token.Hash, token.Environment, token.RatePerSecond));
        Assert.Equal(1, audit);
        var offered = catalogue.Where(s => !s.IsRetired).Select(s => s.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(catalogue, s => s.IsRetired);
        Assert.True(offered.Count > 10);
        Assert.Equal(offered, TestToken.ScopesFrom(catalogue));
    }

    [Fact]
    public async Task Test_token_is_found_in_the_sandbox_only_and_by_its_exact_value()
    {
        var sandbox = await app.WithDbAsync(db => ApiKeyLookup.FindTestTokenAsync(db, "test-token", ApiKeyEnvironment.Sandbox, CancellationToken.None));
        var production = await app.WithDbAsync(db => ApiKeyLookup.FindTestTokenAsync(db, "test-token", ApiKeyEnvironment.Production, CancellationToken.None));
        var otherCase = await app.WithDbAsync(db => ApiKeyLookup.FindTestTokenAsync(db, "Test-Token", ApiKeyEnvironment.Sandbox, CancellationToken.None));

        Assert.Equal(TestToken.FixedId, sandbox?.Id);
        Assert.Null(production);
        Assert.Null(otherCase);
    }

    [Fact]
    public async Task Seeding_again_keeps_one_token_and_writes_no_second_audit_row()
    {
        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);
            return true;
        });
        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);
            return true;
        });

        Assert.Equal(1, await app.WithDbAsync(db => db.TestTokens.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "test_token.created")));
    }

    [Fact]
    public async Task A_scope_retired_by_an_administrator_is_no_longer_granted_by_test_token()
    {
        var code = await app.WithDbAsync(async db =>
        {
            var scope = await db.Scopes.FirstAsync(s => !s.IsRetired && s.Code != "cnaf_quotient_familial");
            scope.Retire();
            await db.SaveChangesAsync();
            return scope.Code;
        });

        var scopes = await app.WithDbAsync(async db => TestToken.ScopesFrom(await db.Scopes.AsNoTracking().ToListAsync()));

        Assert.DoesNotContain(code, scopes);
        Assert.Contains("cnaf_quotient_familial", scopes);
    }
}
