using Admin.Domain.Common;

namespace Admin.Domain.Organizations;

/// <summary>Postal address of an organization (France: 5-digit postal code, overseas included).</summary>
public sealed record Address
{
    public const int StreetMaxLength = 200;
    public const int CityMaxLength = 100;

    private Address() { }

    private Address(string street, string postalCode, string city)
    {
        Street = street;
        PostalCode = postalCode;
        City = city;
    }

    public string Street { get; private set; } = "";
    public string PostalCode { get; private set; } = "";
    public string City { get; private set; } = "";

    /// <summary>Fields of the errors are "Address.Street", "Address.PostalCode", "Address.City".</summary>
    public static Result<Address> Create(string? street, string? postalCode, string? city)
    {
        var errors = new List<Error>();
        var cleanStreet = street?.Trim() ?? "";
        var cleanPostalCode = string.Concat((postalCode ?? "").Where(c => !char.IsWhiteSpace(c)));
        var cleanCity = city?.Trim() ?? "";

        if (cleanStreet.Length == 0) errors.Add(OrganizationErrors.StreetRequired.ForField("Address.Street"));
        else if (cleanStreet.Length > StreetMaxLength) errors.Add(OrganizationErrors.StreetTooLong.ForField("Address.Street"));

        if (cleanPostalCode.Length != 5 || !cleanPostalCode.All(char.IsAsciiDigit))
            errors.Add(OrganizationErrors.PostalCodeFormat.ForField("Address.PostalCode"));

        if (cleanCity.Length == 0) errors.Add(OrganizationErrors.CityRequired.ForField("Address.City"));
        else if (cleanCity.Length > CityMaxLength) errors.Add(OrganizationErrors.CityTooLong.ForField("Address.City"));

        return errors.Count == 0
            ? new Address(cleanStreet, cleanPostalCode, cleanCity)
            : Result<Address>.Failure(ErrorKind.Validation, errors);
    }
}
