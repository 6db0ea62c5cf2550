namespace Admin.Domain.Gateways;

/// <summary>The answers of the gateway contract, in its order of checks (the first failing check decides).</summary>
public enum GatewayCode
{
    Valid = 0,
    GatewayUnauthenticated,
    MissingKey,
    AmbiguousKey,
    MissingUri,
    InvalidUri,
    NotFound,
    Revoked,
    Expired,
    Suspended,
    RouteNotFound,
    InsufficientScope,
    IpNotAllowed,
    RateLimited,
    QuotaExceeded,
}

public static class GatewayCodes
{
    private static readonly string[] Names =
    [
        "VALID", "GATEWAY_UNAUTHENTICATED", "MISSING_KEY", "AMBIGUOUS_KEY", "MISSING_URI", "INVALID_URI", "NOT_FOUND",
        "REVOKED", "EXPIRED", "SUSPENDED", "ROUTE_NOT_FOUND", "INSUFFICIENT_SCOPE", "IP_NOT_ALLOWED", "RATE_LIMITED", "QUOTA_EXCEEDED",
    ];

    /// <summary>The code as the contract spells it (<c>INSUFFICIENT_SCOPE</c>).</summary>
    public static string ContractName(this GatewayCode code) => Names[(int)code];

    public static GatewayCode? FromContractName(string? name)
    {
        var index = Array.IndexOf(Names, name);
        return index < 0 ? null : (GatewayCode)index;
    }

    public static IReadOnlyList<GatewayCode> All { get; } = Enum.GetValues<GatewayCode>();

    /// <summary>Whether the answer is about a known key (codes from REVOKED on): it carries the key's details and limits.</summary>
    public static bool IsAboutKnownKey(this GatewayCode code) => code is GatewayCode.Valid or >= GatewayCode.Revoked;

    /// <summary>The forward-auth status of the code (the JSON API answers 200 with the code in the body).</summary>
    public static int ForwardAuthStatus(this GatewayCode code) => code switch
    {
        GatewayCode.Valid => 200,
        GatewayCode.AmbiguousKey or GatewayCode.MissingUri or GatewayCode.InvalidUri => 400,
        GatewayCode.GatewayUnauthenticated or GatewayCode.MissingKey or GatewayCode.NotFound or GatewayCode.Revoked or GatewayCode.Expired => 401,
        GatewayCode.Suspended or GatewayCode.RouteNotFound or GatewayCode.InsufficientScope or GatewayCode.IpNotAllowed => 403,
        GatewayCode.RateLimited or GatewayCode.QuotaExceeded => 429,
        _ => 500,
    };

    /// <summary>The French title of a refusal's ProblemDetails.</summary>
    public static string FrenchTitle(this GatewayCode code) => code switch
    {
        GatewayCode.Valid => "Clé valide",
        GatewayCode.GatewayUnauthenticated => "Passerelle non authentifiée",
        GatewayCode.MissingKey => "Clé d'API absente",
        GatewayCode.AmbiguousKey => "Clé d'API ambiguë",
        GatewayCode.MissingUri => "Chemin d'origine absent",
        GatewayCode.InvalidUri => "Chemin d'origine invalide",
        GatewayCode.NotFound => "Clé d'API inconnue",
        GatewayCode.Revoked => "Clé d'API révoquée",
        GatewayCode.Expired => "Clé d'API expirée",
        GatewayCode.Suspended => "Habilitation suspendue",
        GatewayCode.RouteNotFound => "Route inconnue",
        GatewayCode.InsufficientScope => "Droits insuffisants",
        GatewayCode.IpNotAllowed => "Adresse IP non autorisée",
        GatewayCode.RateLimited => "Trop de requêtes",
        GatewayCode.QuotaExceeded => "Quota dépassé",
        _ => code.ToString(),
    };

    /// <summary>The French detail of a refusal's ProblemDetails: what happened and what to do.</summary>
    public static string FrenchDetail(this GatewayCode code) => code switch
    {
        GatewayCode.Valid => "La clé d'API est valide.",
        GatewayCode.GatewayUnauthenticated => "L'identifiant de passerelle (en-tête X-Gateway-Credential) est absent, inconnu ou révoqué.",
        GatewayCode.MissingKey => "Aucune clé d'API n'a été transmise (en-tête X-Api-Key ou Authorization: Bearer).",
        GatewayCode.AmbiguousKey => "Une clé d'API a été transmise à la fois dans X-Api-Key et dans Authorization : n'en envoyez qu'une.",
        GatewayCode.MissingUri => "Le chemin d'origine de l'appel est absent (en-tête X-Forwarded-Uri ou X-Original-URI).",
        GatewayCode.InvalidUri => "Le chemin d'origine de l'appel est invalide (segment « . » ou « .. », barre oblique encodée, barre oblique inverse ou caractère de contrôle).",
        GatewayCode.NotFound => "Cette clé d'API n'existe pas dans cet environnement, ou elle est mal recopiée.",
        GatewayCode.Revoked => "Cette clé d'API a été révoquée : créez-en une nouvelle depuis l'espace partenaire.",
        GatewayCode.Expired => "Cette clé d'API a expiré : renouvelez l'habilitation ou créez une nouvelle clé.",
        GatewayCode.Suspended => "L'habilitation ou l'organisation de cette clé est suspendue : contactez l'équipe API Particulier.",
        GatewayCode.RouteNotFound => "Ce chemin ne correspond à aucune route ouverte d'API Particulier.",
        GatewayCode.InsufficientScope => "Cette clé d'API ne donne pas accès aux données demandées.",
        GatewayCode.IpNotAllowed => "L'adresse IP de l'appel ne figure pas dans la liste des adresses autorisées pour cette clé.",
        GatewayCode.RateLimited => "Le nombre d'appels par seconde autorisé pour cette clé est atteint : réessayez après le délai indiqué.",
        GatewayCode.QuotaExceeded => "Le quota d'appels de cette clé est atteint pour la période : réessayez après le délai indiqué.",
        _ => code.ToString(),
    };
}
