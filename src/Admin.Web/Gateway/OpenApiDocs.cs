namespace Admin.Web.Gateway;

/// <summary>The descriptions of the gateway endpoints in /openapi/v1.json, in French, with an example of each answer.</summary>
internal static class OpenApiDocs
{
    public const string VerifyDescription = """
        Vérifie une clé d'API pour une passerelle authentifiée (en-tête `X-Gateway-Credential`). Répond 200 dès que la passerelle est
        authentifiée et le corps bien formé ; le champ `code` dit la décision : VALID, NOT_FOUND, REVOKED, EXPIRED, SUSPENDED,
        INSUFFICIENT_SCOPE, IP_NOT_ALLOWED, RATE_LIMITED, QUOTA_EXCEEDED. Un appel de coût c consomme c unités ; le coût 0 est un essai à blanc.

        Exemple (VALID) : `{"valid":true,"code":"VALID","keyId":"…","environment":"production","organization":{"id":"…","siret":"21750001600019","name":"Ville de Paris"},"authorizationId":"…","scopes":["cnaf_quotient_familial"],"expiresAt":"2028-05-24T00:00:00Z","limits":[{"name":"rate","limit":20,"windowSeconds":1,"remaining":19,"resetSeconds":1}],"retryAfterSeconds":null}`

        Exemple (NOT_FOUND) : `{"valid":false,"code":"NOT_FOUND"}`

        Exemple (RATE_LIMITED) : `{"valid":false,"code":"RATE_LIMITED",…,"limits":[{"name":"rate","limit":20,"windowSeconds":1,"remaining":0,"resetSeconds":1}],"retryAfterSeconds":1}`

        400 : corps invalide (ProblemDetails avec `errors` par champ) ; 401 : GATEWAY_UNAUTHENTICATED ; 413 : corps de plus de 16 Kio.
        """;

    public const string ForwardAuthDescription = """
        Pour les passerelles qui délèguent l'authentification par sous-requête (nginx `auth_request`, Caddy `forward_auth`, Traefik
        ForwardAuth, Envoy ext_authz). Lit la clé dans `X-Api-Key` ou `Authorization: Bearer`, le chemin d'origine dans `X-Forwarded-Uri`
        (ou `X-Original-URI`), la méthode dans `X-Forwarded-Method`, l'adresse du client dans la première entrée de `X-Forwarded-For`.
        Chaque réponse porte `X-Api-Particulier-Code`.

        200 VALID : en-têtes `X-Api-Particulier-Key-Id`, `X-Api-Particulier-Organization-Siret`, `X-Api-Particulier-Scopes`,
        `RateLimit-Policy: "rate";q=20;w=1` et `RateLimit: "rate";r=19;t=1`, sans corps.
        400 AMBIGUOUS_KEY, MISSING_URI, INVALID_URI ; 401 MISSING_KEY, NOT_FOUND, REVOKED, EXPIRED (`WWW-Authenticate: ApiKey`) ;
        401 GATEWAY_UNAUTHENTICATED (`WWW-Authenticate: GatewayCredential`) ; 403 SUSPENDED, ROUTE_NOT_FOUND, INSUFFICIENT_SCOPE,
        IP_NOT_ALLOWED ; 429 RATE_LIMITED, QUOTA_EXCEEDED avec `Retry-After`. Chaque refus a un corps ProblemDetails :
        `{"type":"…","title":"Droits insuffisants","status":403,"detail":"Cette clé d'API ne donne pas accès aux données demandées.","code":"INSUFFICIENT_SCOPE"}`
        """;
}
