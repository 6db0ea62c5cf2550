using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Outbox;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Organizations;

/// <summary>
/// An applicant invites someone by e-mail. The link carries a random token; only its hash is
/// stored. The e-mail comes from <see cref="InvitationSent"/>, queued in the same transaction as the
/// invitation, unless the e-mail throttle holds it back (the invitation stands; the page answers the same).
/// </summary>
public static class InviteMember
{
    public sealed record Form(string? Email, MembershipRole? Role);

    public sealed record Command(Guid OrganizationId, string? Email, MembershipRole? Role) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, UserManager<AppUser> users,
        IEmailThrottle throttle, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var found = await access.ForOrganizationAsync(command.OrganizationId, Need.ManageMembers, ct);
            if (found.IsFailure) return found;
            var organization = found.Value.Organization;

            // An account already registered with that address lets the domain refuse an existing member.
            var existing = string.IsNullOrWhiteSpace(command.Email) ? null : await users.FindByEmailAsync(command.Email.Trim());
            var (token, hash) = InvitationTokens.Create();
            var now = time.GetUtcNow();
            var invited = organization.Invite(user.Id, command.Email, command.Role ?? default, hash, now, existing?.Id);
            if (invited.IsFailure) return invited;

            if (throttle.TryAcquire(invited.Value.Email, user.ClientAddress))
            {
                db.Raise(new InvitationSent(organization.Id, user.Id, now, invited.Value.Id, token));
            }

            return await db.SaveChangesOrConflictAsync(ct, OrganizationErrors.ChangedMeanwhile);
        }
    }
}
