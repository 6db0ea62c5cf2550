using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests.Steps;

/// <summary>
/// The applicant sends the request for review. It goes as the summary showed it: the version the
/// page was rendered from must still be the stored one, otherwise nothing is changed.
/// </summary>
public static class Submit
{
    /// <param name="Version">The request's concurrency token when the summary was shown.</param>
    public sealed record Command(Guid RequestId, int Version) : ICommand<Result>;

    internal sealed class Handler(AccessService access, AdminDbContext db, ICurrentUser user, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var found = await access.ForRequestAsync(command.RequestId, Need.Edit, ct);
            if (found.IsFailure) return found;

            var request = found.Value.Request;
            db.Entry(request).Property(r => r.Version).OriginalValue = command.Version;
            var outcome = request.Submit(user.Id, await db.CurrentCharterAsync(ct), await db.OfferableScopesAsync(ct), time.GetUtcNow());
            if (outcome.IsFailure) return outcome;

            return await db.SaveChangesOrConflictAsync(ct);
        }
    }
}
