using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// E-mails about access requests. On submission: a receipt to the applicant who sent it, and a
/// notice to every instructor that a request awaits review.
/// </summary>
public sealed class AccessRequestNotifications(EmailLinks links) : IEventNotifications
{
    public const string ReceiptKind = "access_request.submitted.receipt";
    public const string InstructorKind = "access_request.submitted.instructor";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return domainEvent is AccessRequestSubmitted submitted ? await SubmittedAsync(submitted, db, ct) : [];
    }

    private async Task<IReadOnlyList<OutboxMessage>> SubmittedAsync(AccessRequestSubmitted submitted, AdminDbContext db, CancellationToken ct)
    {
        // The request is tracked by the SaveChanges that raised the event: FindAsync reads it from memory.
        var request = await db.AccessRequests.FindAsync([submitted.AggregateId], ct)
            ?? throw new InvalidOperationException("The submitted request is not in the context.");
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == request.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var procedure = request.Procedure.Name ?? "sans nom";
        var what = submitted.IsUpdate ? "La mise à jour de votre demande d'habilitation" : "Votre demande d'habilitation";
        var messages = new List<OutboxMessage>();

        var applicantEmail = await db.Users.AsNoTracking()
            .Where(u => u.Id == submitted.ActorId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (!string.IsNullOrEmpty(applicantEmail))
        {
            messages.Add(EmailComposer.Compose(ReceiptKind, applicantEmail, "Votre demande d'habilitation a bien été envoyée",
                [$"{what} pour la démarche « {procedure} » a bien été envoyée à l'équipe API Particulier.",
                 "Un instructeur va l'examiner. Vous serez prévenu par courriel de sa décision ou des modifications à apporter."],
                new EmailLink("Suivre ma demande", links.RequestPage(request.Id)), submitted.OccurredAt));
        }

        var instructors = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Instructor)))
            .Select(u => u.Email!)
            .ToListAsync(ct);
        foreach (var instructor in instructors)
        {
            messages.Add(EmailComposer.Compose(InstructorKind, instructor, "Une demande d'habilitation attend votre instruction",
                [$"{organization ?? "Une organisation"} a envoyé {(submitted.IsUpdate ? "une mise à jour de sa demande" : "une nouvelle demande")} d'habilitation pour la démarche « {procedure} ».",
                 "Elle attend votre instruction."],
                new EmailLink("Voir les demandes à instruire", links.StaffQueue), submitted.OccurredAt));
        }

        return messages;
    }
}
