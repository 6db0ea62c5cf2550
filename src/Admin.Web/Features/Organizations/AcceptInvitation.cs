using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Organizations;

/// <summary>
/// The invited partner accepts: they join with the invited role and the organization becomes their
/// current one (the controller remembers it). An unknown token is 404; every refusal of the domain (expired, revoked, used,
/// another address) is shown on the invitation page.
/// </summary>
public static class AcceptInvitation
{
    public sealed record Command(string Token) : ICommand<Result<Guid>>;

    internal sealed class Handler(AdminDbContext db, ICurrentUser user, TimeProvider time)
        : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var invitation = await db.FindInvitationAsync(command.Token, ct);
            var organization = invitation is null ? null : await db.FindWithMembersAsync(invitation.OrganizationId, ct);
            if (invitation is null || organization is null) return Result<Guid>.From(Result.NotFound());

            var email = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync(ct);
            var accepted = organization.AcceptInvitation(invitation.TokenHash, user.Id, email ?? "", time.GetUtcNow());
            if (accepted.IsFailure)
            {
                // The invitation exists: its refusals are explained on its page, not turned into a bare 404/403.
                return Result<Guid>.Failure(ErrorKind.Conflict, accepted.Errors);
            }

            var saved = await db.SaveChangesOrConflictAsync(ct, Admin.Domain.Organizations.OrganizationErrors.ChangedMeanwhile);
            return saved.IsFailure ? Result<Guid>.From(saved) : organization.Id;
        }
    }
}
