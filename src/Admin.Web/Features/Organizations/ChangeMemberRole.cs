using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;

namespace Admin.Web.Features.Organizations;

/// <summary>An applicant gives a member another role (the organization keeps at least one applicant).</summary>
public static class ChangeMemberRole
{
    public sealed record Command(Guid OrganizationId, Guid MemberUserId, MembershipRole? Role) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct) =>
            await db.ChangeAsync(access, command.OrganizationId, Need.ManageMembers,
                o => o.ChangeRole(user.Id, command.MemberUserId, command.Role ?? default, time.GetUtcNow()), ct);
    }
}
