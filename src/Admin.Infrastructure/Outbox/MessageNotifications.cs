using Admin.Domain.Common;
using Admin.Domain.Messages;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// A new message in a request's thread is e-mailed to the other side: a partner's message to the
/// request's assignee (to every instructor while nobody follows it), a staff message to the
/// applicant and to the members who wrote in the thread before. The message a decision carried is
/// not: the decision's e-mail already quotes it.
/// </summary>
public sealed class MessageNotifications(EmailLinks links) : IEventNotifications
{
    public const string ToStaffKind = "access_request.message.staff";
    public const string ToPartnerKind = "access_request.message.partner";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (domainEvent is not RequestMessagePosted posted) return [];

        var message = await db.RequestMessages.FindAsync([posted.MessageId], ct)
            ?? throw new InvalidOperationException("The message is not in the context.");
        // A decision's message travels in the decision's own e-mail.
        if (message.Decision is not null) return [];
        // Find: the request and its organization may be added by the same save (demo data, a decision).
        var request = await db.AccessRequests.FindAsync([posted.AggregateId], ct)
            ?? throw new InvalidOperationException("The request of the message does not exist.");
        var organization = (await db.Organizations.FindAsync([request.OrganizationId], ct))?.Name ?? "Une organisation";
        var procedure = request.Procedure.Name ?? "sans nom";
        var quoted = $"« {message.Body} »";

        if (posted.Side == MessageSide.Partner)
        {
            var recipients = request.AssignedTo is { } assignee
                ? await db.Users.AsNoTracking().Where(u => u.Id == assignee && u.Email != null && u.DeactivatedAt == null).Select(u => u.Email!).ToListAsync(ct)
                : await StaffRecipients.InstructorsAsync(db, ct);
            return Each(recipients, to => EmailComposer.Compose(ToStaffKind, to,
                $"Nouveau message de {organization} (demande n° {request.Number})",
                [$"{organization} a écrit au sujet de sa demande d'habilitation pour la démarche « {procedure} » :", quoted,
                 "Répondez depuis la page d'instruction de la demande."],
                new EmailLink("Lire et répondre", links.StaffRequestPage(request.Id)), posted.OccurredAt));
        }

        var applicant = request.ApplicantId;
        var writers = await db.RequestMessages.AsNoTracking()
            .Where(m => m.AccessRequestId == request.Id && m.Side == MessageSide.Partner)
            .Select(m => m.AuthorId).Distinct().ToListAsync(ct);
        var people = writers.Append(applicant).ToList();
        // Only current members: someone who left the organization is no longer told.
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == request.OrganizationId && people.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(ct);
        var addresses = await db.Users.AsNoTracking().Where(u => members.Contains(u.Id) && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
        return Each(addresses, to => EmailComposer.Compose(ToPartnerKind, to,
            "Nouveau message de l'équipe API Particulier sur votre demande",
            [$"L'instructeur a écrit au sujet de la demande d'habilitation pour la démarche « {procedure} » (n° {request.Number}) :", quoted,
             "Répondez depuis la page de la demande, dans « Échanges avec l'instruction »."],
            new EmailLink("Lire et répondre", links.RequestPage(request.Id)), posted.OccurredAt));
    }

    private static List<OutboxMessage> Each(IEnumerable<string> addresses, Func<string, OutboxMessage> compose) =>
        [.. Recipients.Usable(addresses).Select(compose)];
}
