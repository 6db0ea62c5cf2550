using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Outbox;

/// <summary>The invitation e-mail, to the invited address, with the link that carries the token.</summary>
public sealed class InvitationNotifications(EmailLinks links) : IEventNotifications
{
    public const string InvitationKind = "organization.invitation";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (domainEvent is not InvitationSent sent) return [];

        // Both are tracked by the SaveChanges that raised the event: FindAsync reads them from memory.
        var organization = await db.Organizations.FindAsync([sent.AggregateId], ct)
            ?? throw new InvalidOperationException("The inviting organization is not in the context.");
        var invitation = await db.Invitations.FindAsync([sent.InvitationId], ct)
            ?? throw new InvalidOperationException("The invitation is not in the context.");
        var inviter = await db.Users.AsNoTracking().Where(u => u.Id == sent.ActorId)
            .Select(u => (u.FirstName + " " + u.LastName).Trim()).FirstOrDefaultAsync(ct);
        var who = string.IsNullOrWhiteSpace(inviter) ? "Un demandeur de l'organisation" : inviter;

        return [EmailComposer.Compose(InvitationKind, invitation.Email,
            $"Invitation à rejoindre {organization.Name} sur API Particulier",
            [$"{who} vous invite à rejoindre l'organisation {organization.Name} (SIRET {organization.Siret.Value}) sur l'espace partenaires d'API Particulier, avec le rôle « {invitation.Role.FrenchLabel()} ».",
             $"Cette invitation est valable jusqu'au {FrenchDates.Day(invitation.ExpiresAt)}. Elle ne peut être acceptée que depuis un compte ouvert avec cette adresse électronique ({invitation.Email}).",
             $"Si vous n'avez pas encore de compte, créez-le d'abord avec cette adresse ({links.Register}), confirmez-la, puis ouvrez de nouveau le lien ci-dessous."],
            new EmailLink("Voir l'invitation", links.Invitation(sent.Token)), sent.OccurredAt)];
    }
}
