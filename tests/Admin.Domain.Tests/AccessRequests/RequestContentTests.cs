using Admin.Domain.AccessRequests;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;

namespace Admin.Domain.Tests.AccessRequests;

public class RequestContentTests
{
    private const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static RequestContent Complete() => Draft().Complete().WithScopes("cnaf_quotient_familial", "cnaf_allocataires").Build().Content();

    [Fact]
    public void Every_field_is_listed_as_text_in_form_order()
    {
        var fields = Complete().Fields();

        Assert.Equal(
            [
                ("Procedure.Name", "Tarification de la restauration scolaire"),
                ("Procedure.Description", ValidProcedure.Description),
                ("Procedure.PublicUrl", "https://www.paris.fr/pages/la-restauration-scolaire"),
                ("Procedure.Simplification", "Attestation de quotient familial de la CAF"),
                ("Procedure.ExpectedGoLive", "2025-09-02"),
                ("Procedure.YearlyVolume", "45000"),
                ("Procedure.Modalities", "CitizenForm, FranceConnect"),
                ("LegalBasis.Title", "Délibération 2024 DASCO 112 du Conseil de Paris"),
                ("LegalBasis.Url", "https://www.paris.fr/deliberations/2024-dasco-112"),
                ("LegalBasis.Document", null),
                ("Scopes[cnaf_allocataires]", "cnaf_allocataires"),
                ("Scopes[cnaf_quotient_familial]", "cnaf_quotient_familial"),
                ("DataProtection.Recipients", "Agents de la direction des affaires scolaires"),
                ("DataProtection.RetentionMonths", "24"),
                ("DataProtection.RetentionJustification", null),
                ("Contacts.BusinessContact.FirstName", "Camille"),
                ("Contacts.BusinessContact.LastName", "Martin"),
                ("Contacts.BusinessContact.Email", "camille.martin@paris.fr"),
                ("Contacts.BusinessContact.Phone", "01 42 76 40 40"),
                ("Contacts.TechnicalContact.FirstName", "Sacha"),
                ("Contacts.TechnicalContact.LastName", "Bernard"),
                ("Contacts.TechnicalContact.Email", "sacha.bernard@paris.fr"),
                ("Contacts.TechnicalContact.Phone", "01 42 76 50 50"),
                ("Contacts.Dpo.FirstName", "Dominique"),
                ("Contacts.Dpo.LastName", "Petit"),
                ("Contacts.Dpo.Email", "dpo@paris.fr"),
                ("Contacts.Dpo.Phone", "01 42 76 60 60"),
                ("Engagements.Charter", "2.1"),
            ],
            fields.Select(f => (f.Key, f.Value)));
    }

    [Fact]
    public void An_empty_request_lists_its_fields_without_values()
    {
        var fields = AccessRequest.Create(OrganizationId, Applicant, TestClock.Now).Content().Fields();

        Assert.All(fields, f => Assert.Null(f.Value));
        Assert.DoesNotContain(fields, f => f.Key.StartsWith("Scopes[", StringComparison.Ordinal));
        Assert.Equal("Engagements.Charter", fields[^1].Key);
    }

    [Fact]
    public void A_document_shows_its_name_and_the_start_of_its_hash()
    {
        var content = Complete() with { LegalBasis = new LegalBasis("Délibération", null, new LegalDocument(Guid.NewGuid(), "texte.pdf", 10, Sha)) };

        Assert.Equal("texte.pdf (SHA-256 9f86d081884c…)", content.Fields().Single(f => f.Key == "LegalBasis.Document").Value);
    }

    [Fact]
    public void A_charter_without_minor_shows_minor_0()
    {
        var content = Complete() with { CharterMinor = null };

        Assert.Equal("2.0", content.Fields().Single(f => f.Key == "Engagements.Charter").Value);
    }

    [Fact]
    public void Identical_contents_have_no_change()
    {
        Assert.Empty(RequestContent.Compare(Complete(), Complete()));
    }

    [Fact]
    public void A_changed_field_gives_its_value_before_and_after()
    {
        var before = Complete();
        var after = before with { DataProtection = new DataProtection(ValidDataProtection.Recipients, 48, "Recours contentieux.") };

        var changes = RequestContent.Compare(before, after);

        Assert.Equal(
            [
                new FieldChange("DataProtection.RetentionMonths", "24", "48"),
                new FieldChange("DataProtection.RetentionJustification", null, "Recours contentieux."),
            ],
            changes);
        Assert.All(changes, c => Assert.False(c.IsScope));
    }

    [Fact]
    public void Scopes_added_come_in_form_order_and_scopes_removed_at_the_end()
    {
        var before = Complete() with { Scopes = ["cnaf_quotient_familial"] };
        var after = before with { Scopes = ["men_statut_scolarite", "cnaf_enfants"], CharterMajor = 3, CharterMinor = 0 };

        Assert.Equal(
            [
                new FieldChange("Scopes[cnaf_enfants]", null, "cnaf_enfants"),
                new FieldChange("Scopes[men_statut_scolarite]", null, "men_statut_scolarite"),
                new FieldChange("Engagements.Charter", "2.1", "3.0"),
                new FieldChange("Scopes[cnaf_quotient_familial]", "cnaf_quotient_familial", null),
            ],
            RequestContent.Compare(before, after));
    }

    [Fact]
    public void Comparing_with_nothing_is_a_bug()
    {
        Assert.Throws<ArgumentNullException>(() => RequestContent.Compare(null!, Complete()));
        Assert.Throws<ArgumentNullException>(() => RequestContent.Compare(Complete(), null!));
    }
}
