using Admin.Domain.Common;
using Admin.Domain.Scopes;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;

namespace Admin.Web.Features.Administration;

/// <summary>Renames or re-describes a scope; its code, which keys and gateways carry, never changes.</summary>
public static class EditScope
{
    public sealed record Command(string Code, string? Label, string? Description) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var scope = await db.Scopes.FindAsync([command.Code], ct);
            if (scope is null) return Result.NotFound();

            var (previousLabel, previousDescription) = (scope.Label, scope.Description);
            var described = scope.Describe(command.Label, command.Description);
            if (described.IsFailure) return described;
            if (scope.Label == previousLabel && scope.Description == previousDescription) return Result.Ok();

            db.Raise(new ScopeDescribed(scope.Code, user.Id, time.GetUtcNow(), previousLabel, previousDescription, scope.Label, scope.Description));
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
