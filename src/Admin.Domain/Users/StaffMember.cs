namespace Admin.Domain.Users;

/// <summary>
/// A staff member acting on a request, as the domain needs to judge them: their roles and the
/// organizations they belong to (a staff member never decides on their own organization's request).
/// </summary>
public sealed record StaffMember(Guid UserId, IReadOnlySet<string> Roles, IReadOnlySet<Guid> OrganizationIds)
{
    /// <summary>Instructors and administrators review and decide; auditors only read.</summary>
    public bool CanReview => Roles.Contains(Users.Roles.Instructor) || Roles.Contains(Users.Roles.Administrator);

    public bool IsAdministrator => Roles.Contains(Users.Roles.Administrator);

    public bool IsMemberOf(Guid organizationId) => OrganizationIds.Contains(organizationId);
}
