using Admin.Domain.AccessRequests;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;

namespace Admin.Domain.Tests.AccessRequests;

public class ContactsTests
{
    [Fact]
    public void Valid_contacts_have_no_error()
    {
        Assert.Empty(ValidContacts.Validate());
    }

    [Fact]
    public void Email_and_phone_are_stored_normalized()
    {
        var contact = new Contact(" Camille ", "Martin", " Camille.Martin@Paris.fr ", "+33 (0)1.42.76.40.40");

        Assert.Equal(("Camille", "camille.martin@paris.fr", "01 42 76 40 40"), (contact.FirstName, contact.Email, contact.Phone));
    }

    [Fact]
    public void Invalid_email_is_kept_as_typed_and_reported_on_its_contact()
    {
        var contacts = new Contacts(new Contact("Camille", "Martin", "camille.martin@paris", "01 42 76 40 40"), ValidContact, ValidContact);

        var error = Assert.Single(contacts.Validate());

        Assert.Equal(("email.invalid", "BusinessContact.Email"), (error.Code, error.Field));
        Assert.Equal("camille.martin@paris", contacts.BusinessContact.Email);
    }

    [Fact]
    public void Empty_dpo_reports_each_missing_field()
    {
        var contacts = new Contacts(ValidContact, ValidContact, new Contact(null, "", " ", null));

        Assert.Equal(
            [("access_request.contact_first_name_required", "Dpo.FirstName"), ("access_request.contact_last_name_required", "Dpo.LastName"),
             ("email.required", "Dpo.Email"), ("phone.required", "Dpo.Phone")],
            contacts.Validate().Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Invalid_phone_is_reported_on_its_contact()
    {
        var contacts = new Contacts(ValidContact, new Contact("Sacha", "Bernard", "sacha.bernard@paris.fr", "12 34"), ValidContact);

        var error = Assert.Single(contacts.Validate());

        Assert.Equal(("phone.invalid", "TechnicalContact.Phone"), (error.Code, error.Field));
    }

    [Fact]
    public void Names_are_limited_to_100_characters()
    {
        var contact = new Contact(new string('p', 100), new string('n', 101), "a@paris.fr", "0142764040");

        Assert.Equal([("access_request.contact_name_too_long", "LastName")], contact.Validate().Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void First_name_is_limited_to_100_characters()
    {
        Assert.Empty(new Contact(new string('p', 100), new string('n', 100), "a@paris.fr", "0142764040").Validate());
        Assert.Equal([("access_request.contact_name_too_long", "FirstName")],
            new Contact(new string('p', 101), "Martin", "a@paris.fr", "0142764040").Validate().Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Invalid_phone_is_kept_as_typed_trimmed()
    {
        var contact = new Contact("Camille", "Martin", "a@paris.fr", " 12 34 ");

        Assert.Equal(("12 34", "Martin"), (contact.Phone, contact.LastName));
    }

    [Fact]
    public void Each_contact_role_prefixes_its_own_errors()
    {
        var empty = new Contact(null, "Martin", "camille.martin@paris.fr", "01 42 76 40 40");

        Assert.Equal(
            ["BusinessContact.FirstName", "TechnicalContact.FirstName", "Dpo.FirstName"],
            new Contacts(empty, empty, empty).Validate().Select(e => e.Field));
    }

    [Fact]
    public void A_missing_contact_is_a_bug()
    {
        Assert.Throws<ArgumentNullException>(() => new Contacts(null!, ValidContact, ValidContact));
        Assert.Throws<ArgumentNullException>(() => new Contacts(ValidContact, null!, ValidContact));
        Assert.Throws<ArgumentNullException>(() => new Contacts(ValidContact, ValidContact, null!));
    }
}
