using Admin.Domain.Common;

namespace Admin.Domain.AccessRequests;

public static class AccessRequestErrors
{
    // Lifecycle
    public const string InvalidTransitionCode = "access_request.invalid_transition";

    public static Error InvalidTransition(AccessRequestStatus current) =>
        new(InvalidTransitionCode, $"Cette action n'est pas possible sur une demande au statut « {current.FrenchLabel()} ».");

    public static readonly Error NotEditable = new("access_request.not_editable", "Cette demande ne peut plus être modifiée dans son état actuel.");
    public static readonly Error ChangesMessageRequired = new("access_request.changes_message_required", "Expliquez au demandeur les modifications attendues.");
    public static readonly Error RefusalReasonRequired = new("access_request.refusal_reason_required", "Indiquez le motif du refus : il sera transmis au demandeur.");
    public static readonly Error RevocationReasonRequired = new("access_request.revocation_reason_required", "Indiquez le motif de la révocation : il sera transmis au demandeur.");
    public static readonly Error MessageTooLong = new("access_request.message_too_long", $"Le message ne doit pas dépasser {AccessRequest.MessageMaxLength} caractères.");
    public static readonly Error ReviewerRoleRequired = new("access_request.reviewer_role_required", "Seuls les instructeurs et les administrateurs peuvent instruire une demande.");
    public static readonly Error ConflictOfInterest = new("access_request.conflict_of_interest", "Vous êtes membre de cette organisation : un autre agent doit instruire sa demande.");
    public static readonly Error AdministratorAssigns = new("access_request.administrator_assigns", "Seul un administrateur peut confier une demande à un autre agent.");
    public static readonly Error AssigneeCannotReview = new("access_request.assignee_cannot_review", "Cet agent ne peut pas instruire cette demande (rôle ou appartenance à l'organisation).");
    public static readonly Error AdministratorRequired = new("access_request.administrator_required", "Seul un administrateur peut archiver la demande d'une organisation.");
    public static readonly Error ActiveAuthorization = new("access_request.active_authorization", "Cette demande est liée à une habilitation en cours : elle ne peut pas être archivée.");

    // Drafts prepared by staff, transfers
    public static readonly Error PreparerRoleRequired = new("access_request.preparer_role_required", "Seuls les instructeurs et les administrateurs peuvent préparer une demande pour une organisation.");
    public static readonly Error PreparerConflictOfInterest = new("access_request.preparer_conflict_of_interest", "Vous êtes membre de cette organisation : un autre agent doit préparer sa demande.");
    public static readonly Error NotAMemberApplicant = new("access_request.not_a_member_applicant", "Choisissez un membre de l'organisation qui a le rôle de demandeur.");
    public static readonly Error AlreadyTheApplicant = new("access_request.already_the_applicant", "Cette personne est déjà le demandeur de la demande : choisissez un autre membre.");
    public static readonly Error ApplicantRoleRequired = new("access_request.applicant_role_required", "Seul un demandeur de l'organisation peut faire cette action.");
    public static readonly Error AdministratorTransfers = new("access_request.administrator_transfers", "Seul un administrateur peut transférer la demande d'une organisation.");
    public static readonly Error NotAwaitingTakeOver = new("access_request.not_awaiting_take_over", "Cette demande a déjà été reprise par un demandeur de l'organisation.");
    public static readonly Error TakeOverRequired = new("access_request.take_over_required", "Cette demande a été préparée par l'équipe API Particulier : reprenez-la avant de l'envoyer.");

    // Step 1: procedure
    public static readonly Error ProcedureNameRequired = new("access_request.procedure_name_required", "Indiquez le nom de la démarche.");
    public static readonly Error ProcedureNameTooLong = new("access_request.procedure_name_too_long", $"Le nom de la démarche ne doit pas dépasser {Procedure.NameMaxLength} caractères.");
    public static readonly Error ProcedureDescriptionRequired = new("access_request.procedure_description_required", "Décrivez la démarche.");
    public static readonly Error ProcedureDescriptionTooLong = new("access_request.procedure_description_too_long", $"La description ne doit pas dépasser {Procedure.DescriptionMaxLength} caractères.");
    public static readonly Error ProcedureUrlInvalid = new("access_request.procedure_url_invalid", "L'adresse de la démarche doit être complète et commencer par https:// ou http://.");
    public static readonly Error ProcedureUrlTooLong = new("access_request.procedure_url_too_long", $"L'adresse de la démarche ne doit pas dépasser {Procedure.PublicUrlMaxLength} caractères.");
    public static readonly Error SimplificationRequired = new("access_request.simplification_required", "Indiquez les justificatifs que les usagers n'auront plus à fournir.");
    public static readonly Error SimplificationTooLong = new("access_request.simplification_too_long", $"Ce texte ne doit pas dépasser {Procedure.SimplificationMaxLength} caractères.");
    public static readonly Error GoLiveInPast = new("access_request.go_live_in_past", "La date de mise en service prévue ne peut pas être dans le passé.");
    public static readonly Error YearlyVolumeOutOfRange = new("access_request.yearly_volume_out_of_range", "Le volume annuel doit être compris entre 0 et 100 000 000.");
    public static readonly Error ModalityRequired = new("access_request.modality_required", "Choisissez au moins une modalité d'accès aux données.");

    // Step 2: legal basis
    public static readonly Error LegalTitleRequired = new("access_request.legal_title_required", "Indiquez l'intitulé du texte qui fonde la démarche.");
    public static readonly Error LegalTitleTooLong = new("access_request.legal_title_too_long", $"L'intitulé ne doit pas dépasser {LegalBasis.TitleMaxLength} caractères.");
    public static readonly Error LegalUrlInvalid = new("access_request.legal_url_invalid", "L'adresse du texte doit être complète et commencer par https:// ou http://.");
    public static readonly Error LegalUrlTooLong = new("access_request.legal_url_too_long", $"L'adresse du texte ne doit pas dépasser {LegalBasis.UrlMaxLength} caractères.");
    public static readonly Error LegalSourceRequired = new("access_request.legal_source_required", "Indiquez l'adresse du texte ou joignez-le en PDF.");
    public static readonly Error LegalDocumentTooLarge = new("access_request.legal_document_too_large", "Le document ne doit pas dépasser 10 Mo.");
    public static readonly Error LegalDocumentEmpty = new("access_request.legal_document_empty", "Le document est vide.");
    public static readonly Error LegalDocumentNotPdf = new("access_request.legal_document_not_pdf", "Le document doit être un fichier PDF.");

    // Step 3: scopes
    public const string ScopeNotOfferedCode = "access_request.scope_not_offered";

    public static readonly Error NoScope = new("access_request.no_scope", "Choisissez au moins une donnée.");

    public static Error ScopeNotOffered(string code) =>
        new(ScopeNotOfferedCode, $"La donnée « {code} » n'existe pas ou n'est plus proposée.");

    // Step 4: data protection
    public static readonly Error RecipientsRequired = new("access_request.recipients_required", "Indiquez qui aura accès aux données.");
    public static readonly Error RecipientsTooLong = new("access_request.recipients_too_long", $"Ce texte ne doit pas dépasser {DataProtection.RecipientsMaxLength} caractères.");
    public static readonly Error RetentionRequired = new("access_request.retention_required", "Indiquez la durée de conservation des données, en mois.");
    public static readonly Error RetentionOutOfRange = new("access_request.retention_out_of_range", "La durée de conservation doit être comprise entre 1 et 1 200 mois.");
    public static readonly Error RetentionJustificationRequired = new("access_request.retention_justification_required", "Justifiez une durée de conservation supérieure à 36 mois.");
    public static readonly Error RetentionJustificationTooLong = new("access_request.retention_justification_too_long", $"La justification ne doit pas dépasser {DataProtection.JustificationMaxLength} caractères.");

    // Step 5: contacts (e-mail and phone errors come from EmailAddress and PhoneNumber)
    public static readonly Error ContactFirstNameRequired = new("access_request.contact_first_name_required", "Indiquez le prénom.");
    public static readonly Error ContactLastNameRequired = new("access_request.contact_last_name_required", "Indiquez le nom.");
    public static readonly Error ContactNameTooLong = new("access_request.contact_name_too_long", $"Ce champ ne doit pas dépasser {Contact.NameMaxLength} caractères.");

    // Step 6: engagements
    public static readonly Error CharterNotAccepted = new("access_request.charter_not_accepted", "Acceptez la charte d'utilisation pour envoyer la demande.");

    /// <summary>Same code as <see cref="CharterNotAccepted"/>: for the rule, an outdated acceptance is no acceptance.</summary>
    public static readonly Error CharterAcceptanceOutdated = new("access_request.charter_not_accepted", "Une nouvelle version de la charte a été publiée : prenez-en connaissance et acceptez-la à nouveau.");

    public static readonly Error DpoNotInformed = new("access_request.dpo_not_informed", "Confirmez que votre délégué à la protection des données a été informé de la demande.");
    public static readonly Error CitizenConsentRequired = new("access_request.citizen_consent_required", "Engagez-vous à n'accéder aux données qu'avec le consentement explicite de l'usager.");
}
