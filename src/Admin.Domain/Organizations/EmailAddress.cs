using Admin.Domain.Common;

namespace Admin.Domain.Organizations;

/// <summary>
/// An e-mail address, trimmed and lower-cased. The check is deliberately simple (one @, a dotted
/// domain, no spaces): the real proof that an address works is the mail we send to it.
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

    public override string ToString() => Value;

    private static bool IsWellFormed(string value)
    {
        // U+FFFD stands for a character that was not text (the web layer puts it in place of those it refuses).
        if (value.Length > MaxLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFFFD'))
            return false;

        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at > 64)
            return false;

        var local = value[..at];
        var domain = value[(at + 1)..];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
            return false;

        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(label => label.Length is > 0 and <= 63 && !label.StartsWith('-') && !label.EndsWith('-')
                                   && label.All(c => char.IsLetterOrDigit(c) || c == '-'))
            && labels[^1].Length >= 2
            && !labels[^1].All(char.IsAsciiDigit);
    }
}

public static class EmailAddressErrors
{
    public static readonly Error Required = new("email.required", "Indiquez une adresse électronique.");
    public static readonly Error Invalid = new("email.invalid", "L'adresse électronique n'est pas valide (exemple : prenom.nom@mairie.fr).");
}
