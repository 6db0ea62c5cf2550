using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.ApiKeys;

/// <summary>
/// Revokes a key at once, with a reason: as the organization (its applicant or technical contact)
/// or as staff (instructors and administrators, any key). Audited; the applicant and the technical
/// contact are e-mailed (ApiKeyNotifications).
/// </summary>
public static class RevokeKey
{
    public sealed record Command(Guid AuthorizationId, Guid KeyId, string? Reason, bool AsStaff) : ICommand<Result>;

    /// <summary>The confirmation page: the key to revoke, on its authorization's page.</summary>
    public sealed record Query(Guid AuthorizationId, Guid KeyId, bool AsStaff) : IQuery<Result<Confirmation>>;

    public sealed record Confirmation(KeyPage.View Page, KeyPage.KeyRow Key, string? Reason = null);

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var allowed = await access.ForAuthorizationAsync(command.AuthorizationId, Need.RevokeKeys, ct);
            if (allowed.IsFailure) return allowed;
            var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.KeyId && k.AuthorizationId == command.AuthorizationId, ct);
            if (key is null) return Result.NotFound();

            var now = time.GetUtcNow();
            var outcome = command.AsStaff
                ? allowed.Value.Staff is { } staff ? key.RevokeAsStaff(staff, command.Reason, now) : Result.Forbidden()
                : key.RevokeAsMember(allowed.Value.Organization, user.Id, command.Reason, now);
            if (outcome.IsFailure) return outcome;
            return await db.SaveChangesOrConflictAsync(ct, ApiKeyErrors.AlreadyRevoked);
        }
    }

    internal sealed class ConfirmationHandler(AdminDbContext db, AccessService access, TimeProvider time)
        : IQueryHandler<Query, Result<Confirmation>>
    {
        public async ValueTask<Result<Confirmation>> Handle(Query query, CancellationToken ct)
        {
            var allowed = await access.ForAuthorizationAsync(query.AuthorizationId, Need.RevokeKeys, ct);
            if (allowed.IsFailure) return Result<Confirmation>.From(allowed);
            var page = await KeyPage.BuildAsync(db, allowed.Value, query.AsStaff, time.GetUtcNow(), ct);
            if (!page.CanRevoke) return Result<Confirmation>.From(Result.Forbidden());
            var key = page.Keys.FirstOrDefault(k => k.Id == query.KeyId);
            return key is null ? Result<Confirmation>.From(Result.NotFound()) : new Confirmation(page, key);
        }
    }
}
