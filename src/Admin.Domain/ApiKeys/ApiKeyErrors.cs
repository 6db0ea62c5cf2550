using Admin.Domain.Common;

namespace Admin.Domain.ApiKeys;

public static class ApiKeyErrors
{
    public static readonly Error NameRequired = new("api_key.name_required", "Donnez un nom à la clé, par exemple le logiciel qui l'utilisera.");
    public static readonly Error NameTooLong = new("api_key.name_too_long", $"Le nom ne doit pas dépasser {ApiKey.NameMaxLength} caractères.");
    public static readonly Error EnvironmentInvalid = new("api_key.environment_invalid", "Choisissez l'environnement de la clé : production ou bac à sable.");
    public static readonly Error OrganizationSuspended = new("api_key.organization_suspended", "Cette organisation est suspendue : aucune clé ne peut être créée.");
    public static readonly Error AuthorizationNotActive = new("api_key.authorization_not_active", "Cette habilitation n'est pas active : aucune clé ne peut être créée.");
    public static readonly Error NotAllowed = new("api_key.not_allowed", "Seuls le demandeur et le contact technique de l'organisation gèrent ses clés d'API.");
    public static readonly Error ReasonRequired = new("api_key.reason_required", "Indiquez le motif de la révocation.");
    public static readonly Error ReasonTooLong = new("api_key.reason_too_long", $"Le motif ne doit pas dépasser {ApiKey.ReasonMaxLength} caractères.");
    public static readonly Error OverlapInvalid = new("api_key.overlap_invalid", "Choisissez quand l'ancienne clé cessera de fonctionner.");
    public static readonly Error AlreadyRenewed = new("api_key.already_renewed", "Cette clé a déjà été renouvelée : renouvelez plutôt la nouvelle.");
    public static readonly Error NotActive = new("api_key.not_active", "Cette clé n'est plus active : créez plutôt une nouvelle clé.");
    public static readonly Error NotUnused = new("api_key.not_unused", $"Cette clé a servi depuis moins de {ApiKey.UnusedDays} jours, ou ne peut plus servir : ses détenteurs ne sont pas relancés.");
    public static readonly Error RemindedRecently = new("api_key.reminded_recently", $"Les détenteurs de cette clé ont été relancés il y a moins de {ApiKey.UnusedReminderIntervalDays} jours : ils ne le sont pas de nouveau.");
    public const string IpDuplicateCode = "api_key.ip_duplicate";

    public static Error IpInvalid(string entry) =>
        new("api_key.ip_invalid", $"« {entry} » n'est ni une adresse IPv4 ou IPv6 ni une plage CIDR (par exemple 203.0.113.7 ou 203.0.113.0/24).");

    public static Error IpPrefixOutOfRange(string entry, int max) =>
        new("api_key.ip_prefix_out_of_range", $"« {entry} » : le préfixe d'une plage IPv{(max == 32 ? 4 : 6)} va de /0 à /{max}.");

    public static Error IpRangeNotAtItsStart(string entry, string range) =>
        new("api_key.ip_range_not_at_start", $"« {entry} » : une plage s'écrit avec sa première adresse, ici {range}.");

    public static Error IpDuplicate(string entry) => new(IpDuplicateCode, $"« {entry} » figure plusieurs fois dans la liste.");

    public static readonly Error IpTooMany = new("api_key.ip_too_many", $"La liste ne doit pas dépasser {IpAllowList.MaxEntries} adresses ou plages.");
    public static readonly Error AlreadyRevoked = new("api_key.already_revoked", "Cette clé est déjà révoquée.");
}
