using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// E-mails about access requests, one set per transition; who is told is listed in
/// docs/decisions/0009-notifications.md. "The applicant" is whoever sent the request last.
/// </summary>
public sealed class AccessRequestNotifications(EmailLinks links) : IEventNotifications
{
    public const string ReceiptKind = "access_request.submitted.receipt";
    public const string InstructorKind = "access_request.submitted.instructor";
    public const string ChangesRequestedKind = "access_request.changes_requested";
    public const string ApprovedKind = "access_request.approved";
    public const string RefusedKind = "access_request.refused";
    public const string RevokedKind = "access_request.revoked";
    public const string ArchivedKind = "access_request.archived";
    public const string ReminderKind = "access_request.reminder";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (domainEvent is AccessRequestReminderSent reminder) return await ReminderAsync(reminder, db, ct);
        if (domainEvent is not AccessRequestTransitioned transition || transition is AccessRequestReopened) return [];

        // The request is tracked by the SaveChanges that raised the event: FindAsync reads it from memory.
        var request = await db.AccessRequests.FindAsync([transition.AggregateId], ct)
            ?? throw new InvalidOperationException("The request is not in the context.");
        var about = new About(request, await ApplicantEmailAsync(request, db, ct), links.RequestPage(request.Id), transition.OccurredAt);
        return transition switch
        {
            AccessRequestSubmitted submitted => await SubmittedAsync(submitted, about, db, ct),
            AccessRequestChangesRequested changes => about.ToEach(ChangesRequestedKind, about.ApplicantAndContacts,
                "Des modifications sont demandées sur votre demande d'habilitation",
                [$"L'instructeur demande des modifications à la demande d'habilitation pour la démarche « {about.Procedure} » avant de pouvoir la valider.",
                 $"Son message : « {changes.Message} »",
                 "Modifiez la demande puis renvoyez-la : elle reviendra en instruction."]),
            AccessRequestApproved approved => await ApprovedAsync(approved, about, db, ct),
            AccessRequestRefused refused => about.ToEach(RefusedKind, about.ApplicantAndContacts,
                refused.IsUpdate ? "La mise à jour de votre habilitation est refusée" : "Votre demande d'habilitation est refusée",
                [refused.IsUpdate
                    ? $"La mise à jour de l'habilitation pour la démarche « {about.Procedure} » est refusée. L'habilitation validée auparavant reste en vigueur, inchangée."
                    : $"La demande d'habilitation pour la démarche « {about.Procedure} » est refusée.",
                 $"Motif : « {refused.RefusalReason} »"]),
            AccessRequestRevoked revoked => about.ToEach(RevokedKind, [about.Applicant, request.Contacts.TechnicalContact.Email],
                "Votre habilitation est révoquée",
                [$"L'habilitation pour la démarche « {about.Procedure} » est révoquée : les jetons d'API qu'elle porte sont refusés dès maintenant.",
                 $"Motif : « {revoked.RevocationReason} »"]),
            // The applicant archiving their own request needs no e-mail; an administrator archiving it is worth telling.
            AccessRequestArchived archived when archived.ActorId != ApplicantOf(request) => about.ToEach(ArchivedKind, [about.Applicant],
                "Votre demande d'habilitation est archivée",
                [$"La demande d'habilitation pour la démarche « {about.Procedure} » a été archivée par l'équipe API Particulier.",
                 "Elle reste consultable dans votre espace partenaire."]),
            _ => [],
        };
    }

    private static async Task<IReadOnlyList<OutboxMessage>> ApprovedAsync(AccessRequestApproved approved, About about, AdminDbContext db,
        CancellationToken ct)
    {
        var names = await ScopeNames.DescribeAsync(db, approved.GrantedScopes, ct);
        List<string> paragraphs =
        [
            approved.IsUpdate
                ? $"La mise à jour de l'habilitation pour la démarche « {about.Procedure} » est validée : elle remplace l'habilitation précédente."
                : $"La demande d'habilitation pour la démarche « {about.Procedure} » est validée.",
            $"Données accordées : {string.Join(", ", names)}.",
        ];
        if (!string.IsNullOrEmpty(approved.Message)) paragraphs.Add($"Message de l'instructeur : « {approved.Message} »");
        paragraphs.Add("Vous recevez ce message comme demandeur ou contact de la demande (métier, technique ou délégué à la protection des données).");
        return about.ToEach(ApprovedKind, [.. about.ApplicantAndContacts, about.Request.Contacts.Dpo.Email],
            approved.IsUpdate ? "La mise à jour de votre habilitation est validée" : "Votre demande d'habilitation est validée", paragraphs);
    }

    private async Task<IReadOnlyList<OutboxMessage>> ReminderAsync(AccessRequestReminderSent reminder, AdminDbContext db, CancellationToken ct)
    {
        var request = await db.AccessRequests.FindAsync([reminder.AggregateId], ct)
            ?? throw new InvalidOperationException("The request is not in the context.");
        var about = new About(request, await ApplicantEmailAsync(request, db, ct), links.RequestPage(request.Id), reminder.OccurredAt);
        var days = (int)(reminder.OccurredAt - reminder.WaitingSince).TotalDays;
        return about.ToEach(ReminderKind, [about.Applicant], "Votre demande d'habilitation attend vos modifications",
            [$"L'instructeur a demandé des modifications à la demande d'habilitation pour la démarche « {about.Procedure} » il y a {days} jours.",
             "Elle reste en attente tant qu'elle n'est pas modifiée et renvoyée. Si vous ne souhaitez plus la poursuivre, vous pouvez l'archiver."]);
    }

    private async Task<IReadOnlyList<OutboxMessage>> SubmittedAsync(AccessRequestSubmitted submitted, About about, AdminDbContext db,
        CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == about.Request.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var what = submitted.IsUpdate ? "La mise à jour de votre demande d'habilitation" : "Votre demande d'habilitation";
        var receipt = about.ToEach(ReceiptKind, [about.Applicant], "Votre demande d'habilitation a bien été envoyée",
            [$"{what} pour la démarche « {about.Procedure} » a bien été envoyée à l'équipe API Particulier.",
             "Un instructeur va l'examiner. Vous serez prévenu par courriel de sa décision ou des modifications à apporter."],
            "Suivre ma demande");

        var instructors = await StaffRecipients.InstructorsAsync(db, ct);
        var sent = submitted.From == AccessRequestStatus.ChangesRequested ? "a modifié et renvoyé sa demande"
            : submitted.IsUpdate ? "a envoyé une mise à jour de sa demande" : "a envoyé une nouvelle demande";
        var notices = instructors.Select(instructor => EmailComposer.Compose(InstructorKind, instructor,
            "Une demande d'habilitation attend votre instruction",
            [$"{organization ?? "Une organisation"} {sent} d'habilitation pour la démarche « {about.Procedure} ».",
             "Elle attend votre instruction."],
            new EmailLink("Voir les demandes à instruire", links.StaffQueue), submitted.OccurredAt));
        return [.. receipt, .. notices];
    }

    internal static Guid ApplicantOf(AccessRequest request) => request.Submissions.LastOrDefault()?.SubmittedBy ?? request.CreatedBy;

    internal static Task<string?> ApplicantEmailAsync(AccessRequest request, AdminDbContext db, CancellationToken ct)
    {
        var applicant = ApplicantOf(request);
        return db.Users.AsNoTracking().Where(u => u.Id == applicant).Select(u => u.Email).FirstOrDefaultAsync(ct);
    }

    /// <summary>What every e-mail about one request shares: its people, its page, its name.</summary>
    private sealed record About(AccessRequest Request, string? Applicant, string Page, DateTimeOffset At)
    {
        public string Procedure => Request.Procedure.Name ?? "sans nom";

        public IReadOnlyList<string?> ApplicantAndContacts =>
            [Applicant, Request.Contacts.BusinessContact.Email, Request.Contacts.TechnicalContact.Email];

        /// <summary>One e-mail per distinct address (someone may be applicant and contact), missing ones skipped.</summary>
        public IReadOnlyList<OutboxMessage> ToEach(string kind, IEnumerable<string?> recipients, string subject,
            IReadOnlyList<string> paragraphs, string linkText = "Voir la demande") =>
            [.. recipients
                .Where(EmailAddressIsUsable)
                .Select(e => e!.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(to => EmailComposer.Compose(kind, to, subject, paragraphs, new EmailLink(linkText, Page), At))];

        private static bool EmailAddressIsUsable(string? email) => Domain.Organizations.EmailAddress.IsValid(email);
    }
}
