namespace Admin.Domain.Organizations;

/// <summary>A member's role within one organization (a user may hold a different role elsewhere).</summary>
public enum MembershipRole
{
    /// <summary>Files requests, manages members and keys.</summary>
    Applicant = 1,

    /// <summary>Follows requests; does not see keys.</summary>
    BusinessContact = 2,

    /// <summary>Manages keys for the partner's software.</summary>
    TechnicalContact = 3,
}

public static class MembershipRoleLabels
{
    public static string FrenchLabel(this MembershipRole role) => role switch
    {
        MembershipRole.Applicant => "Demandeur",
        MembershipRole.BusinessContact => "Contact métier",
        MembershipRole.TechnicalContact => "Contact technique",
        _ => role.ToString(),
    };
}
