using Admin.Domain.Common;

namespace Admin.Domain.Authorizations;

public static class AuthorizationErrors
{
    public static readonly Error NoGrantedScope = new("authorization.no_granted_scope", "Accordez au moins une donnée.");
    public static readonly Error GrantedScopesNotRequested = new("authorization.granted_scopes_not_requested", "Seules les données demandées peuvent être accordées.");

    public static Error ScopeRetired(string code) =>
        new("authorization.scope_retired", $"La donnée « {code} » n'est plus proposée : elle ne peut pas être accordée.");

    public static readonly Error RateOutOfRange = new("authorization.rate_out_of_range", $"Le débit doit être compris entre 1 et {Grant.MaxRatePerSecond} appels par seconde.");
    public static readonly Error QuotaOutOfRange = new("authorization.quota_out_of_range", "Le quota doit être un nombre d'appels entre 1 et 1 000 000 000, ou rester vide.");
    public static readonly Error MonthlyBelowDaily = new("authorization.monthly_below_daily", "Le quota mensuel ne peut pas être inférieur au quota journalier.");
    public static readonly Error ExpiryNotInFuture = new("authorization.expiry_not_in_future", "La date de fin doit être postérieure à aujourd'hui.");
    public static readonly Error ExpiryTooFar = new("authorization.expiry_too_far", $"Une habilitation dure au plus {Grant.MaxValidityMonths} mois.");
    public static readonly Error ReasonRequired = new("authorization.reason_required", "Indiquez le motif : il sera transmis au demandeur.");
    public static readonly Error NotActive = new("authorization.not_active", "Cette habilitation n'est pas active.");
    public static readonly Error NotSuspended = new("authorization.not_suspended", "Cette habilitation n'est pas suspendue.");
    public static readonly Error AnswerRequired = new("authorization.prolongation_answer_required", "Répondez par oui ou par non.");
    public static Error ProlongationNotYetOpen(DateOnly opensOn) =>
        new("authorization.prolongation_not_open", $"La prolongation sera possible à partir du {opensOn:dd/MM/yyyy}, {Prolongation.WindowDays} jours avant la fin de l'habilitation.");
    public static readonly Error ProlongationNotPossible = new("authorization.prolongation_not_possible", "Cette habilitation ne peut pas être prolongée : elle n'est pas en cours, ou une mise à jour de la demande est déjà en cours.");
    public static readonly Error AlreadyRevoked = new("authorization.already_revoked", "Cette habilitation est déjà révoquée.");
}
