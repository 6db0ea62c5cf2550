using System.Text;

namespace Admin.Domain.Gateways;

/// <summary>
/// The original path a gateway forwards (X-Forwarded-Uri or X-Original-URI), as the contract reads it:
/// the query string dropped, percent-decoded once, refused when it holds a <c>.</c> or <c>..</c>
/// segment, an encoded slash, a backslash, a control character, a lone surrogate or U+FFFE/U+FFFF; a trailing slash ignored.
/// </summary>
public static class ForwardedPath
{
    /// <summary>The path to match, or null when it is invalid (INVALID_URI).</summary>
    public static string? Normalize(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var query = uri.AsSpan().IndexOfAny('?', '#');
        var raw = query < 0 ? uri.AsSpan() : uri.AsSpan(0, query);
        if (raw.Length == 0 || raw[0] != '/') return null;
        // A lone surrogate is no character at all: no UTF-8 spelling reaches the upstream. Checked once here, on what was
        // sent; what percent-decoding adds is strict UTF-8, which holds none.
        if (HasLoneSurrogate(raw)) return null;

        string decoded;
        if (raw.IndexOf('%') < 0)
        {
            decoded = raw.ToString();
        }
        else
        {
            var bytes = new List<byte>(raw.Length);
            Span<byte> buffer = stackalloc byte[4];
            for (var i = 0; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c == '%')
                {
                    if (i + 2 >= raw.Length || !IsHex(raw[i + 1]) || !IsHex(raw[i + 2])) return null;
                    var value = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                    if (value is (byte)'/' or (byte)'\\') return null;
                    bytes.Add(value);
                    i += 2;
                }
                else if (c > 0x7F)
                {
                    var pair = char.IsHighSurrogate(c);
                    var written = Encoding.UTF8.GetBytes(raw.Slice(i, pair ? 2 : 1), buffer);
                    for (var b = 0; b < written; b++) bytes.Add(buffer[b]);
                    if (pair) i++;
                }
                else
                {
                    bytes.Add((byte)c);
                }
            }

            try
            {
                decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }

        foreach (var c in decoded)
        {
            if (c == '\\' || char.IsControl(c) || c is '\uFFFE' or '\uFFFF') return null;
        }

        var segments = decoded.Split('/');
        foreach (var segment in segments)
        {
            if (segment is "." or "..") return null;
        }

        var trimmed = decoded.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }

    private static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return true;
            i++;
        }

        return false;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
