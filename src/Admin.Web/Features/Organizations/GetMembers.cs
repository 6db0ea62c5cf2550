using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Organizations;

public sealed record MemberRow(Guid UserId, string Name, string Email, MembershipRole Role, DateTimeOffset JoinedAt, bool IsYou);

public sealed record InvitationRow(Guid Id, string Email, MembershipRole Role, DateTimeOffset ExpiresAt);

public sealed record MembersPage(Guid OrganizationId, string OrganizationName, string Siret, MembershipRole YourRole,
    bool CanManageMembers, IReadOnlyList<MemberRow> Members, IReadOnlyList<InvitationRow> PendingInvitations)
{
    /// <summary>What was typed in the invitation form, kept when it is refused.</summary>
    public InviteMember.Form Invite { get; init; } = new(null, null);
}

/// <summary>
/// An organization's members and pending invitations, for one of its members (anyone else: 404).
/// With <see cref="Query.ToManage"/>, only an applicant gets them (others: 403), for the management pages.
/// </summary>
public static class GetMembers
{
    public sealed record Query(Guid OrganizationId, bool ToManage = false) : IQuery<Result<MembersPage>>;

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time) : IQueryHandler<Query, Result<MembersPage>>
    {
        public async ValueTask<Result<MembersPage>> Handle(Query query, CancellationToken ct)
        {
            var found = await access.ForOrganizationAsync(query.OrganizationId, query.ToManage ? Need.ManageMembers : Need.Read, ct,
                tracking: false);
            if (found.IsFailure) return Result<MembersPage>.From(found);
            // The members page is the partners': staff see organizations on their own pages.
            if (found.Value.Role is not { } yourRole) return Result<MembersPage>.From(Result.NotFound());

            var organization = found.Value.Organization;
            var canManage = found.Value.CanManageMembers;

            var userIds = organization.Memberships.Select(m => m.UserId).ToList();
            var people = await db.Users.AsNoTracking()
                .Where(u => userIds.Contains(u.Id))
                .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email })
                .ToDictionaryAsync(u => u.Id, ct);

            var members = organization.Memberships
                .Select(m => people.TryGetValue(m.UserId, out var p)
                    ? new MemberRow(m.UserId, $"{p.FirstName} {p.LastName}".Trim(), p.Email ?? "", m.Role, m.JoinedAt, m.UserId == user.Id)
                    : new MemberRow(m.UserId, "Compte supprimé", "", m.Role, m.JoinedAt, false))
                .OrderBy(m => m.Role)
                .ThenBy(m => m.Name, StringComparer.CurrentCulture)
                .ToList();

            var now = time.GetUtcNow();
            var invitations = organization.Invitations
                .Where(i => i.IsPending(now))
                .OrderBy(i => i.ExpiresAt)
                .Select(i => new InvitationRow(i.Id, i.Email, i.Role, i.ExpiresAt))
                .ToList();

            return new MembersPage(organization.Id, organization.Name, organization.Siret.Value, yourRole, canManage, members, invitations);
        }
    }
}
