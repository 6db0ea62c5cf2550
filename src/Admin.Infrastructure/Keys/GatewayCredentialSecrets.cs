using System.Security.Cryptography;
using Admin.Domain.ApiKeys;
using Admin.Domain.Gateways;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Keys;

/// <summary>A new gateway credential: the secret, to show once and forget, and what is stored of it.</summary>
public sealed record GeneratedGatewayCredential(string Secret, GatewayCredentialMaterial Material);

/// <summary>
/// Gateway credentials: generated like keys (the operating system's cryptographic generator, base62),
/// stored and looked up like keys (<see cref="ApiKeySecrets.Hash"/>, then a constant-time check of the
/// hash found with <see cref="ApiKeySecrets.Verify"/>).
/// </summary>
public static class GatewayCredentialSecrets
{
    public static GeneratedGatewayCredential Generate() =>
        FromSecret(GatewayCredentialFormat.Prefix + RandomNumberGenerator.GetString(ApiKeyFormat.Alphabet, GatewayCredentialFormat.RandomLength));

    /// <summary>The material of a known, well-formed secret (generation, and the fixed demo credentials of Development).</summary>
    public static GeneratedGatewayCredential FromSecret(string secret)
    {
        if (!GatewayCredentialFormat.IsWellFormed(secret)) throw new ArgumentException("Not a well-formed gateway credential.", nameof(secret));
        return new GeneratedGatewayCredential(secret, new GatewayCredentialMaterial(GatewayCredentialFormat.VisiblePrefixOf(secret), ApiKeySecrets.Hash(secret)));
    }

    /// <summary>The active credential <paramref name="secret"/> belongs to, or null (malformed, unknown or revoked).</summary>
    public static async Task<GatewayClient?> FindActiveAsync(AdminDbContext db, string? secret, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!GatewayCredentialFormat.IsWellFormed(secret)) return null;
        var hash = ApiKeySecrets.Hash(secret!);
        var client = await db.GatewayClients.AsNoTracking().FirstOrDefaultAsync(c => c.Hash == hash, ct);
        return client is { IsActive: true } && ApiKeySecrets.Verify(secret!, client.Hash) ? client : null;
    }
}
