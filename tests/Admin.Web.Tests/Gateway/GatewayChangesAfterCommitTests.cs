using System.Text.Json;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Gateway;

/// <summary>
/// The gateway hears of a change once it is committed (AfterCommitInterceptor): inside an explicit
/// transaction only at its commit, never when it is rolled back.
/// </summary>
public sealed class GatewayChangesAfterCommitTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static readonly string[] FamilyScopes = ["cnaf_quotient_familial", "cnaf_enfants"];

    private async Task<string?> CodeAsync(HttpClient client, string credential, string secret)
    {
        var response = await client.VerifyAsync(credential, new { key = secret, cost = 0 });
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
    }

    [Fact]
    public async Task A_revocation_inside_a_transaction_reaches_the_gateway_at_its_commit_and_never_when_rolled_back()
    {
        var key = await app.GatewayKeyAsync(FamilyScopes, ratePerSecond: 1000);
        var credential = await app.GatewayCredentialAsync();
        var client = app.CreateClient();
        Assert.Equal("VALID", await CodeAsync(client, credential, key.Secret));

        // Rolled back: the cached key stays valid, and so does the stored one.
        var duringRollback = await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await RevokeAsync(db, key);
            var seen = await CodeAsync(client, credential, key.Secret);
            await transaction.RollbackAsync();
            return seen;
        });
        var afterRollback = await CodeAsync(client, credential, key.Secret);

        // Committed: still valid before the commit (the row is not committed), revoked right after it.
        var (beforeCommit, afterCommit) = await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await RevokeAsync(db, key);
            var before = await CodeAsync(client, credential, key.Secret);
            await transaction.CommitAsync();
            return (before, await CodeAsync(client, credential, key.Secret));
        });

        Assert.Equal(("VALID", "VALID"), (duringRollback, afterRollback));
        Assert.Equal(("VALID", "REVOKED"), (beforeCommit, afterCommit));
    }

    private static async Task RevokeAsync(Admin.Infrastructure.Persistence.AdminDbContext db, GatewayKey key)
    {
        var stored = await db.ApiKeys.SingleAsync(k => k.Id == key.KeyId);
        var organization = await db.Organizations.Include(o => o.Memberships).SingleAsync(o => o.Id == stored.OrganizationId);
        Assert.True(stored.RevokeAsMember(organization, key.Applicant.User.Id, "Fuite", DateTimeOffset.UtcNow).IsSuccess);
        await db.SaveChangesAsync();
    }
}
