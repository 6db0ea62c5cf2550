using System.Text.Json;
using Admin.Domain.ApiKeys;
using Admin.Domain.Charters;
using Admin.Domain.Gateways;
using Admin.Domain.Messages;
using Admin.Domain.Scopes;
using Admin.Domain.UseCases;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Keys;
using Admin.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Seed;

/// <summary>
/// Data every installation needs: roles, the scope catalogue, a first charter, message templates, the
/// use cases and the public sandbox key <c>test-token</c> (ADR 0014). Idempotent: it adds what is missing and never overwrites what staff changed (a use
/// case is matched on its code, so one an administrator edited or retired is left as it is).
/// </summary>
public sealed class ReferenceDataSeeder(AdminDbContext db, RoleManager<AppRole> roles, TimeProvider time)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole(role));
            }
        }

        var known = await db.Scopes.ToDictionaryAsync(s => s.Code, ct);
        foreach (var scope in ReadCatalogue())
        {
            if (known.TryGetValue(scope.Code, out var existing)) existing.NameIfUnnamed(scope.Label);
            else db.Scopes.Add(scope);
        }

        if (!await db.CharterVersions.AnyAsync(ct))
        {
            db.CharterVersions.Add(new CharterVersion(1, 0, "Charte d'utilisation d'API Particulier", ReadResource("Seed.charter-v1.md"), time.GetUtcNow()));
        }

        if (!await db.MessageTemplates.AnyAsync(ct))
        {
            foreach (var (kind, title, body) in DefaultTemplates)
            {
                db.MessageTemplates.Add(MessageTemplate.Create(kind, title, body, actorId: null, time.GetUtcNow()).Value);
            }
        }

        // The scopes just added count: a use case may offer them.
        var catalogue = db.Scopes.Local.Where(s => !s.IsRetired).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var knownUseCases = (await db.UseCases.Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, content, scopes) in ReadUseCases())
        {
            if (knownUseCases.Contains(code)) continue;
            // Scopes the catalogue lacks are ignored, as use-cases.json says.
            var offered = scopes.Where(s => catalogue.Contains(s.Key)).ToDictionary(StringComparer.Ordinal);
            var created = UseCase.Create(code, content, offered, catalogue, actorId: null, time.GetUtcNow());
            if (created.IsSuccess) db.UseCases.Add(created.Value);
        }

        // The gateway's route table: routes.json adds the prefixes the table lacks, never overwrites an edited one.
        var knownPrefixes = (await db.GatewayRoutes.Select(r => r.PathPrefix).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var allScopes = db.Scopes.Local.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var content in ReadRoutes())
        {
            var created = GatewayRoute.Create(content with { Scopes = content.Scopes?.Where(allScopes.Contains).ToList() }, allScopes, knownPrefixes,
                actorId: null, time.GetUtcNow());
            if (created.IsFailure) continue;
            db.GatewayRoutes.Add(created.Value);
            knownPrefixes.Add(created.Value.PathPrefix);
        }

        // The contract's public sandbox key, in every installation, Development or not.
        if (!await db.TestTokens.AnyAsync(t => t.Id == TestToken.FixedId, ct))
        {
            db.TestTokens.Add(TestToken.Create(ApiKeySecrets.Hash(TestToken.Value), time.GetUtcNow()));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The use cases of use-cases.json: code, texts, and the role of each scope (fixed over preselected over offered).</summary>
    public static IReadOnlyList<(string Code, UseCase.Content Content, IReadOnlyDictionary<string, UseCaseScopeRole> Scopes)> ReadUseCases()
    {
        using var document = JsonDocument.Parse(ReadResource("Seed.use-cases.json"));
        var useCases = new List<(string, UseCase.Content, IReadOnlyDictionary<string, UseCaseScopeRole>)>();
        foreach (var item in document.RootElement.GetProperty("useCases").EnumerateArray())
        {
            string? Text(string name) => item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            IEnumerable<string> Codes(string name) => item.TryGetProperty(name, out var value) ? value.EnumerateArray().Select(c => c.GetString()!) : [];

            var roles = new Dictionary<string, UseCaseScopeRole>(StringComparer.Ordinal);
            foreach (var (name, role) in new[] { ("offered", UseCaseScopeRole.Offered), ("preselected", UseCaseScopeRole.Preselected), ("fixed", UseCaseScopeRole.Fixed) })
            {
                foreach (var code in Codes(name))
                {
                    roles[code] = roles.TryGetValue(code, out var current) && current > role ? current : role;
                }
            }

            useCases.Add((Text("code")!, new UseCase.Content(Text("title"), Text("audience"), Text("legalBasisHint"), Text("legalBasisUrl")), roles));
        }

        return useCases;
    }

    /// <summary>A first set of templates, one or two per decision; administrators change them at /admin/modeles.</summary>
    public static readonly IReadOnlyList<(TemplateKind Kind, string Title, string Body)> DefaultTemplates =
    [
        (TemplateKind.RequestChanges, "Cadre juridique à préciser",
            "Bonjour,\n\nNous avons examiné la demande n° {numero} « {titre} » de {organisation}. Avant de pouvoir la valider, merci de préciser le texte qui fonde l'accès aux données demandées (article de loi, décret, délibération ou arrêté) et de joindre ce texte s'il n'est pas publié en ligne.\n\nVous pouvez modifier la demande ici : {lien}\n\nL'équipe API Particulier"),
        (TemplateKind.RequestChanges, "Données à justifier",
            "Bonjour,\n\nCertaines données demandées dans la demande n° {numero} « {titre} » ne semblent pas nécessaires à la démarche décrite. Merci de retirer celles qui ne servent pas à l'instruction, ou d'expliquer dans la description de la démarche pourquoi chacune est nécessaire.\n\nVous pouvez modifier la demande ici : {lien}\n\nL'équipe API Particulier"),
        (TemplateKind.Refusal, "Cadre juridique insuffisant",
            "La démarche décrite dans la demande n° {numero} ne repose pas sur un texte qui autorise {organisation} à recevoir ces données. Vous pouvez déposer une nouvelle demande lorsque ce cadre existera."),
        (TemplateKind.Approval, "Validation : prochaines étapes",
            "Bonjour,\n\nLa demande n° {numero} « {titre} » est validée. Le demandeur et le contact technique peuvent dès maintenant créer les clés d'API depuis la page de la demande : {lien}\n\nL'équipe API Particulier"),
        (TemplateKind.Message, "Question sur la demande",
            "Bonjour,\n\nNous instruisons la demande n° {numero} « {titre} » de {organisation} et avons une question : \n\nL'équipe API Particulier"),
    ];

    /// <summary>The routes of routes.json, as an administrator would type them.</summary>
    public static IReadOnlyList<GatewayRoute.Content> ReadRoutes()
    {
        using var document = JsonDocument.Parse(ReadResource("Seed.routes.json"));
        return [.. document.RootElement.GetProperty("routes").EnumerateArray().Select(route => new GatewayRoute.Content(
            route.GetProperty("pathPrefix").GetString(),
            route.TryGetProperty("match", out var match) && match.GetString() == "all" ? RouteMatch.All : RouteMatch.Any,
            route.TryGetProperty("scopes", out var scopes) ? [.. scopes.EnumerateArray().Select(c => c.GetString()!)] : [],
            route.TryGetProperty("retired", out var retired) && retired.GetBoolean(),
            route.TryGetProperty("note", out var note) ? note.GetString() : null))];
    }

    public static IReadOnlyList<Scope> ReadCatalogue()
    {
        using var document = JsonDocument.Parse(ReadResource("Seed.scopes.json"));
        var scopes = new List<Scope>();
        foreach (var provider in document.RootElement.GetProperty("providers").EnumerateArray())
        {
            var providerCode = provider.GetProperty("code").GetString()!;
            var providerName = provider.GetProperty("name").GetString()!;
            var retired = provider.TryGetProperty("retired", out var r) && r.GetBoolean();
            var labels = provider.TryGetProperty("labels", out var l) ? l : default;
            foreach (var code in provider.GetProperty("scopes").EnumerateArray().Select(c => c.GetString()!))
            {
                var label = labels.ValueKind == JsonValueKind.Object && labels.TryGetProperty(code, out var name) ? name.GetString()! : code;
                scopes.Add(new Scope(ScopeCode.Parse(code).Value, providerCode, providerName, retired, label));
            }
        }

        return scopes;
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
