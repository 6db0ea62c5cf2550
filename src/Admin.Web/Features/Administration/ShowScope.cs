using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Administration;

/// <summary>One scope of the catalogue, for its edit and retire pages; 404 for a code it does not have.</summary>
public static class ShowScope
{
    public sealed record Query(string Code) : IQuery<Result<ListScopes.Row>>;

    internal sealed class Handler(AdminDbContext db) : IQueryHandler<Query, Result<ListScopes.Row>>
    {
        public async ValueTask<Result<ListScopes.Row>> Handle(Query query, CancellationToken ct)
        {
            var row = await db.Scopes.AsNoTracking().Where(s => s.Code == query.Code)
                .Select(s => new ListScopes.Row(s.Code, s.ProviderCode, s.ProviderName, s.Label, s.Description, s.IsRetired))
                .SingleOrDefaultAsync(ct);
            return row is null ? Result<ListScopes.Row>.From(Result.NotFound()) : row;
        }
    }
}
