namespace Admin.Web.Features.Suspensions;

/// <summary>
/// The confirmation page of a suspension, the same for an authorization and a whole organization:
/// what is suspended, where the form posts and where "Annuler" goes back to, what was typed.
/// </summary>
public sealed record SuspensionPage(string Subject, string OrganizationName, string ActionPath, string BackPath, string? Reason = null);

/// <summary>The suspension pages' addresses (staff).</summary>
public static class SuspensionRoutes
{
    public static string Authorization(Guid authorizationId) => $"/instruction/habilitations/{authorizationId}";

    public static string SuspendAuthorization(Guid authorizationId) => $"{Authorization(authorizationId)}/suspendre";

    public static string ResumeAuthorization(Guid authorizationId) => $"{Authorization(authorizationId)}/reprendre";

    public static string Organization(Guid organizationId) => $"/instruction/organisations/{organizationId}";

    public static string SuspendOrganization(Guid organizationId) => $"{Organization(organizationId)}/suspendre";

    public static string ResumeOrganization(Guid organizationId) => $"{Organization(organizationId)}/reprendre";
}
