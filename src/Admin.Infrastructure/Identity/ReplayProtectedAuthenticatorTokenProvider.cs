using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Admin.Infrastructure.Identity;

/// <summary>
/// TOTP codes from an authenticator app (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), each
/// accepted once: the last accepted time step is stored on the user and a code for that step or an
/// earlier one is refused (RFC 6238 §5.2), so a code seen over a shoulder or in a proxy log cannot
/// be replayed within its window. One step of clock drift is allowed each way.
/// </summary>
public sealed class ReplayProtectedAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "ReplayProtectedAuthenticator";
    public const int StepSeconds = 30;
    public const int AllowedDriftSteps = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the user's app; there is nothing to send.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var secret = Base32.Decode(key);
        if (secret is null) return false;

        var step = CurrentStep(time.GetUtcNow());
        var matched = MatchingStep(secret, token, step);
        if (matched is null || matched <= user.LastTotpTimeStep) return false;

        user.LastTotpTimeStep = matched;
        // Two sign-ins racing with one code: the concurrency stamp lets only one of them save.
        return (await manager.UpdateAsync(user)).Succeeded;
    }

    public static long CurrentStep(DateTimeOffset now) => now.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long? MatchingStep(byte[] secret, string token, long step)
    {
        long? matched = null;
        for (var drift = -AllowedDriftSteps; drift <= AllowedDriftSteps; drift++)
        {
            var candidate = Code(secret, step + drift);
            // Compare every candidate in constant time, keep the latest step that matches.
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(candidate), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                matched = step + drift;
            }
        }

        return matched;
    }
}

/// <summary>RFC 4648 base32 (the authenticator key's format), without padding, case-insensitive.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[]? Decode(string input)
    {
        var text = input.Trim().TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var output = new byte[text.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(c);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output[index++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        return output;
    }
}
