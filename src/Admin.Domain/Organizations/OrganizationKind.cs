namespace Admin.Domain.Organizations;

public enum OrganizationKind
{
    Commune = 1,
    Epci = 2,
    Departement = 3,
    Region = 4,
    Ministere = 5,
    EtablissementPublic = 6,
    Autre = 7,
}

public static class OrganizationKindLabels
{
    public static string FrenchLabel(this OrganizationKind kind) => kind switch
    {
        OrganizationKind.Commune => "Commune",
        OrganizationKind.Epci => "EPCI (intercommunalité)",
        OrganizationKind.Departement => "Département",
        OrganizationKind.Region => "Région",
        OrganizationKind.Ministere => "Ministère",
        OrganizationKind.EtablissementPublic => "Établissement public",
        OrganizationKind.Autre => "Autre",
        _ => kind.ToString(),
    };
}
