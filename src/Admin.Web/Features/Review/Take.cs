using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Mediator;

namespace Admin.Web.Features.Review;

/// <summary>"Je prends cette demande": the signed-in instructor follows the request.</summary>
public static class Take
{
    public sealed record Command(Guid RequestId) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, AccessService access, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var allowed = await access.ForRequestAsync(command.RequestId, Need.Decide, ct);
            if (allowed.IsFailure) return allowed;
            var taken = allowed.Value.Request.Take(await access.CurrentStaffAsync(ct), time.GetUtcNow());
            return taken.IsFailure ? taken : await db.SaveChangesOrConflictAsync(ct);
        }
    }
}
