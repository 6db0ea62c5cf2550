using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests;

/// <summary>
/// The partner's own transitions on a request: reopen an approved one, archive, copy as a new draft,
/// or take over a draft staff prepared (and become its applicant).
/// </summary>
public static class ChangeLifecycle
{
    public enum PartnerAction
    {
        Reopen,
        Archive,
        Copy,
        TakeOver,
    }

    public static readonly Error NotApplicant = new("access_request.not_applicant", "Seul un demandeur de l'organisation peut faire cette action.");

    /// <summary>Succeeds with the id of the request to show next (the copy, for <see cref="PartnerAction.Copy"/>).</summary>
    public sealed record Command(Guid RequestId, PartnerAction Action) : ICommand<Result<Guid>>;

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time)
        : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var found = await access.ForRequestAsync(command.RequestId, Need.Edit, ct);
            if (found.FailureKind == ErrorKind.Forbidden) return Result<Guid>.Failure(ErrorKind.Forbidden, [NotApplicant]);
            if (found.IsFailure) return Result<Guid>.From(found);

            var now = time.GetUtcNow();
            var request = found.Value.Request;
            Guid next = request.Id;
            var outcome = command.Action switch
            {
                PartnerAction.Reopen => request.Reopen(user.Id, now),
                PartnerAction.Archive => request.Archive(user.Id, now),
                PartnerAction.TakeOver => request.TakeOver(user.Id, await OrganizationAsync(), now),
                _ => Copy(),
            };
            if (outcome.IsFailure) return Result<Guid>.From(outcome);

            var stored = await db.SaveChangesOrConflictAsync(ct);
            return stored.IsSuccess ? next : Result<Guid>.From(stored);

            Task<Organization> OrganizationAsync() =>
                db.Organizations.Include(o => o.Memberships).SingleAsync(o => o.Id == request.OrganizationId, ct);

            Result Copy()
            {
                var copy = request.CopyAsNewDraft(user.Id, now);
                db.AccessRequests.Add(copy);
                next = copy.Id;
                return Result.Ok();
            }
        }
    }
}
