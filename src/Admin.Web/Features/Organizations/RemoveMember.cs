using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;

namespace Admin.Web.Features.Organizations;

/// <summary>An applicant removes a member from the organization.</summary>
public static class RemoveMember
{
    public sealed record Command(Guid OrganizationId, Guid MemberUserId) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct) =>
            await db.ChangeAsync(access, command.OrganizationId, Need.ManageMembers,
                o => o.RemoveMember(user.Id, command.MemberUserId, time.GetUtcNow()), ct);
    }
}
