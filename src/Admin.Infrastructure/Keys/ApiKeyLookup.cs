using Admin.Domain.ApiKeys;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Keys;

/// <summary>
/// Finds the key a secret belongs to, as the gateway will: the format and checksum first (a
/// mistyped or random string never reaches the database), then the environment asked, then the
/// unique hash index, then a constant-time check of the hash found.
/// </summary>
public static class ApiKeyLookup
{
    public static async Task<ApiKey?> FindAsync(AdminDbContext db, string? secret, ApiKeyEnvironment environment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var parsed = ApiKeyFormat.Parse(secret);
        if (parsed is null || parsed.Environment != environment) return null;

        var hash = ApiKeySecrets.Hash(secret!);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.Environment == environment, ct);
        return key is not null && ApiKeySecrets.Verify(secret!, key.Hash) ? key : null;
    }

    /// <summary>
    /// The public sandbox key <c>test-token</c> (exempt from the format), when <paramref name="secret"/> is it
    /// and <paramref name="environment"/> is the sandbox; null otherwise (a production gateway never finds it).
    /// </summary>
    public static async Task<TestToken?> FindTestTokenAsync(AdminDbContext db, string? secret, ApiKeyEnvironment environment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!TestToken.Is(secret) || environment != ApiKeyEnvironment.Sandbox) return null;
        var hash = ApiKeySecrets.Hash(secret!);
        var token = await db.TestTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, ct);
        return token is not null && ApiKeySecrets.Verify(secret!, token.Hash) ? token : null;
    }
}
