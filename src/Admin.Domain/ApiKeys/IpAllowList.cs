using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Admin.Domain.Common;

namespace Admin.Domain.ApiKeys;

/// <summary>
/// A key's optional list of client addresses: IPv4 or IPv6 addresses and CIDR ranges. Empty means
/// any address. Entries are kept in their canonical form (IPv6 in lower case, compressed), so two
/// spellings of one address are one duplicate, and the gateway compares without parsing text again.
/// </summary>
public sealed class IpAllowList
{
    public const int MaxEntries = 50;
    public const string Field = "AllowedIps";

    /// <summary>Longest stored form: every entry a full IPv6 range ("ffff:…:ffff/128", 43 characters) and a separator.</summary>
    public const int StoredMaxLength = MaxEntries * 44;

    private static readonly char[] Separators = [' ', '\n', '\r', '\t', ',', ';'];

    private readonly IPNetwork[] _networks;

    private IpAllowList(IReadOnlyList<string> entries, IPNetwork[] networks)
    {
        Entries = entries;
        _networks = networks;
    }

    public static IpAllowList Empty { get; } = new([], []);

    public IReadOnlyList<string> Entries { get; }

    public bool IsEmpty => Entries.Count == 0;

    /// <summary>
    /// Reads what a partner typed: entries separated by spaces, commas, semicolons or new lines.
    /// Every invalid entry gets its own French error on <see cref="Field"/>, naming it.
    /// </summary>
    public static Result<IpAllowList> Parse(string? text)
    {
        var entries = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = new List<Error>();
        var canonical = new List<string>();
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            var (network, error) = ParseEntry(entry);
            if (error is not null) { errors.Add(error); continue; }
            var form = Canonical(network);
            if (canonical.Contains(form, StringComparer.Ordinal))
            {
                if (!errors.Any(e => e.Code == ApiKeyErrors.IpDuplicateCode && e.Message.Contains($"« {form} »", StringComparison.Ordinal)))
                    errors.Add(ApiKeyErrors.IpDuplicate(form).ForField(Field));
                continue;
            }

            canonical.Add(form);
            networks.Add(network);
        }

        if (canonical.Count > MaxEntries) errors.Add(ApiKeyErrors.IpTooMany.ForField(Field));
        return errors.Count > 0 ? Result<IpAllowList>.Failure(ErrorKind.Validation, errors) : new IpAllowList(canonical, [.. networks]);
    }

    /// <summary>Rebuilds a list from its stored canonical entries.</summary>
    public static IpAllowList FromStored(IEnumerable<string> entries)
    {
        var parsed = Parse(string.Join(' ', entries));
        return parsed.IsSuccess ? parsed.Value : throw new InvalidOperationException("A stored allow-list entry is invalid.");
    }

    /// <summary>Whether a call from <paramref name="client"/> may pass: always with no list; never from an unknown address with one.</summary>
    public bool Allows(IPAddress? client)
    {
        if (IsEmpty) return true;
        if (client is null) return false;
        if (client.IsIPv4MappedToIPv6) client = client.MapToIPv4();
        return _networks.Any(n => n.Contains(client));
    }

    private static (IPNetwork Network, Error? Error) ParseEntry(string entry)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? entry : entry[..slash];
        if (!TryParseAddress(addressText, out var address)) return (default, ApiKeyErrors.IpInvalid(entry).ForField(Field));
        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0) return (new IPNetwork(address, maxPrefix), null);

        var prefixText = entry[(slash + 1)..];
        if (prefixText.Length is 0 or > 3 || !prefixText.All(char.IsAsciiDigit)) return (default, ApiKeyErrors.IpInvalid(entry).ForField(Field));
        var prefix = int.Parse(prefixText, CultureInfo.InvariantCulture);
        if (prefix > maxPrefix) return (default, ApiKeyErrors.IpPrefixOutOfRange(entry, maxPrefix).ForField(Field));
        // A range is written from its first address: "203.0.113.7/24" most likely hides a typo.
        var first = Masked(address, prefix);
        if (!first.Equals(address)) return (default, ApiKeyErrors.IpRangeNotAtItsStart(entry, Canonical(new IPNetwork(first, prefix))).ForField(Field));
        return IPNetwork.TryParse($"{address}/{prefix}", out var network)
            ? (network, null)
            : (default, ApiKeyErrors.IpInvalid(entry).ForField(Field));
    }

    /// <summary>
    /// Dotted IPv4 with four decimal parts only (IPAddress.TryParse also takes "10.1" or "0x0a.0.0.1",
    /// which nobody means), or IPv6 without a zone ("%eth0" means nothing to the gateway).
    /// </summary>
    private static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (!IPAddress.TryParse(text, out var parsed) || parsed is null) return false;
        if (parsed.AddressFamily == AddressFamily.InterNetwork)
        {
            if (!string.Equals(parsed.ToString(), text, StringComparison.Ordinal)) return false;
        }
        else if (parsed.AddressFamily != AddressFamily.InterNetworkV6 || parsed.ScopeId != 0 || text.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static IPAddress Masked(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }

    /// <summary>A single address is written without its /32 or /128; a range with its prefix.</summary>
    private static string Canonical(IPNetwork network)
    {
        var single = network.PrefixLength == (network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        return single ? network.BaseAddress.ToString() : network.ToString();
    }
}
