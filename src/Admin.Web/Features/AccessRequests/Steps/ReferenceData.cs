using Admin.Domain.AccessRequests;
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

    /// <summary>The offerable scopes by provider (providers by name, scopes by code), each with its French name.</summary>
    /// <param name="except">Scopes shown elsewhere on the page (a use case's), left out of the groups.</param>
    public static async Task<IReadOnlyList<ScopeGroup>> OfferableScopeGroupsAsync(this AdminDbContext db, CancellationToken ct,
        IReadOnlyCollection<string>? except = null)
    {
        var scopes = await db.Scopes.AsNoTracking().Where(s => !s.IsRetired)
            .Select(s => new { s.ProviderName, s.Code, s.Label }).ToListAsync(ct);
        return [.. scopes.Where(s => except?.Contains(s.Code) != true)
            .GroupBy(s => s.ProviderName).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScopeGroup(g.Key, [.. g.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new ScopeOption(s.Code, s.Label))]))];
    }

    /// <summary>The use case a request was started from, as the wizard shows it (a retired one still guides its requests); null for a free request.</summary>
    public static async Task<UseCaseGuide?> UseCaseGuideAsync(this AdminDbContext db, AccessRequest request, CancellationToken ct)
    {
        if (request.UseCaseId is not { } id) return null;
        var useCase = await db.UseCases.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        var labels = await db.ScopeLabelsAsync(ct);
        var offerable = await db.OfferableScopesAsync(ct);
        IEnumerable<string> offered = useCase?.OfferedScopes ?? [];
        return new UseCaseGuide(request.UseCaseTitle ?? useCase?.Title ?? "",
            [.. offered.Concat(request.LockedScopes).Distinct(StringComparer.Ordinal).Where(offerable.Contains)
                .Select(code => new ScopeOption(code, labels.GetValueOrDefault(code) ?? code))],
            request.LockedScopes.ToHashSet(StringComparer.Ordinal), useCase?.LegalBasisHint);
    }
}
