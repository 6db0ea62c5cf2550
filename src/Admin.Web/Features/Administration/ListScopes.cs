using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Administration;

/// <summary>The scope catalogue by data provider, retired scopes included (historic authorizations name them).</summary>
public static class ListScopes
{
    public sealed record Query : IQuery<Result<View>>;

    public sealed record Row(string Code, string ProviderCode, string ProviderName, string Label, string? Description, bool IsRetired);

    public sealed record Provider(string Code, string Name, IReadOnlyList<Row> Scopes);

    public sealed record View(IReadOnlyList<Provider> Providers)
    {
        public IReadOnlyList<Organizations.SelectOption> ProviderOptions =>
            [.. Providers.Select(p => new Organizations.SelectOption(p.Code, $"{p.Code} — {p.Name}"))];
    }

    internal sealed class Handler(AdminDbContext db) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var scopes = await db.Scopes.AsNoTracking()
                .Select(s => new Row(s.Code, s.ProviderCode, s.ProviderName, s.Label, s.Description, s.IsRetired))
                .ToListAsync(ct);
            return new View([.. scopes.GroupBy(s => (s.ProviderCode, s.ProviderName)).OrderBy(g => g.Key.ProviderCode, StringComparer.Ordinal)
                .Select(g => new Provider(g.Key.ProviderCode, g.Key.ProviderName, [.. g.OrderBy(s => s.Code, StringComparer.Ordinal)]))]);
        }
    }
}
