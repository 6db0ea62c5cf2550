using System.Globalization;
using System.Text.RegularExpressions;
using Admin.Domain.Common;

namespace Admin.Domain.AccessRequests;

/// <summary>
/// The number a request is known by, "DA-2026-000123": the year of its creation (Paris time) and its rank among that
/// year's requests, six digits (more past 999 999, never fewer). Given once, when the request is first saved, from a
/// per-year counter in the database (docs/decisions/0017-request-numbers.md).
/// </summary>
public static partial class RequestNumber
{
    public const string Prefix = "DA";
    public const int MaxLength = 20;

    public static string Format(int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year:D4}-{sequence:D6}");
    }

    /// <summary>The year whose counter numbers a request created at <paramref name="createdAt"/>.</summary>
    public static int YearOf(DateTimeOffset createdAt) => ParisTime.ToParis(createdAt).Year;

    /// <summary>
    /// A number as typed in a search box ("da-2026-123", "DA 2026 000123", "2026-000123"): the stored form, or null when
    /// the text cannot be one.
    /// </summary>
    public static string? Normalize(string? input)
    {
        var match = Typed().Match(input?.Trim() ?? "");
        if (!match.Success) return null;

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var sequence = int.Parse(match.Groups["sequence"].Value, CultureInfo.InvariantCulture);
        return sequence == 0 ? null : Format(year, sequence);
    }

    [GeneratedRegex(@"^(?:n°\s*)?(?:DA[\s\-_]*)?(?<year>\d{4})[\s\-_/]+(?<sequence>\d{1,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Typed();
}
