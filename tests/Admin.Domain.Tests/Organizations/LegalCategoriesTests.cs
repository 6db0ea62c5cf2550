using Admin.Domain.Organizations;

namespace Admin.Domain.Tests.Organizations;

public class LegalCategoriesTests
{
    [Theory]
    [InlineData("7210", OrganizationKind.Commune)]
    [InlineData("7346", OrganizationKind.Epci)] // communauté de communes
    [InlineData("7344", OrganizationKind.Epci)] // métropole
    [InlineData("7220", OrganizationKind.Departement)]
    [InlineData("7230", OrganizationKind.Region)]
    [InlineData("7120", OrganizationKind.Ministere)] // service central d'un ministère
    [InlineData("7361", OrganizationKind.EtablissementPublic)] // CCAS
    [InlineData("4110", OrganizationKind.EtablissementPublic)] // EPIC
    [InlineData("5710", OrganizationKind.Autre)] // SAS
    public void Legal_category_reads_as_the_kind_of_organization(string code, OrganizationKind kind)
    {
        Assert.Equal(kind, LegalCategories.KindOf(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("72")]
    [InlineData("72A0")]
    public void Missing_or_malformed_legal_category_suggests_no_kind(string? code)
    {
        Assert.Null(LegalCategories.KindOf(code));
    }
}
