using Admin.Domain.Common;

namespace Admin.Domain.AccessRequests;

/// <summary>Checks shared by the sections of a request.</summary>
internal static class SectionRules
{
    /// <summary>Trimmed text with Windows line breaks unified, so lengths match what the user typed; null when blank.</summary>
    public static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    public static void RequiredText(List<Error> errors, string field, string? value, int maxLength, Error required, Error tooLong)
    {
        if (value is null) errors.Add(required.ForField(field));
        else if (value.Length > maxLength) errors.Add(tooLong.ForField(field));
    }

    public static void OptionalHttpUrl(List<Error> errors, string field, string? value, int maxLength, Error invalid, Error tooLong)
    {
        if (value is null) return;
        if (value.Length > maxLength) errors.Add(tooLong.ForField(field));
        else if (!IsHttpUrl(value)) errors.Add(invalid.ForField(field));
    }

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    public static IReadOnlyList<Error> WithPrefix(string prefix, IEnumerable<Error> errors) =>
        [.. errors.Select(e => e.ForField(e.Field is null ? prefix : $"{prefix}.{e.Field}"))];
}
