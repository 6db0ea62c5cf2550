using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;

namespace Admin.Web.Features.Organizations;

/// <summary>An applicant cancels a pending invitation: its link stops working.</summary>
public static class RevokeInvitation
{
    public sealed record Command(Guid OrganizationId, Guid InvitationId) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct) =>
            await db.ChangeAsync(access, command.OrganizationId, Need.ManageMembers,
                o => o.RevokeInvitation(user.Id, command.InvitationId, time.GetUtcNow()), ct);
    }
}
