using Admin.Domain.Common;
using Admin.Domain.Organizations;
using static Admin.Domain.AccessRequests.SectionRules;

namespace Admin.Domain.AccessRequests;

/// <summary>A person the staff can reach about the request.</summary>
public sealed record Contact
{
    public const int NameMaxLength = 100;

    private Contact() { }

    /// <summary>A valid e-mail or phone is stored normalized; an invalid one is kept as typed so the form shows it back.</summary>
    public Contact(string? firstName, string? lastName, string? email, string? phone)
    {
        FirstName = Clean(firstName);
        LastName = Clean(lastName);
        var parsedEmail = EmailAddress.Parse(email);
        Email = parsedEmail.IsSuccess ? parsedEmail.Value.Value : Clean(email);
        var parsedPhone = PhoneNumber.Parse(phone);
        Phone = parsedPhone.IsSuccess ? parsedPhone.Value.Value : Clean(phone);
    }

    internal static Contact Empty() => new();

    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        RequiredText(errors, nameof(FirstName), FirstName, NameMaxLength, AccessRequestErrors.ContactFirstNameRequired, AccessRequestErrors.ContactNameTooLong);
        RequiredText(errors, nameof(LastName), LastName, NameMaxLength, AccessRequestErrors.ContactLastNameRequired, AccessRequestErrors.ContactNameTooLong);
        errors.AddRange(EmailAddress.Parse(Email).Errors.Select(e => e.ForField(nameof(Email))));
        errors.AddRange(PhoneNumber.Parse(Phone).Errors.Select(e => e.ForField(nameof(Phone))));
        return errors;
    }
}

/// <summary>Step 5, "Contacts". The same person may hold several of these roles.</summary>
public sealed record Contacts
{
    private Contacts() { }

    public Contacts(Contact businessContact, Contact technicalContact, Contact dpo)
    {
        BusinessContact = businessContact ?? throw new ArgumentNullException(nameof(businessContact));
        TechnicalContact = technicalContact ?? throw new ArgumentNullException(nameof(technicalContact));
        Dpo = dpo ?? throw new ArgumentNullException(nameof(dpo));
    }

    internal static Contacts Empty() => new(Contact.Empty(), Contact.Empty(), Contact.Empty());

    public Contact BusinessContact { get; private set; } = null!;
    public Contact TechnicalContact { get; private set; } = null!;

    /// <summary>Délégué à la protection des données.</summary>
    public Contact Dpo { get; private set; } = null!;

    /// <summary>Fields like "BusinessContact.Email".</summary>
    public IReadOnlyList<Error> Validate() =>
    [
        .. WithPrefix(nameof(BusinessContact), BusinessContact.Validate()),
        .. WithPrefix(nameof(TechnicalContact), TechnicalContact.Validate()),
        .. WithPrefix(nameof(Dpo), Dpo.Validate()),
    ];

    internal Contacts Copy() => new(BusinessContact with { }, TechnicalContact with { }, Dpo with { });
}
