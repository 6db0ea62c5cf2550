using Admin.Domain.Organizations;

namespace Admin.Domain.Tests.Organizations;

public class OrganizationRegistrationTests
{
    private static readonly Guid Creator = Guid.NewGuid();
    private static readonly Siret Dinum = Siret.Parse("13002526500013").Value;
    private static readonly Address Paris = Address.Create("20 avenue de Ségur", "75007", "Paris").Value;

    [Fact]
    public void Registering_makes_the_creator_an_applicant_and_raises_an_event()
    {
        var organization = Organization.Register(Dinum, "  DINUM ", OrganizationKind.EtablissementPublic, Paris, Creator, TestClock.Now).Value;

        Assert.Equal("DINUM", organization.Name);
        Assert.Equal(TestClock.Now, organization.CreatedAt);
        var membership = Assert.Single(organization.Memberships);
        Assert.Equal((Creator, MembershipRole.Applicant, TestClock.Now), (membership.UserId, membership.Role, membership.JoinedAt));
        var registered = Assert.IsType<OrganizationRegistered>(Assert.Single(organization.DomainEvents));
        Assert.Equal(("Organization", "organization.registered", Creator), (registered.AggregateType, registered.Action, registered.ActorId));
        Assert.Equal("13002526500013", registered.Siret);
    }

    [Theory]
    [InlineData(null, "organization.name_required")]
    [InlineData("  ", "organization.name_required")]
    public void Blank_name_is_refused(string? name, string code)
    {
        var result = Organization.Register(Dinum, name, OrganizationKind.Ministere, Paris, Creator, TestClock.Now);

        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Name_of_200_characters_is_accepted_and_201_refused()
    {
        Assert.True(Organization.Register(Dinum, new string('a', 200), OrganizationKind.Autre, Paris, Creator, TestClock.Now).IsSuccess);

        var result = Organization.Register(Dinum, new string('a', 201), OrganizationKind.Autre, Paris, Creator, TestClock.Now);
        Assert.Equal("organization.name_too_long", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Undefined_kind_is_refused()
    {
        var result = Organization.Register(Dinum, "DINUM", (OrganizationKind)42, Paris, Creator, TestClock.Now);

        Assert.Equal("organization.kind_invalid", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Every_kind_has_a_french_label()
    {
        Assert.Equal(
            ["Commune", "EPCI (intercommunalité)", "Département", "Région", "Ministère", "Établissement public", "Autre"],
            Enum.GetValues<OrganizationKind>().Select(k => k.FrenchLabel()));
    }

    [Theory]
    [InlineData("75 007", true)]
    [InlineData("97411", true)] // Saint-Denis, La Réunion
    [InlineData("7500", false)]
    [InlineData("750071", false)]
    [InlineData("2A004", false)] // Corsica's letters belong to INSEE codes, not postal codes
    public void Postal_code_must_be_five_digits(string postalCode, bool accepted)
    {
        var result = Address.Create("1 rue de la Paix", postalCode, "Paris");

        if (accepted) Assert.True(result.IsSuccess);
        else Assert.Equal(("organization.postal_code_format", "Address.PostalCode"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
    }

    [Fact]
    public void Address_reports_every_missing_field()
    {
        var result = Address.Create(" ", null, "");

        Assert.Equal(
            ["organization.street_required", "organization.postal_code_format", "organization.city_required"],
            result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Registering_keeps_siret_kind_and_address_and_names_them_in_the_event()
    {
        var organization = Organization.Register(Dinum, " DINUM ", OrganizationKind.EtablissementPublic, Paris, Creator, TestClock.Now).Value;

        Assert.Equal((Dinum, OrganizationKind.EtablissementPublic, Paris), (organization.Siret, organization.Kind, organization.Address));
        Assert.Equal(organization.Id, Assert.Single(organization.Memberships).OrganizationId);
        var registered = Assert.IsType<OrganizationRegistered>(Assert.Single(organization.DomainEvents));
        Assert.Equal((organization.Id, "DINUM", TestClock.Now), (registered.AggregateId, registered.Name, registered.OccurredAt));
        Assert.Equal(0, organization.Version);
    }

    [Fact]
    public void Registering_with_an_unparsed_siret_is_a_bug()
    {
        Assert.Throws<ArgumentException>(() => Organization.Register(default, "DINUM", OrganizationKind.Ministere, Paris, Creator, TestClock.Now));
    }

    [Fact]
    public void Name_and_kind_errors_are_reported_together_on_their_fields()
    {
        Assert.Equal(
            [("organization.name_required", "Name"), ("organization.kind_invalid", "Kind")],
            Organization.DetailsErrors(" ", (OrganizationKind)0).Select(e => (e.Code, e.Field)));
        Assert.Equal([("organization.name_too_long", "Name")], Organization.DetailsErrors(new string('a', 201), OrganizationKind.Commune).Select(e => (e.Code, e.Field)));
        Assert.Empty(Organization.DetailsErrors(" " + new string('a', 200) + " ", OrganizationKind.Commune));
    }

    [Fact]
    public void Address_is_trimmed_and_its_postal_code_loses_its_spaces()
    {
        var address = Address.Create("  20 avenue de Ségur ", " 75 007 ", " Paris  ").Value;

        Assert.Equal(("20 avenue de Ségur", "75007", "Paris"), (address.Street, address.PostalCode, address.City));
    }

    [Fact]
    public void Street_of_200_and_city_of_100_characters_are_accepted_one_more_is_refused()
    {
        Assert.True(Address.Create(new string('s', 200), "75007", new string('c', 100)).IsSuccess);

        var result = Address.Create(new string('s', 201), "75007", new string('c', 101));

        Assert.Equal(
            [("organization.street_too_long", "Address.Street"), ("organization.city_too_long", "Address.City")],
            result.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Missing_street_and_city_are_reported_on_their_fields()
    {
        var result = Address.Create(null, "75007", null);

        Assert.Equal(
            [("organization.street_required", "Address.Street"), ("organization.city_required", "Address.City")],
            result.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Registering_without_an_address_is_a_bug()
    {
        Assert.Throws<ArgumentNullException>(() => Organization.Register(Dinum, "DINUM", OrganizationKind.Ministere, null!, Creator, TestClock.Now));
    }
}
