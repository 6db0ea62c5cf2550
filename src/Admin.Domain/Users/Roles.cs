namespace Admin.Domain.Users;

/// <summary>Application roles. Staff roles must sign in with two-factor authentication.</summary>
public static class Roles
{
    public const string Partner = "Partner";
    public const string Instructor = "Instructor";
    public const string Administrator = "Administrator";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All = [Partner, Instructor, Administrator, Auditor];
    public static readonly IReadOnlyList<string> Staff = [Instructor, Administrator, Auditor];

    public static bool IsStaff(string role) => Staff.Contains(role);

    public static string FrenchLabel(string role) => role switch
    {
        Partner => "Partenaire",
        Instructor => "Instructeur",
        Administrator => "Administrateur",
        Auditor => "Auditeur",
        _ => role,
    };
}
