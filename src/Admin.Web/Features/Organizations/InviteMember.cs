using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Outbox;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Admin.Web.Features.Organizations;

/// <summary>
/// An applicant invites someone by e-mail. The link carries a random token; only its hash is
/// stored. The e-mail is queued in the outbox in the same transaction as the invitation, unless the
/// e-mail throttle holds it back (the invitation stands; the page answers the same).
/// </summary>
public static class InviteMember
{
    public sealed record Form(string? Email, MembershipRole? Role);

    public sealed record Command(Guid OrganizationId, string? Email, MembershipRole? Role) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, UserManager<AppUser> users,
        IOptions<EmailOptions> emailOptions, IEmailThrottle throttle, TimeProvider time) : ICommandHandler<Command, Result>
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
                var inviter = await users.FindByIdAsync(user.Id.ToString());
                db.OutboxMessages.Add(Compose(organization, invited.Value, inviter?.DisplayName, token, now));
            }

            return await db.SaveChangesOrConflictAsync(ct, OrganizationErrors.ChangedMeanwhile);
        }

        private OutboxMessage Compose(Organization organization, Invitation invitation, string? inviterName, string token, DateTimeOffset now)
        {
            var links = emailOptions.Value;
            var who = string.IsNullOrWhiteSpace(inviterName) ? "Un demandeur de l'organisation" : inviterName;
            return EmailComposer.Compose("organization.invitation", invitation.Email,
                $"Invitation à rejoindre {organization.Name} sur API Particulier",
                [$"{who} vous invite à rejoindre l'organisation {organization.Name} (SIRET {organization.Siret.Value}) sur l'espace partenaires d'API Particulier, avec le rôle « {invitation.Role.FrenchLabel()} ».",
                 $"Cette invitation est valable jusqu'au {FrenchDates.Day(invitation.ExpiresAt)}. Elle ne peut être acceptée que depuis un compte ouvert avec cette adresse électronique ({invitation.Email}).",
                 $"Si vous n'avez pas encore de compte, créez-le d'abord avec cette adresse ({links.AbsoluteUrl("/compte/inscription")}), confirmez-la, puis ouvrez de nouveau le lien ci-dessous."],
                new EmailLink("Voir l'invitation", links.AbsoluteUrl($"/invitations/{token}")), now);
        }
    }
}
