using Admin.Domain.Common;
using Admin.Domain.Scopes;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;

namespace Admin.Web.Features.Administration;

/// <summary>
/// Retires a scope: the wizard no longer offers it (<c>OfferableScopesAsync</c>), a request that still
/// asks for it cannot be sent, and no approval can grant it (<c>Grant.Create</c> takes the offerable set).
/// Authorizations already granted keep it: it stays in the catalogue.
/// </summary>
public static class RetireScope
{
    public sealed record Command(string Code) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var scope = await db.Scopes.FindAsync([command.Code], ct);
            if (scope is null) return Result.NotFound();

            var retired = scope.Retire();
            if (retired.IsFailure) return retired;
            db.Raise(new ScopeRetired(scope.Code, user.Id, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
