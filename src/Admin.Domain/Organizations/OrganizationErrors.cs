using Admin.Domain.Common;

namespace Admin.Domain.Organizations;

public static class OrganizationErrors
{
    public static readonly Error ChangedMeanwhile = new("organization.changed_meanwhile", "Cette organisation a été modifiée entre-temps (par un autre membre). Rechargez la page et recommencez.");
    public static readonly Error SiretRequired = new("organization.siret_required", "Indiquez le numéro SIRET de l'organisation.");
    public static readonly Error SiretFormat = new("organization.siret_format", "Le numéro SIRET doit comporter 14 chiffres.");
    public static readonly Error SiretChecksum = new("organization.siret_checksum", "Ce numéro SIRET n'est pas valide : vérifiez les chiffres saisis.");

    public static readonly Error NameRequired = new("organization.name_required", "Indiquez le nom de l'organisation.");
    public static readonly Error NameTooLong = new("organization.name_too_long", $"Le nom de l'organisation ne doit pas dépasser {Organization.NameMaxLength} caractères.");
    public static readonly Error KindInvalid = new("organization.kind_invalid", "Choisissez le type d'organisation dans la liste.");

    public static readonly Error StreetRequired = new("organization.street_required", "Indiquez l'adresse (numéro et voie).");
    public static readonly Error StreetTooLong = new("organization.street_too_long", $"L'adresse ne doit pas dépasser {Address.StreetMaxLength} caractères.");
    public static readonly Error PostalCodeFormat = new("organization.postal_code_format", "Le code postal doit comporter 5 chiffres.");
    public static readonly Error CityRequired = new("organization.city_required", "Indiquez la commune.");
    public static readonly Error CityTooLong = new("organization.city_too_long", $"Le nom de la commune ne doit pas dépasser {Address.CityMaxLength} caractères.");

    public static readonly Error NotAllowedToManageMembers = new("organization.not_allowed_to_manage_members", "Seul un demandeur de l'organisation peut gérer ses membres.");
    public static readonly Error RoleInvalid = new("organization.role_invalid", "Choisissez un rôle dans la liste.");
    public static readonly Error AlreadyMember = new("organization.already_member", "Cette personne est déjà membre de l'organisation.");
    public static readonly Error InvitationAlreadyPending = new("organization.invitation_already_pending", "Une invitation est déjà en attente pour cette adresse électronique.");
    public static readonly Error InvitationNotFound = new("organization.invitation_not_found", "Cette invitation est introuvable ou a été annulée.");
    public static readonly Error InvitationAlreadyUsed = new("organization.invitation_already_used", "Cette invitation a déjà été utilisée.");
    public static readonly Error InvitationExpired = new("organization.invitation_expired", "Cette invitation a expiré. Demandez à un demandeur de l'organisation de vous inviter à nouveau.");
    public static readonly Error InvitationEmailMismatch = new("organization.invitation_email_mismatch", "Cette invitation a été envoyée à une autre adresse électronique que celle de votre compte.");
    public static readonly Error MemberNotFound = new("organization.member_not_found", "Cette personne n'est pas membre de l'organisation.");
    public static readonly Error SuspensionReasonRequired = new("organization.suspension_reason_required", "Indiquez le motif de la suspension : il sera transmis au demandeur et au contact technique.");
    public static readonly Error SuspensionReasonTooLong = new("organization.suspension_reason_too_long", $"Le motif ne doit pas dépasser {Organization.SuspensionReasonMaxLength} caractères.");
    public static readonly Error AlreadySuspended = new("organization.already_suspended", "Cette organisation est déjà suspendue.");
    public static readonly Error NotSuspended = new("organization.not_suspended", "Cette organisation n'est pas suspendue.");
    public static Error LastApplicantOfActiveAuthorization(string organizationName) => new("organization.last_applicant_of_active_authorization",
        $"Vous êtes le seul demandeur de l'organisation « {organizationName} », qui a une habilitation en cours : désignez un autre demandeur avant de supprimer votre compte.");
    public static readonly Error LastApplicantCannotLeave = new("organization.last_applicant_cannot_leave", "L'organisation doit garder au moins un demandeur : désignez-en un autre avant de quitter ce rôle.");
}
