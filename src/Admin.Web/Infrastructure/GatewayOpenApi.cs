using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

using Admin.Web.Gateway;

namespace Admin.Web.Infrastructure;

/// <summary>
/// /openapi/v1.json describes the two gateway endpoints (and nothing of the pages), with the
/// gateway credential as security scheme and an example of each answer; /api/reference shows it (Scalar).
/// </summary>
public static class GatewayOpenApi
{
    public const string ReferencePath = "/api/reference";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/gateway/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "API Particulier — API des passerelles",
                Version = "v1",
                Description = "Ce que la passerelle d'API Particulier demande au back-office à chaque appel d'un partenaire : la clé est-elle valide, "
                    + "quels scopes porte-t-elle, est-elle dans ses limites ? Ordre des vérifications, codes et en-têtes : voir le contrat de la passerelle.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[GatewayCredentialAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = GatewayCredentialAuthenticationHandler.HeaderName,
                Description = "Identifiant de passerelle créé par un administrateur (/admin/passerelles), affiché une seule fois.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(GatewayCredentialAuthenticationHandler.SchemeName, document)] = [],
            });
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var path = context.Description.RelativePath ?? "";
            var examples = path.EndsWith("keys/verify", StringComparison.Ordinal) ? VerifyExamples : ForwardAuthExamples;
            operation.Responses ??= new OpenApiResponses();
            foreach (var (status, (description, media, examplesOfStatus)) in examples)
            {
                var response = new OpenApiResponse { Description = description, Content = new Dictionary<string, OpenApiMediaType>() };
                if (media is not null)
                {
                    response.Content[media] = new OpenApiMediaType
                    {
                        Examples = examplesOfStatus.ToDictionary(e => e.Name, e => (IOpenApiExample)new OpenApiExample { Summary = e.Name, Value = JsonNode.Parse(e.Json) }),
                    };
                }

                operation.Responses[status] = response;
            }

            if (path.EndsWith("keys/verify", StringComparison.Ordinal))
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "key : obligatoire (256 caractères au plus) ; scopes : facultatif ; cost : entier de 0 à 1000 (1 par défaut, 0 = essai à blanc) ; clientIp : facultatif.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new()
                        {
                            Example = JsonNode.Parse("""{"key":"apip_live_3kF9bQ2xLmN7pR4sT8vW1yZ6cD0eG5hJ2a9Xk1","scopes":["cnaf_quotient_familial"],"cost":1,"clientIp":"203.0.113.7"}"""),
                        },
                    },
                };
            }
            else
            {
                operation.Parameters ??= [];
                foreach (var (name, description) in ForwardAuthHeaders)
                {
                    operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Header, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
                }
            }

            return Task.CompletedTask;
        });
    });

    public static void MapGatewayOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        // Scalar's page asks for the document relative to itself.
        app.MapOpenApi(ReferencePath + "/openapi/{documentName}.json");
        app.MapScalarApiReference(ReferencePath, options => options
            .WithTitle("API Particulier — API des passerelles")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
    }

    private static readonly (string Name, string Description)[] ForwardAuthHeaders =
    [
        ("X-Api-Key", "La clé d'API du partenaire (ou Authorization: Bearer <clé>, pas les deux)."),
        ("X-Forwarded-Uri", "Le chemin d'origine de l'appel (ou X-Original-URI)."),
        ("X-Forwarded-Method", "La méthode d'origine (enregistrée avec l'usage)."),
        ("X-Forwarded-For", "L'adresse du client : la première entrée est lue."),
    ];

    private const string ValidBody = """{"valid":true,"code":"VALID","keyId":"8b0f0a4e-1c2d-4e5f-9a8b-7c6d5e4f3a2b","environment":"production","organization":{"id":"5c4b3a29-1807-4f6e-8d5c-4b3a29180706","siret":"21750001600019","name":"Ville de Paris"},"authorizationId":"0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9","scopes":["cnaf_enfants","cnaf_quotient_familial"],"expiresAt":"2028-05-24T00:00:00Z","limits":[{"name":"rate","limit":20,"windowSeconds":1,"remaining":19,"resetSeconds":1},{"name":"daily","limit":50000,"windowSeconds":86400,"remaining":41200,"resetSeconds":3600}],"retryAfterSeconds":null}""";

    private static string Refused(string code, int remaining, string retry) => ValidBody.Replace("\"valid\":true,\"code\":\"VALID\"", $"\"valid\":false,\"code\":\"{code}\"", StringComparison.Ordinal)
        .Replace("\"remaining\":19", $"\"remaining\":{remaining}", StringComparison.Ordinal).Replace("\"retryAfterSeconds\":null", $"\"retryAfterSeconds\":{retry}", StringComparison.Ordinal);

    private static string Problem(Admin.Domain.Gateways.GatewayCode code) => System.Text.Encoding.UTF8.GetString(GatewayResponses.Problem(code, Admin.Domain.Gateways.GatewayCodes.ForwardAuthStatus(code)));

    private static readonly Dictionary<string, (string, string?, (string Name, string Json)[])> VerifyExamples = new()
    {
        ["200"] = ("Décision sur la clé (le champ code).", "application/json",
        [
            ("VALID", ValidBody),
            ("NOT_FOUND", """{"valid":false,"code":"NOT_FOUND"}"""),
            ("REVOKED", Refused("REVOKED", 20, "null")),
            ("EXPIRED", Refused("EXPIRED", 20, "null")),
            ("SUSPENDED", Refused("SUSPENDED", 20, "null")),
            ("INSUFFICIENT_SCOPE", Refused("INSUFFICIENT_SCOPE", 20, "null")),
            ("IP_NOT_ALLOWED", Refused("IP_NOT_ALLOWED", 20, "null")),
            ("RATE_LIMITED", Refused("RATE_LIMITED", 0, "1")),
            ("QUOTA_EXCEEDED", Refused("QUOTA_EXCEEDED", 20, "3600")),
        ]),
        ["400"] = ("Corps invalide : un message par champ.", "application/problem+json",
            [("Corps invalide", """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"La requête est invalide.","status":400,"code":"INVALID_REQUEST","errors":{"cost":["Le coût doit être un entier de 0 à 1000."]}}""")]),
        ["401"] = ("Identifiant de passerelle absent ou faux.", "application/problem+json", [("GATEWAY_UNAUTHENTICATED", Problem(Admin.Domain.Gateways.GatewayCode.GatewayUnauthenticated))]),
        ["413"] = ("Corps de plus de 16 Kio.", "application/problem+json",
            [("Trop grand", """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.14","title":"Le corps de la requête dépasse 16 Kio.","status":413,"code":"INVALID_REQUEST"}""")]),
    };

    private static readonly Dictionary<string, (string, string?, (string Name, string Json)[])> ForwardAuthExamples = new()
    {
        ["200"] = ("VALID : en-têtes X-Api-Particulier-Code, -Key-Id, -Organization-Siret, -Scopes, RateLimit-Policy et RateLimit ; pas de corps.", null, []),
        ["400"] = ("AMBIGUOUS_KEY, MISSING_URI, INVALID_URI.", "application/problem+json",
            [.. new[] { Admin.Domain.Gateways.GatewayCode.AmbiguousKey, Admin.Domain.Gateways.GatewayCode.MissingUri, Admin.Domain.Gateways.GatewayCode.InvalidUri }.Select(c => (Admin.Domain.Gateways.GatewayCodes.ContractName(c), Problem(c)))]),
        ["401"] = ("MISSING_KEY, NOT_FOUND, REVOKED, EXPIRED (WWW-Authenticate: ApiKey) ; GATEWAY_UNAUTHENTICATED (WWW-Authenticate: GatewayCredential).", "application/problem+json",
            [.. new[] { Admin.Domain.Gateways.GatewayCode.MissingKey, Admin.Domain.Gateways.GatewayCode.NotFound, Admin.Domain.Gateways.GatewayCode.Revoked, Admin.Domain.Gateways.GatewayCode.Expired, Admin.Domain.Gateways.GatewayCode.GatewayUnauthenticated }.Select(c => (Admin.Domain.Gateways.GatewayCodes.ContractName(c), Problem(c)))]),
        ["403"] = ("SUSPENDED, ROUTE_NOT_FOUND, INSUFFICIENT_SCOPE, IP_NOT_ALLOWED.", "application/problem+json",
            [.. new[] { Admin.Domain.Gateways.GatewayCode.Suspended, Admin.Domain.Gateways.GatewayCode.RouteNotFound, Admin.Domain.Gateways.GatewayCode.InsufficientScope, Admin.Domain.Gateways.GatewayCode.IpNotAllowed }.Select(c => (Admin.Domain.Gateways.GatewayCodes.ContractName(c), Problem(c)))]),
        ["429"] = ("RATE_LIMITED, QUOTA_EXCEEDED, avec Retry-After.", "application/problem+json",
            [.. new[] { Admin.Domain.Gateways.GatewayCode.RateLimited, Admin.Domain.Gateways.GatewayCode.QuotaExceeded }.Select(c => (Admin.Domain.Gateways.GatewayCodes.ContractName(c), Problem(c)))]),
    };
}
