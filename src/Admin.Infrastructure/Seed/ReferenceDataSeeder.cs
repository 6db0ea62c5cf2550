using System.Text.Json;
using Admin.Domain.Charters;
using Admin.Domain.Scopes;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Seed;

/// <summary>
/// Data every installation needs: roles, the scope catalogue and a first charter. Idempotent: it
/// adds what is missing and never overwrites what staff changed.
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

        await db.SaveChangesAsync(ct);
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
