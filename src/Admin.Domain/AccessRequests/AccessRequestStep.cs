namespace Admin.Domain.AccessRequests;

/// <summary>The steps of the request form, in the order the partner fills them.</summary>
public enum AccessRequestStep
{
    Procedure = 1,
    LegalBasis = 2,
    Scopes = 3,
    DataProtection = 4,
    Contacts = 5,
    Engagements = 6,
}

public static class AccessRequestStepLabels
{
    public static readonly IReadOnlyList<AccessRequestStep> All = Enum.GetValues<AccessRequestStep>();

    public static string FrenchLabel(this AccessRequestStep step) => step switch
    {
        AccessRequestStep.Procedure => "Démarche",
        AccessRequestStep.LegalBasis => "Cadre juridique",
        AccessRequestStep.Scopes => "Données demandées",
        AccessRequestStep.DataProtection => "Protection des données",
        AccessRequestStep.Contacts => "Contacts",
        AccessRequestStep.Engagements => "Engagements",
        _ => step.ToString(),
    };
}
