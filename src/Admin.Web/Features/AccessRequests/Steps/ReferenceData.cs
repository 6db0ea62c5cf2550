using Admin.Domain.Charters;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests.Steps;

/// <summary>The charter and scope catalogue the wizard checks requests against.</summary>
internal static class ReferenceData
{
    /// <summary>The latest published version; the reference seeder always creates one.</summary>
    public static async Task<CharterVersion> CurrentCharterAsync(this AdminDbContext db, CancellationToken ct) =>
        await db.CharterVersions.AsNoTracking().OrderByDescending(c => c.Major).ThenByDescending(c => c.Minor).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("No charter is published.");

    /// <summary>Codes a new request may ask for: the catalogue minus the retired scopes.</summary>
    public static async Task<IReadOnlySet<string>> OfferableScopesAsync(this AdminDbContext db, CancellationToken ct) =>
        (await db.Scopes.AsNoTracking().Where(s => !s.IsRetired).Select(s => s.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The French name of every scope of the catalogue, by code (retired ones included: old requests show them).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ScopeLabelsAsync(this AdminDbContext db, CancellationToken ct) =>
        await db.Scopes.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Label, StringComparer.Ordinal, ct);

    public static async Task<IReadOnlyList<ScopeGroup>> OfferableScopeGroupsAsync(this AdminDbContext db, CancellationToken ct)
    {
        var scopes = await db.Scopes.AsNoTracking().Where(s => !s.IsRetired)
            .Select(s => new { s.ProviderName, s.Code }).ToListAsync(ct);
        return [.. scopes.GroupBy(s => s.ProviderName).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScopeGroup(g.Key, [.. g.Select(s => s.Code).Order(StringComparer.Ordinal)]))];
    }
}
