using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.AccessRequests;
using Admin.Web.Features.ApiKeys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Suspensions;

/// <summary>
/// Staff (instructors and administrators who are not members of the organization, never auditors)
/// suspend an authorization with a reason, after a confirmation page, and resume it. Its keys answer
/// SUSPENDED meanwhile and none can be created. Audited; the applicant and the technical contact are
/// e-mailed (SuspensionNotifications).
/// </summary>
public static class AuthorizationSuspension
{
    public sealed record Suspend(Guid AuthorizationId, string? Reason) : ICommand<Result>;

    public sealed record Resume(Guid AuthorizationId) : ICommand<Result>;

    /// <summary>The confirmation page before suspending.</summary>
    public sealed record Query(Guid AuthorizationId) : IQuery<Result<SuspensionPage>>;

    internal sealed class SuspendHandler(AdminDbContext db, AccessService access, TimeProvider time) : ICommandHandler<Suspend, Result>
    {
        public async ValueTask<Result> Handle(Suspend command, CancellationToken ct)
        {
            var allowed = await access.ForAuthorizationAsync(command.AuthorizationId, Need.Suspend, ct);
            if (allowed.IsFailure) return allowed;
            var outcome = allowed.Value.Authorization.Suspend(allowed.Value.Staff!.UserId, command.Reason, time.GetUtcNow());
            if (outcome.IsFailure) return outcome;
            return await db.SaveChangesOrConflictAsync(ct, AuthorizationErrors.NotActive);
        }
    }

    internal sealed class ResumeHandler(AdminDbContext db, AccessService access, TimeProvider time) : ICommandHandler<Resume, Result>
    {
        public async ValueTask<Result> Handle(Resume command, CancellationToken ct)
        {
            var allowed = await access.ForAuthorizationAsync(command.AuthorizationId, Need.Suspend, ct);
            if (allowed.IsFailure) return allowed;
            var outcome = allowed.Value.Authorization.Resume(allowed.Value.Staff!.UserId, time.GetUtcNow());
            if (outcome.IsFailure) return outcome;
            return await db.SaveChangesOrConflictAsync(ct, AuthorizationErrors.NotSuspended);
        }
    }

    internal sealed class QueryHandler(AdminDbContext db, AccessService access) : IQueryHandler<Query, Result<SuspensionPage>>
    {
        public async ValueTask<Result<SuspensionPage>> Handle(Query query, CancellationToken ct)
        {
            var allowed = await access.ForAuthorizationAsync(query.AuthorizationId, Need.Suspend, ct);
            if (allowed.IsFailure) return Result<SuspensionPage>.From(allowed);
            var authorization = allowed.Value.Authorization;
            if (authorization.Status != AuthorizationStatus.Active) return Result<SuspensionPage>.From(Result.Conflict(AuthorizationErrors.NotActive));
            var procedure = await db.AccessRequests.AsNoTracking().Where(r => r.Id == authorization.AccessRequestId)
                .Select(r => r.Procedure.Name).SingleAsync(ct);
            return new SuspensionPage($"l'habilitation pour la démarche « {RequestTitle.Of(procedure)} »", allowed.Value.Organization.Name,
                SuspensionRoutes.SuspendAuthorization(authorization.Id), KeyRoutes.Keys(authorization.Id, asStaff: true));
        }
    }
}
