using Admin.Domain.Organizations;

namespace Admin.Web.Features;

/// <summary>The pieces every searchable, paged list shares: a LIKE pattern, the page bounds, a SIRET typed in a search box.</summary>
internal static class ListQueries
{
    /// <summary>The escape character of <see cref="ContainsPattern"/>, to give EF.Functions.Like.</summary>
    public const string LikeEscape = "\\";

    /// <summary>"%text%" with LIKE's own characters escaped, so a search for "50%" finds "50%".</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>The page to show (within 1…page count) and the page count; an empty list has one page.</summary>
    public static (int Page, int PageCount) Paging(int total, int requestedPage, int pageSize)
    {
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return (Math.Clamp(requestedPage, 1, pageCount), pageCount);
    }

    /// <summary>The SIRET a search holds when its digits make a valid one ("217 500 016 00019", "21750001600019"), else null.</summary>
    public static Siret? SiretIn(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 14 && Siret.Parse(digits) is { IsSuccess: true } parsed ? parsed.Value : null;
    }
}
