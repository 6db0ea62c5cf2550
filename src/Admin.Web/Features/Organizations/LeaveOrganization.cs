using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;

namespace Admin.Web.Features.Organizations;

/// <summary>A member leaves the organization (the last applicant cannot).</summary>
public static class LeaveOrganization
{
    public sealed record Command(Guid OrganizationId) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct) =>
            await db.ChangeAsync(access, command.OrganizationId, Need.Read, o => o.Leave(user.Id, time.GetUtcNow()), ct);
    }
}
