namespace Admin.Domain.Organizations;

/// <summary>
/// The INSEE legal category (catégorie juridique, "nature_juridique" in the Sirene directory, four digits)
/// read as the kind of organization the registration form asks for. Only a suggestion: the partner can change it.
/// </summary>
public static class LegalCategories
{
    /// <summary>Null when the code is missing or not four digits (the form then keeps what was chosen).</summary>
    public static OrganizationKind? KindOf(string? code)
    {
        if (code is null || code.Length != 4 || !code.All(char.IsAsciiDigit)) return null;

        return code switch
        {
            "7210" or "7312" => OrganizationKind.Commune,
            "7220" => OrganizationKind.Departement,
            "7230" => OrganizationKind.Region,
            // Communautés urbaine, de communes, de villes, d'agglomération, métropole, SIVOM, SIVU.
            "7343" or "7344" or "7345" or "7346" or "7347" or "7348" or "7353" => OrganizationKind.Epci,
            // Central and devolved services of the State.
            "7120" or "7150" or "7160" or "7171" or "7172" or "7179" => OrganizationKind.Ministere,
            // Local and national public establishments (administrative, industrial or commercial).
            _ when code.StartsWith("73", StringComparison.Ordinal) || code.StartsWith("41", StringComparison.Ordinal)
                => OrganizationKind.EtablissementPublic,
            _ => OrganizationKind.Autre,
        };
    }
}
