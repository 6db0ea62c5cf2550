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
}
