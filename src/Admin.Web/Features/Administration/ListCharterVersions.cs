using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Administration;

/// <summary>Every published charter version, newest first; the first one is the current charter.</summary>
public static class ListCharterVersions
{
    public sealed record Query : IQuery<Result<View>>;

    public sealed record Row(Guid Id, string Label, string Title, DateTimeOffset PublishedAt);

    public sealed record View(IReadOnlyList<Row> Versions, string CurrentTitle, string CurrentBody);

    internal sealed class Handler(AdminDbContext db) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var versions = await db.CharterVersions.AsNoTracking().OrderByDescending(c => c.Major).ThenByDescending(c => c.Minor).ToListAsync(ct);
            var current = versions.FirstOrDefault();
            return new View([.. versions.Select(c => new Row(c.Id, c.Label, c.Title, c.PublishedAt))], current?.Title ?? "", current?.Body ?? "");
        }
    }
}
