using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Admin.Domain.Gateways;

/// <summary>
/// A client address as a gateway sends it (clientIp, or the first X-Forwarded-For entry): an IPv4
/// address in dotted-decimal form or an IPv6 address, with an optional port that is ignored
/// (<c>203.0.113.7:443</c>, <c>[2001:db8::1]:443</c>). Anything else is malformed.
/// </summary>
public static class ClientAddress
{
    public static bool TryParse(ReadOnlySpan<char> text, out IPAddress? address)
    {
        address = null;
        text = text.Trim();
        if (text.Length == 0 || text.Length > 64) return false;

        if (text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close < 0) return false;
            var rest = text[(close + 1)..];
            if (rest.Length > 0 && (rest[0] != ':' || !IsPort(rest[1..]))) return false;
            return TryIPv6(text[1..close], out address);
        }

        var colons = text.Count(':');
        if (colons > 1) return TryIPv6(text, out address);
        if (colons == 1)
        {
            var colon = text.IndexOf(':');
            if (!IsPort(text[(colon + 1)..])) return false;
            text = text[..colon];
        }

        return TryIPv4(text, out address);
    }

    private static bool TryIPv4(ReadOnlySpan<char> text, out IPAddress? address)
    {
        address = null;
        var parts = 0;
        foreach (var range in text.Split('.'))
        {
            var part = text[range];
            if (part.Length is 0 or > 3 || part.IndexOfAnyExceptInRange('0', '9') >= 0) return false;
            if (int.Parse(part, CultureInfo.InvariantCulture) > 255) return false;
            parts++;
        }

        if (parts != 4 || !IPAddress.TryParse(text, out var parsed)) return false;
        address = parsed;
        return true;
    }

    private static bool TryIPv6(ReadOnlySpan<char> text, out IPAddress? address)
    {
        address = null;
        if (text.IndexOf('%') >= 0 || !IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6) return false;
        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return true;
    }

    private static bool IsPort(ReadOnlySpan<char> text) =>
        text.Length is > 0 and <= 5 && text.IndexOfAnyExceptInRange('0', '9') < 0 && int.Parse(text, CultureInfo.InvariantCulture) <= 65535;
}
