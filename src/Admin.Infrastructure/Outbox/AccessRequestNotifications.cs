using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// E-mails about access requests, one set per transition; who is told is listed in
/// docs/decisions/0009-notifications.md. "The applicant" is the request's owner, <see cref="AccessRequest.ApplicantId"/>.
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
    public const string PreparedKind = "access_request.prepared";
    public const string TransferredToKind = "access_request.transferred.new_applicant";
    public const string TransferredFromKind = "access_request.transferred.previous_applicant";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (domainEvent is AccessRequestReminderSent reminder) return await ReminderAsync(reminder, db, ct);
        if (domainEvent is AccessRequestPrepared prepared) return await PreparedAsync(prepared, db, ct);
        if (domainEvent is AccessRequestTransferred transferred) return await TransferredAsync(transferred, db, ct);
        if (domainEvent is not AccessRequestTransitioned transition || transition is AccessRequestReopened) return [];

        var request = await TrackedAsync(transition.AggregateId, db, ct);
        var about = new About(request, await ApplicantEmailAsync(request, db, ct), links.RequestPage(request.Id), transition.OccurredAt);
        return transition switch
        {
            AccessRequestSubmitted submitted => await SubmittedAsync(submitted, about, db, ct),
            AccessRequestChangesRequested changes => about.ToEach(ChangesRequestedKind, about.ApplicantAndContacts,
                "Des modifications sont demandées sur votre demande d'habilitation",
                [$"L'instructeur demande des modifications à la demande d'habilitation pour la démarche « {about.Procedure} » (n° {about.Number}) avant de pouvoir la valider.",
                 $"Son message : « {changes.Message} »",
                 "Modifiez la demande puis renvoyez-la : elle reviendra en instruction."]),
            AccessRequestApproved approved => await ApprovedAsync(approved, about, db, ct),
            AccessRequestRefused refused => about.ToEach(RefusedKind, about.ApplicantAndContacts,
                refused.IsUpdate ? "La mise à jour de votre habilitation est refusée" : "Votre demande d'habilitation est refusée",
                [refused.IsUpdate
                    ? $"La mise à jour de l'habilitation pour la démarche « {about.Procedure} » (n° {about.Number}) est refusée. L'habilitation validée auparavant reste en vigueur, inchangée."
                    : $"La demande d'habilitation pour la démarche « {about.Procedure} » (n° {about.Number}) est refusée.",
                 $"Motif : « {refused.RefusalReason} »"]),
            AccessRequestRevoked revoked => about.ToEach(RevokedKind, [about.Applicant, request.Contacts.TechnicalContact.Email],
                "Votre habilitation est révoquée",
                [$"L'habilitation pour la démarche « {about.Procedure} » (n° {about.Number}) est révoquée : les jetons d'API qu'elle porte sont refusés dès maintenant.",
                 $"Motif : « {revoked.RevocationReason} »"]),
            // The applicant archiving their own request needs no e-mail; an administrator archiving it is worth telling.
            AccessRequestArchived archived when archived.ActorId != request.ApplicantId => about.ToEach(ArchivedKind, [about.Applicant],
                "Votre demande d'habilitation est archivée",
                [$"La demande d'habilitation pour la démarche « {about.Procedure} » (n° {about.Number}) a été archivée par l'équipe API Particulier.",
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
                ? $"La mise à jour de l'habilitation pour la démarche « {about.Procedure} » (n° {about.Number}) est validée : elle remplace l'habilitation précédente."
                : $"La demande d'habilitation pour la démarche « {about.Procedure} » (n° {about.Number}) est validée.",
            $"Données accordées : {string.Join(", ", names)}.",
        ];
        if (!string.IsNullOrEmpty(approved.Message)) paragraphs.Add($"Message de l'instructeur : « {approved.Message} »");
        paragraphs.Add("Vous recevez ce message comme demandeur ou contact de la demande (métier, technique ou délégué à la protection des données).");
        return about.ToEach(ApprovedKind, [.. about.ApplicantAndContacts, about.Request.Contacts.Dpo.Email],
            approved.IsUpdate ? "La mise à jour de votre habilitation est validée" : "Votre demande d'habilitation est validée", paragraphs);
    }

    private async Task<IReadOnlyList<OutboxMessage>> ReminderAsync(AccessRequestReminderSent reminder, AdminDbContext db, CancellationToken ct)
    {
        var request = await TrackedAsync(reminder.AggregateId, db, ct);
        var about = new About(request, await ApplicantEmailAsync(request, db, ct), links.RequestPage(request.Id), reminder.OccurredAt);
        var days = (int)(reminder.OccurredAt - reminder.WaitingSince).TotalDays;
        return about.ToEach(ReminderKind, [about.Applicant], "Votre demande d'habilitation attend vos modifications",
            [$"L'instructeur a demandé des modifications à la demande d'habilitation pour la démarche « {about.Procedure} » (n° {about.Number}) il y a {days} jours.",
             "Elle reste en attente tant qu'elle n'est pas modifiée et renvoyée. Si vous ne souhaitez plus la poursuivre, vous pouvez l'archiver."]);
    }

    /// <summary>The member staff prepared a draft for: a link to take it over.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> PreparedAsync(AccessRequestPrepared prepared, AdminDbContext db, CancellationToken ct)
    {
        var request = await TrackedAsync(prepared.AggregateId, db, ct);
        var about = new About(request, await EmailOfAsync(prepared.ApplicantId, db, ct), links.RequestPage(request.Id), prepared.OccurredAt);
        var organization = await OrganizationNameAsync(request, db, ct);
        return about.ToEach(PreparedKind, [about.Applicant], "L'équipe API Particulier a préparé une demande d'habilitation pour vous",
            [$"À votre demande, l'équipe API Particulier a préparé une demande d'habilitation pour {organization ?? "votre organisation"} : « {about.Procedure} » (n° {about.Number}).",
             "Reprenez-la depuis votre espace partenaire : vous en deviendrez le demandeur, vous la compléterez puis l'enverrez comme toute autre demande."],
            "Reprendre la demande");
    }

    /// <summary>Both people of a transfer: the new applicant (with the message, if any) and the previous one.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> TransferredAsync(AccessRequestTransferred transferred, AdminDbContext db, CancellationToken ct)
    {
        var request = await TrackedAsync(transferred.AggregateId, db, ct);
        var page = links.RequestPage(request.Id);
        var to = new About(request, await EmailOfAsync(transferred.NewApplicantId, db, ct), page, transferred.OccurredAt);
        var from = to with { Applicant = await EmailOfAsync(transferred.PreviousApplicantId, db, ct) };
        var message = transferred.Message is { } text ? [$"Message joint : « {text} »"] : Array.Empty<string>();
        return
        [
            .. to.ToEach(TransferredToKind, [to.Applicant], "Une demande d'habilitation vous a été transférée",
                [$"La demande d'habilitation pour la démarche « {to.Procedure} » (n° {to.Number}) vous a été transférée : vous en êtes désormais le demandeur.",
                 .. message,
                 "Vous recevrez les courriels de son instruction (modifications demandées, décision, rappels)."]),
            .. from.ToEach(TransferredFromKind, [from.Applicant], "Votre demande d'habilitation a été transférée",
                [$"La demande d'habilitation pour la démarche « {from.Procedure} » (n° {from.Number}) a été transférée à un autre demandeur de votre organisation.",
                 "Vous n'en recevrez plus les courriels ; elle reste consultable dans votre espace partenaire tant que vous êtes membre de l'organisation."]),
        ];
    }

    private async Task<IReadOnlyList<OutboxMessage>> SubmittedAsync(AccessRequestSubmitted submitted, About about, AdminDbContext db,
        CancellationToken ct)
    {
        var organization = await OrganizationNameAsync(about.Request, db, ct);
        var what = submitted.IsUpdate ? "La mise à jour de votre demande d'habilitation" : "Votre demande d'habilitation";
        var scopes = await ScopeNames.DescribeAsync(db, about.Request.Scopes, ct);
        var receipt = about.ToEach(ReceiptKind, [about.Applicant], "Votre demande d'habilitation a bien été envoyée",
            [$"{what} pour la démarche « {about.Procedure} » (n° {about.Number}) a bien été envoyée à l'équipe API Particulier.",
             $"Données demandées : {string.Join(", ", scopes)}.",
             "Un instructeur va l'examiner. Vous serez prévenu par courriel de sa décision ou des modifications à apporter."],
            "Suivre ma demande");

        var instructors = await StaffRecipients.InstructorsAsync(db, ct);
        var sent = submitted.From == AccessRequestStatus.ChangesRequested ? "a modifié et renvoyé sa demande"
            : submitted.IsUpdate ? "a envoyé une mise à jour de sa demande" : "a envoyé une nouvelle demande";
        var notices = instructors.Select(instructor => EmailComposer.Compose(InstructorKind, instructor,
            $"Une demande d'habilitation attend votre instruction (n° {about.Number})",
            [$"{organization ?? "Une organisation"} {sent} d'habilitation pour la démarche « {about.Procedure} » (n° {about.Number}).",
             "Elle attend votre instruction."],
            new EmailLink("Voir les demandes à instruire", links.StaffQueue), submitted.OccurredAt));
        return [.. receipt, .. notices];
    }

    /// <summary>The request is tracked by the SaveChanges that raised the event: FindAsync reads it from memory.</summary>
    private static async Task<AccessRequest> TrackedAsync(Guid requestId, AdminDbContext db, CancellationToken ct) =>
        await db.AccessRequests.FindAsync([requestId], ct) ?? throw new InvalidOperationException("The request is not in the context.");

    private static Task<string?> OrganizationNameAsync(AccessRequest request, AdminDbContext db, CancellationToken ct) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == request.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);

    internal static Task<string?> ApplicantEmailAsync(AccessRequest request, AdminDbContext db, CancellationToken ct) =>
        EmailOfAsync(request.ApplicantId, db, ct);

    private static Task<string?> EmailOfAsync(Guid userId, AdminDbContext db, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);

    /// <summary>What every e-mail about one request shares: its people, its page, its name.</summary>
    private sealed record About(AccessRequest Request, string? Applicant, string Page, DateTimeOffset At)
    {
        public string Procedure => Request.Procedure.Name ?? "sans nom";

        /// <summary>The request's number, quoted in every subject and beside the procedure's name in the text.</summary>
        public string Number => Request.Number;

        public IReadOnlyList<string?> ApplicantAndContacts =>
            [Applicant, Request.Contacts.BusinessContact.Email, Request.Contacts.TechnicalContact.Email];

        /// <summary>One e-mail per distinct address (someone may be applicant and contact), missing ones skipped.</summary>
        public IReadOnlyList<OutboxMessage> ToEach(string kind, IEnumerable<string?> recipients, string subject,
            IReadOnlyList<string> paragraphs, string linkText = "Voir la demande") =>
            [.. Recipients.Usable(recipients)
                .Select(to => EmailComposer.Compose(kind, to, $"{subject} (n° {Number})", paragraphs, new EmailLink(linkText, Page), At))];
    }
}
