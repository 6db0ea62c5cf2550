namespace Admin.Domain.ApiKeys;

/// <summary>Where a key may be used. Each gateway credential serves one of them.</summary>
public enum ApiKeyEnvironment
{
    Production = 1,
    Sandbox = 2,
}

public static class ApiKeyEnvironments
{
    public static string FrenchLabel(this ApiKeyEnvironment environment) => environment switch
    {
        ApiKeyEnvironment.Production => "Production",
        ApiKeyEnvironment.Sandbox => "Bac à sable",
        _ => environment.ToString(),
    };

    /// <summary>The environment as the gateway contract writes it.</summary>
    public static string ContractName(this ApiKeyEnvironment environment) => environment switch
    {
        ApiKeyEnvironment.Production => "production",
        ApiKeyEnvironment.Sandbox => "sandbox",
        _ => throw new ArgumentOutOfRangeException(nameof(environment)),
    };
}

/// <summary>Why a string is not a well-formed key, checked in this order (a key holder is told the first one).</summary>
public enum ApiKeyFormatProblem
{
    UnknownPrefix = 1,
    WrongLength = 2,
    InvalidCharacter = 3,
    ChecksumMismatch = 4,
}

/// <summary>A string that has the shape of a key and whose checksum matches.</summary>
public sealed record ParsedApiKey(ApiKeyEnvironment Environment, ApiKeyPrefix Prefix);

/// <summary>
/// The key format of the gateway contract ("Keys"): <c>apip_live_</c> (production) or <c>apip_test_</c>
/// (sandbox), 32 base62 characters of randomness, then the CRC-32 (IEEE, as zlib) of the ASCII of
/// everything before it written as 6 base62 digits (<c>0-9A-Za-z</c>, most significant first,
/// left-padded with 0): 48 characters. Parsing never does I/O, so a mistyped key is rejected offline.
/// </summary>
public static class ApiKeyFormat
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public const string ProductionPrefix = "apip_live_";
    public const string SandboxPrefix = "apip_test_";
    public const int PrefixLength = 10;
    public const int RandomLength = 32;
    public const int ChecksumLength = 6;
    public const int Length = PrefixLength + RandomLength + ChecksumLength;

    public static string PrefixOf(ApiKeyEnvironment environment) => environment switch
    {
        ApiKeyEnvironment.Production => ProductionPrefix,
        ApiKeyEnvironment.Sandbox => SandboxPrefix,
        _ => throw new ArgumentOutOfRangeException(nameof(environment)),
    };

    /// <summary>The whole key for <paramref name="random"/> (32 base62 characters from a cryptographic generator).</summary>
    public static string Compose(ApiKeyEnvironment environment, string random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (random.Length != RandomLength || !IsBase62(random))
            throw new ArgumentException($"The random part must be {RandomLength} base62 characters.", nameof(random));
        var body = PrefixOf(environment) + random;
        return body + Checksum(body);
    }

    /// <summary>The 6 base62 digits of the CRC-32 of <paramref name="body"/>'s ASCII bytes.</summary>
    public static string Checksum(ReadOnlySpan<char> body)
    {
        var value = Crc32.Of(body);
        Span<char> digits = stackalloc char[ChecksumLength];
        for (var i = ChecksumLength - 1; i >= 0; i--)
        {
            digits[i] = Alphabet[(int)(value % 62)];
            value /= 62;
        }

        return new string(digits);
    }

    /// <summary>The key's environment and visible prefix, or null when it is not a well-formed key with a matching checksum.</summary>
    public static ParsedApiKey? Parse(string? key)
    {
        if (key is null || key.Length != Length) return null;
        ApiKeyEnvironment environment;
        if (key.StartsWith(ProductionPrefix, StringComparison.Ordinal)) environment = ApiKeyEnvironment.Production;
        else if (key.StartsWith(SandboxPrefix, StringComparison.Ordinal)) environment = ApiKeyEnvironment.Sandbox;
        else return null;

        var rest = key.AsSpan(PrefixLength);
        if (!IsBase62(rest)) return null;
        var body = key.AsSpan(0, PrefixLength + RandomLength);
        if (!key.AsSpan(PrefixLength + RandomLength).SequenceEqual(Checksum(body))) return null;
        return new ParsedApiKey(environment, ApiKeyPrefix.Of(key));
    }

    public static bool IsValid(string? key) => Parse(key) is not null;

    /// <summary>What is wrong with <paramref name="key"/>, or null when it is well formed ("Tester ma clé" explains it offline).</summary>
    public static ApiKeyFormatProblem? Diagnose(string? key)
    {
        if (key is null || !(key.StartsWith(ProductionPrefix, StringComparison.Ordinal) || key.StartsWith(SandboxPrefix, StringComparison.Ordinal)))
            return ApiKeyFormatProblem.UnknownPrefix;
        if (key.Length != Length) return ApiKeyFormatProblem.WrongLength;
        if (!IsBase62(key.AsSpan(PrefixLength))) return ApiKeyFormatProblem.InvalidCharacter;
        return Parse(key) is null ? ApiKeyFormatProblem.ChecksumMismatch : null;
    }

    private static bool IsBase62(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z'))) return false;
        }

        return true;
    }
}

/// <summary>
/// What support and the partner see of a key once it is created: its environment prefix and the
/// first 4 random characters (<c>apip_live_3kF9</c>), shown followed by an ellipsis.
/// </summary>
public readonly record struct ApiKeyPrefix
{
    public const int VisibleRandomLength = 4;
    public const int Length = ApiKeyFormat.PrefixLength + VisibleRandomLength;

    private ApiKeyPrefix(string value) => Value = value;

    public string Value { get; }

    /// <summary>The prefix of a whole key (its format is checked by the caller).</summary>
    public static ApiKeyPrefix Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < Length) throw new ArgumentException("Not a key.", nameof(key));
        return new ApiKeyPrefix(key[..Length]);
    }

    /// <summary>A stored prefix read back.</summary>
    public static ApiKeyPrefix FromStored(string value) => new(value);

    /// <summary>How the prefix is displayed: <c>apip_live_3kF9…</c>.</summary>
    public string Display => Value + "…";

    public override string ToString() => Value;
}

/// <summary>CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as zlib), computed here so the domain needs no package.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of the text's characters taken as bytes (a key is ASCII).</summary>
    public static uint Of(ReadOnlySpan<char> ascii)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var c in ascii)
        {
            crc = Table[(crc ^ (byte)c) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
