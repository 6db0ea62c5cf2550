using Admin.Domain.Common;
using Admin.Domain.Scopes;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Administration;

/// <summary>A new scope for one of the catalogue's data providers, offered to new requests at once.</summary>
public static class AddScope
{
    public sealed record Command(string? Code, string? ProviderCode, string? Label, string? Description) : ICommand<Result>
    {
        public static Command Empty { get; } = new(null, null, null, null);
    }

    internal sealed class Handler(AdminDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var sameProvider = string.IsNullOrEmpty(command.ProviderCode)
                ? null
                : await db.Scopes.AsNoTracking().FirstOrDefaultAsync(s => s.ProviderCode == command.ProviderCode, ct);
            var added = sameProvider is null
                ? Result<Scope>.Failure(ErrorKind.Validation, [ScopeErrors.UnknownProvider.ForField(nameof(Command.ProviderCode))])
                : Scope.Add(command.Code, sameProvider, command.Label, command.Description);
            if (added.IsFailure) return added;

            var scope = added.Value;
            if (await db.Scopes.AnyAsync(s => s.Code == scope.Code, ct)) return Taken;
            db.Scopes.Add(scope);
            db.Raise(new ScopeAdded(scope.Code, user.Id, time.GetUtcNow(), scope.ProviderCode, scope.Label, scope.Description));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Added by someone else between the check and the save: the code's primary key refused it.
                return Taken;
            }

            return Result.Ok();
        }

        private static Result Taken => Result.Invalid(ScopeErrors.CodeTaken.ForField(nameof(Command.Code)));
    }
}
