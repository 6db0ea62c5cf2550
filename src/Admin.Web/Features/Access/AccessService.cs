using Admin.Domain.AccessRequests;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Access;

/// <summary>What the signed-in user wants to do with an organization or a request.</summary>
public enum Need
{
    /// <summary>See it: any member of the organization, and any staff member (auditors included).</summary>
    Read,

    /// <summary>Change it as its organization (edit, submit, reopen, archive, copy a request): an applicant.</summary>
    Edit,

    /// <summary>Invite, remove and change members: an applicant of the organization.</summary>
    ManageMembers,

    /// <summary>Decide on a request (changes, approval, refusal, revocation): an instructor or administrator who is not a member of its organization.</summary>
    Decide,

    /// <summary>Hand a request to another applicant of its organization: any of its applicants, or an administrator.</summary>
    Transfer,

    /// <summary>Prepare a draft for an organization: an instructor or administrator who is not a member of it.</summary>
    Prepare,

    /// <summary>See an authorization's keys: its organization's applicants and technical contacts (not business contacts), and any staff member.</summary>
    SeeKeys,

    /// <summary>Create keys: the organization's applicants and technical contacts only.</summary>
    IssueKeys,

    /// <summary>Revoke a key: the organization's applicants and technical contacts, and instructors and administrators.</summary>
    RevokeKeys,

    /// <summary>Suspend or resume an authorization or a whole organization: an instructor or administrator who is not a member of it.</summary>
    Suspend,
}

public sealed record MembershipSummary(Guid OrganizationId, string OrganizationName, string Siret, MembershipRole Role);

/// <summary>An organization the user may act on, and as whom: their role in it and/or their staff roles.</summary>
public sealed record OrganizationAccess(Organization Organization, Guid UserId, MembershipRole? Role, StaffMember? Staff)
{
    public bool CanManageMembers => Organization.CanManageMembers(UserId);
}

/// <summary>A request the user may act on, and as whom: their role in its organization and/or their staff roles.</summary>
public sealed record RequestAccess(AccessRequest Request, MembershipRole? Role, StaffMember? Staff)
{
    /// <summary>Editing, submitting, reopening and archiving are the applicant's.</summary>
    public bool IsApplicant => Role == MembershipRole.Applicant;
}

/// <summary>An authorization the user may act on, with its organization (members loaded), and as whom.</summary>
public sealed record AuthorizationAccess(Authorization Authorization, Organization Organization, MembershipRole? Role, StaffMember? Staff)
{
    public bool ManagesKeys => Role is MembershipRole.Applicant or MembershipRole.TechnicalContact;
}

/// <summary>
/// The one place that decides who may act on which organization and request, for partners and
/// staff alike. Another organization's resource is reported as missing (404, its existence is not
/// revealed); a resource the user may see but not change in that way is forbidden (403). It reads
/// who acts from <see cref="ICurrentUser"/> only; it never reads or writes cookies.
/// </summary>
public sealed class AccessService(AdminDbContext db, ICurrentUser user)
{
    private IReadOnlyList<MembershipSummary>? _memberships;
    private StaffMember? _staff;

    /// <summary>The signed-in user's organizations, by name.</summary>
    public async Task<IReadOnlyList<MembershipSummary>> MembershipsAsync(CancellationToken ct)
    {
        if (_memberships is not null) return _memberships;
        var userId = user.Id;
        _memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Organizations.AsNoTracking(), m => m.OrganizationId, o => o.Id,
                (m, o) => new { o.Id, o.Name, o.Siret, m.Role })
            .OrderBy(x => x.Name)
            .Select(x => new MembershipSummary(x.Id, x.Name, x.Siret.Value, x.Role))
            .ToListAsync(ct);
        return _memberships;
    }

    /// <summary>
    /// The organization the partner works in: <paramref name="chosen"/> (the one they last chose) when
    /// they still belong to it, otherwise their first one; null when they belong to none.
    /// </summary>
    public async Task<MembershipSummary?> CurrentOrganizationAsync(Guid? chosen, CancellationToken ct)
    {
        var memberships = await MembershipsAsync(ct);
        return memberships.FirstOrDefault(m => m.OrganizationId == chosen) ?? memberships.FirstOrDefault();
    }

    /// <summary>The organization with its members and invitations, when the user may act on it for <paramref name="need"/>.</summary>
    public async Task<Result<OrganizationAccess>> ForOrganizationAsync(Guid organizationId, Need need, CancellationToken ct,
        bool tracking = true)
    {
        var organization = await (tracking ? db.Organizations : db.Organizations.AsNoTracking())
            .Include(o => o.Memberships)
            .Include(o => o.Invitations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null) return Result<OrganizationAccess>.From(Result.NotFound());

        var role = organization.RoleOf(user.Id);
        var staff = await StaffOrNullAsync(ct);
        var verdict = Judge(need, role is not null, staff, mayChange: organization.CanManageMembers(user.Id));
        return verdict.IsFailure ? Result<OrganizationAccess>.From(verdict) : new OrganizationAccess(organization, user.Id, role, staff);
    }

    /// <summary>The request, when the user may act on it for <paramref name="need"/>.</summary>
    public async Task<Result<RequestAccess>> ForRequestAsync(Guid requestId, Need need, CancellationToken ct, bool tracking = true)
    {
        var request = await (tracking ? db.AccessRequests : db.AccessRequests.AsNoTracking())
            .FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return Result<RequestAccess>.From(Result.NotFound());

        var role = (await MembershipsAsync(ct)).FirstOrDefault(m => m.OrganizationId == request.OrganizationId)?.Role;
        var staff = await StaffOrNullAsync(ct);
        var verdict = Judge(need, role is not null, staff, mayChange: role == MembershipRole.Applicant);
        return verdict.IsFailure ? Result<RequestAccess>.From(verdict) : new RequestAccess(request, role, staff);
    }

    /// <summary>The authorization and its organization, when the user may act on its keys for <paramref name="need"/>.</summary>
    public async Task<Result<AuthorizationAccess>> ForAuthorizationAsync(Guid authorizationId, Need need, CancellationToken ct)
    {
        var authorization = await db.Authorizations.FirstOrDefaultAsync(a => a.Id == authorizationId, ct);
        if (authorization is null) return Result<AuthorizationAccess>.From(Result.NotFound());
        var organization = await db.Organizations.Include(o => o.Memberships).SingleAsync(o => o.Id == authorization.OrganizationId, ct);

        var role = organization.RoleOf(user.Id);
        var staff = await StaffOrNullAsync(ct);
        var verdict = Judge(need, role is not null, staff, mayChange: organization.CanManageKeys(user.Id));
        return verdict.IsFailure ? Result<AuthorizationAccess>.From(verdict) : new AuthorizationAccess(authorization, organization, role, staff);
    }

    /// <summary>
    /// The signed-in staff member as the domain judges them (roles, organizations they belong to), for
    /// the staff decisions of <see cref="AccessRequest"/>. Only for a staff user.
    /// </summary>
    public async Task<StaffMember> CurrentStaffAsync(CancellationToken ct) =>
        await StaffOrNullAsync(ct) ?? throw new InvalidOperationException("The signed-in user has no staff role.");

    /// <summary>Whether the signed-in user holds a staff role (staff home, two-factor set-up).</summary>
    public bool IsStaff => user.IsStaff;

    private async Task<StaffMember?> StaffOrNullAsync(CancellationToken ct)
    {
        if (_staff is not null || !user.IsStaff) return _staff;
        var roles = Roles.Staff.Where(user.IsInRole).ToHashSet();
        var organizations = (await MembershipsAsync(ct)).Select(m => m.OrganizationId).ToHashSet();
        _staff = new StaffMember(user.Id, roles, organizations);
        return _staff;
    }

    /// <summary>Outsiders are told it does not exist; insiders without the right are told they may not.</summary>
    /// <param name="mayChange">The member's role lets them change it (an applicant; for keys, an applicant or technical contact).</param>
    private static Result Judge(Need need, bool isMember, StaffMember? staff, bool mayChange)
    {
        var insider = isMember || staff is not null;
        if (!insider) return Result.NotFound();
        var allowed = need switch
        {
            Need.Read => true,
            Need.Edit or Need.ManageMembers => isMember && mayChange,
            // The domain checks it again: a staff member never decides on (nor prepares) their own organization's request.
            Need.Decide or Need.Prepare or Need.Suspend => staff is { CanReview: true } && !isMember,
            Need.Transfer => (isMember && mayChange) || staff is { IsAdministrator: true },
            // For keys, mayChange is "manages keys" (applicant or technical contact).
            Need.SeeKeys => (isMember && mayChange) || staff is not null,
            Need.IssueKeys => isMember && mayChange,
            Need.RevokeKeys => (isMember && mayChange) || staff is { CanReview: true },
            _ => false,
        };
        return allowed ? Result.Ok() : Result.Forbidden();
    }
}
