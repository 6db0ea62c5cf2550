using Admin.Domain.Common;

namespace Admin.Domain.Organizations;

/// <summary>
/// An e-mail address, trimmed and lower-cased. The one rule for every address the app accepts
/// (accounts, invitations, contacts) before anything is queued: an RFC 5322 dot-atom local part
/// (ASCII letters, digits and <c>!#$%&amp;'*+/=?^_`{|}~-</c>) and a dotted domain of ASCII letters,
/// digits and hyphens. Whatever passes is an address MailKit can send to (a test checks both agree);
/// the real proof that it works is the mail we send.
/// </summary>
public readonly record struct EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static Result<EmailAddress> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return Result<EmailAddress>.Failure(ErrorKind.Validation, [EmailAddressErrors.Required]);

        var value = input.Trim().ToLowerInvariant();
        return IsWellFormed(value)
            ? new EmailAddress(value)
            : Result<EmailAddress>.Failure(ErrorKind.Validation, [EmailAddressErrors.Invalid]);
    }

    /// <summary>The same rule as <see cref="Parse"/>, for validators that only need a yes or no.</summary>
    public static bool IsValid(string? input) => Parse(input).IsSuccess;

    public override string ToString() => Value;

    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~-";

    private static bool IsWellFormed(string value)
    {
        if (value.Length > MaxLength)
            return false;

        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at > 64)
            return false;

        var local = value[..at];
        var domain = value[(at + 1)..];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || !local.All(c => char.IsAsciiLetterOrDigit(c) || c == '.' || LocalSpecials.Contains(c)))
            return false;

        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(label => label.Length is > 0 and <= 63 && !label.StartsWith('-') && !label.EndsWith('-')
                                   && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            && labels[^1].Length >= 2
            && !labels[^1].All(char.IsAsciiDigit);
    }
}

public static class EmailAddressErrors
{
    public static readonly Error Required = new("email.required", "Indiquez une adresse électronique.");
    public static readonly Error Invalid = new("email.invalid", "L'adresse électronique n'est pas valide (exemple : prenom.nom@mairie.fr).");
}
