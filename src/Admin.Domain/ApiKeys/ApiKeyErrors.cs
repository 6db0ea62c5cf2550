using Admin.Domain.Common;

namespace Admin.Domain.ApiKeys;

public static class ApiKeyErrors
{
    public static readonly Error NameRequired = new("api_key.name_required", "Donnez un nom à la clé, par exemple le logiciel qui l'utilisera.");
    public static readonly Error NameTooLong = new("api_key.name_too_long", $"Le nom ne doit pas dépasser {ApiKey.NameMaxLength} caractères.");
    public static readonly Error EnvironmentInvalid = new("api_key.environment_invalid", "Choisissez l'environnement de la clé : production ou bac à sable.");
    public static readonly Error AuthorizationNotActive = new("api_key.authorization_not_active", "Cette habilitation n'est pas active : aucune clé ne peut être créée.");
    public static readonly Error NotAllowed = new("api_key.not_allowed", "Seuls le demandeur et le contact technique de l'organisation gèrent ses clés d'API.");
    public static readonly Error ReasonRequired = new("api_key.reason_required", "Indiquez le motif de la révocation.");
    public static readonly Error ReasonTooLong = new("api_key.reason_too_long", $"Le motif ne doit pas dépasser {ApiKey.ReasonMaxLength} caractères.");
    public static readonly Error OverlapInvalid = new("api_key.overlap_invalid", "Choisissez quand l'ancienne clé cessera de fonctionner.");
    public static readonly Error AlreadyRenewed = new("api_key.already_renewed", "Cette clé a déjà été renouvelée : renouvelez plutôt la nouvelle.");
    public static readonly Error NotActive = new("api_key.not_active", "Cette clé n'est plus active : créez plutôt une nouvelle clé.");
    public static readonly Error AlreadyRevoked = new("api_key.already_revoked", "Cette clé est déjà révoquée.");
}
