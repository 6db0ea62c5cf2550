using Admin.Domain.Common;

namespace Admin.Domain.Organizations;

/// <summary>
/// Identifies one establishment of a public body: SIREN (9 digits) followed by NIC (5 digits),
/// the whole checked with the Luhn formula.
/// </summary>
public readonly record struct Siret
{
    /// <summary>
    /// La Poste numbers its many establishments under one SIREN and INSEE could not keep them all
    /// Luhn-valid; for that SIREN a digit sum that is a multiple of 5 is accepted as well.
    /// </summary>
    public const string LaPosteSiren = "356000000";

    private Siret(string value) => Value = value;

    /// <summary>The 14 digits, without spaces.</summary>
    public string Value { get; }

    public string Siren => Value[..9];

    /// <summary>Accepts spaces anywhere ("217 500 016 00019" is fine).</summary>
    public static Result<Siret> Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return Fail(OrganizationErrors.SiretRequired);

        var digits = string.Concat(input.Where(c => !char.IsWhiteSpace(c)));
        if (digits.Length != 14 || !digits.All(char.IsAsciiDigit))
            return Fail(OrganizationErrors.SiretFormat);

        if (!IsLuhnValid(digits) && !IsValidLaPosteNumber(digits))
            return Fail(OrganizationErrors.SiretChecksum);

        return new Siret(digits);
    }

    public override string ToString() => Value;

    /// <summary>As people read it: SIREN in three groups of three, then the NIC ("217 500 016 00019").</summary>
    public string Formatted => Format(Value);

    /// <summary>
    /// Groups 14 digits as a SIRET is written ("217 500 016 00019"); anything else (a partial entry,
    /// a search) is returned as it is.
    /// </summary>
    public static string Format(string? digits) =>
        digits is { Length: 14 } && digits.All(char.IsAsciiDigit)
            ? $"{digits[..3]} {digits[3..6]} {digits[6..9]} {digits[9..]}"
            : digits ?? "";

    private static Result<Siret> Fail(Error error) =>
        Result<Siret>.Failure(ErrorKind.Validation, [error.ForField(nameof(Organization.Siret))]);

    private static bool IsLuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9) digit -= 9;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static bool IsValidLaPosteNumber(string digits) =>
        digits.StartsWith(LaPosteSiren, StringComparison.Ordinal) && digits.Sum(c => c - '0') % 5 == 0;
}
