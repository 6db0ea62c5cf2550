using Admin.Domain.Common;
using Admin.Domain.Gateways;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Administration;

/// <summary>
/// The gateway's route table, for administrators (/admin/routes): a path prefix, the scopes it requires
/// ("any" or "all") and whether it is retired. Every change is audited and reaches the gateway's cache
/// at once on this node, within a second on the others.
/// </summary>
public static class GatewayRoutes
{
    public sealed record Row(Guid Id, string PathPrefix, RouteMatch Match, IReadOnlyList<string> Scopes, bool IsRetired, string? Note, DateTimeOffset UpdatedAt);

    /// <summary>The routes, open ones first, by prefix; <see cref="Search"/> filters on the prefix or a scope code.</summary>
    public sealed record List(string? Search) : IQuery<IReadOnlyList<Row>>;

    public sealed record Show(Guid Id) : IQuery<Result<Row>>;

    /// <summary>Creates a route (no <see cref="Id"/>) or edits one; <see cref="Scopes"/> is the typed list (spaces, commas or lines between codes).</summary>
    public sealed record Save(Guid? Id, string? PathPrefix, RouteMatch? Match, string? Scopes, bool IsRetired, string? Note) : ICommand<Result<Guid>>;

    public static string FrenchLabel(this RouteMatch match) => match == RouteMatch.All ? "Toutes les données" : "Au moins une des données";

    public static IReadOnlyList<string> SplitCodes(string? text) =>
        [.. (text ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    internal sealed class Handlers(AdminDbContext db, ICurrentUser user, TimeProvider time)
        : IQueryHandler<List, IReadOnlyList<Row>>, IQueryHandler<Show, Result<Row>>, ICommandHandler<Save, Result<Guid>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(List query, CancellationToken ct)
        {
            var all = (await db.GatewayRoutes.AsNoTracking().ToListAsync(ct)).Select(RowOf);
            if (query.Search?.Trim() is { Length: > 0 } search)
            {
                all = all.Where(r => r.PathPrefix.Contains(search, StringComparison.OrdinalIgnoreCase)
                    || r.Scopes.Any(s => s.Contains(search, StringComparison.OrdinalIgnoreCase)));
            }

            return [.. all.OrderBy(r => r.IsRetired).ThenBy(r => r.PathPrefix, StringComparer.Ordinal)];
        }

        public async ValueTask<Result<Row>> Handle(Show query, CancellationToken ct)
        {
            var found = await db.GatewayRoutes.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, ct);
            return found is null ? Result<Row>.From(Result.NotFound()) : RowOf(found);
        }

        public async ValueTask<Result<Guid>> Handle(Save command, CancellationToken ct)
        {
            var catalogue = (await db.Scopes.AsNoTracking().Select(s => s.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var taken = (await db.GatewayRoutes.AsNoTracking().Where(r => r.Id != command.Id).Select(r => r.PathPrefix).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            var content = new GatewayRoute.Content(command.PathPrefix, command.Match, SplitCodes(command.Scopes), command.IsRetired, command.Note);
            var now = time.GetUtcNow();
            GatewayRoute route;
            if (command.Id is { } id)
            {
                var found = await db.GatewayRoutes.FindAsync([id], ct);
                if (found is null) return Result<Guid>.From(Result.NotFound());
                var edited = found.Edit(content, catalogue, taken, user.Id, now);
                if (edited.IsFailure) return Result<Guid>.From(edited);
                route = found;
            }
            else
            {
                var created = GatewayRoute.Create(content, catalogue, taken, user.Id, now);
                if (created.IsFailure) return Result<Guid>.Failure(created.FailureKind!.Value, created.Errors);
                route = created.Value;
                db.GatewayRoutes.Add(route);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another administrator saved the same prefix in between: the unique index refused it.
                return Result<Guid>.Failure(ErrorKind.Validation, [GatewayRouteErrors.PathTaken(route.PathPrefix).ForField(nameof(Save.PathPrefix))]);
            }

            return route.Id;
        }

        private static Row RowOf(GatewayRoute r) => new(r.Id, r.PathPrefix, r.Match, r.Scopes, r.IsRetired, r.Note, r.UpdatedAt);
    }
}
