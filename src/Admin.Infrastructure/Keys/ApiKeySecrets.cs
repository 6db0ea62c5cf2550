using System.Security.Cryptography;
using System.Text;
using Admin.Domain.ApiKeys;

namespace Admin.Infrastructure.Keys;

/// <summary>A new key: the secret, to show once and forget, and what is stored of it.</summary>
public sealed record GeneratedApiKey(string Secret, ApiKeyMaterial Material);

/// <summary>
/// Key material: 32 base62 characters from the operating system's cryptographic generator
/// (uniform over the alphabet, ≈ 190 bits), the contract's checksum, and the SHA-256 of the whole
/// secret, which is all that is kept.
/// </summary>
public static class ApiKeySecrets
{
    public static GeneratedApiKey Generate(ApiKeyEnvironment environment)
    {
        var random = RandomNumberGenerator.GetString(ApiKeyFormat.Alphabet, ApiKeyFormat.RandomLength);
        return FromSecret(ApiKeyFormat.Compose(environment, random));
    }

    /// <summary>The material of a known, well-formed secret (generation, and the fixed demo key of Development).</summary>
    public static GeneratedApiKey FromSecret(string secret)
    {
        var parsed = ApiKeyFormat.Parse(secret) ?? throw new ArgumentException("Not a well-formed key.", nameof(secret));
        return new GeneratedApiKey(secret, new ApiKeyMaterial(parsed.Environment, parsed.Prefix, Hash(secret)));
    }

    /// <summary>SHA-256 of the secret's ASCII, lower-case hexadecimal: the stored and looked-up value.</summary>
    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));
    }

    /// <summary>
    /// Whether <paramref name="secret"/> hashes to <paramref name="storedHash"/>, compared in constant
    /// time so the comparison's duration says nothing about how many leading digits matched.
    /// </summary>
    public static bool Verify(string secret, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(storedHash);
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        if (storedHash.Length != SHA256.HashSizeInBytes * 2
            || Convert.FromHexString(storedHash, expected, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != SHA256.HashSizeInBytes)
            return false;
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes(secret), actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
