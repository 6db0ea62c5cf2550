using Admin.Domain.Common;

namespace Admin.Domain.AccessRequests;

/// <summary>
/// A French phone number, stored as "01 23 45 67 89". Accepts spaces, dots and dashes, and the
/// international forms +33 / 0033 (also +262, +590, +594, +596 for overseas departments).
/// </summary>
public readonly record struct PhoneNumber
{
    private static readonly string[] CountryCodes = ["33", "262", "590", "594", "596"];

    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    public static Result<PhoneNumber> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return Result<PhoneNumber>.Failure(ErrorKind.Validation, [PhoneNumberErrors.Required]);

        var national = ToNationalDigits(input);
        if (national is not { Length: 10 } || national[0] != '0' || national[1] == '0' || !national.All(char.IsAsciiDigit))
            return Result<PhoneNumber>.Failure(ErrorKind.Validation, [PhoneNumberErrors.Invalid]);

        return new PhoneNumber(string.Join(' ', national.Chunk(2).Select(pair => new string(pair))));
    }

    public override string ToString() => Value;

    private static string? ToNationalDigits(string input)
    {
        var compact = string.Concat(input.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-'))
            .Replace("(0)", "", StringComparison.Ordinal);

        string international;
        if (compact.StartsWith('+')) international = compact[1..];
        else if (compact.StartsWith("00", StringComparison.Ordinal)) international = compact[2..];
        else return compact;

        var code = CountryCodes.FirstOrDefault(c => international.StartsWith(c, StringComparison.Ordinal));
        if (code is null) return null;
        var subscriber = international[code.Length..];
        return subscriber.Length == 9 ? "0" + subscriber : null;
    }
}

public static class PhoneNumberErrors
{
    public static readonly Error Required = new("phone.required", "Indiquez un numéro de téléphone.");
    public static readonly Error Invalid = new("phone.invalid", "Le numéro de téléphone doit comporter 10 chiffres (exemple : 01 23 45 67 89 ou +33 1 23 45 67 89).");
}
