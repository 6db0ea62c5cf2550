using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Admin.Infrastructure.Gateway;

/// <summary>
/// The SHA-256 of a secret as 32 bytes in a value (no string per cached key): what the gateway's
/// caches are keyed by, and what <see cref="Keys.ApiKeySecrets.Hash"/> writes in hexadecimal.
/// </summary>
public readonly record struct KeyHash(ulong A, ulong B, ulong C, ulong D)
{
    public static KeyHash Of(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> bytes = stackalloc byte[256 * 3];
        var count = Encoding.UTF8.GetBytes(secret.AsSpan(0, Math.Min(secret.Length, 256)), bytes);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes[..count], hash);
        return FromBytes(hash);
    }

    public static KeyHash FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        Span<byte> hash = stackalloc byte[32];
        Convert.FromHexString(hex, hash, out _, out _);
        return FromBytes(hash);
    }

    /// <summary>
    /// The first 128 bits, what the key cache is keyed by (16 bytes less per cached key). Telling two keys apart by them
    /// is safe: the secrets are random, and making a secret whose SHA-256 starts like another key's is a 2^128 search.
    /// </summary>
    public UInt128 Prefix => new(A, B);

    public string ToHex()
    {
        Span<byte> hash = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(hash, A);
        BinaryPrimitives.WriteUInt64BigEndian(hash[8..], B);
        BinaryPrimitives.WriteUInt64BigEndian(hash[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(hash[24..], D);
        return Convert.ToHexStringLower(hash);
    }

    private static KeyHash FromBytes(ReadOnlySpan<byte> hash) => new(
        BinaryPrimitives.ReadUInt64BigEndian(hash),
        BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(hash[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));
}
