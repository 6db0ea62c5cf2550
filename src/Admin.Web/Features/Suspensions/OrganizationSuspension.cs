using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Mediator;

namespace Admin.Web.Features.Suspensions;

/// <summary>
/// Staff (instructors and administrators who are not members of it, never auditors) suspend a whole
/// organization with a reason, after a confirmation page, and resume it. Every authorization of the
/// organization answers SUSPENDED meanwhile (its own status untouched) and no key can be created.
/// Audited; the applicants and technical contacts of its authorizations are e-mailed.
/// </summary>
public static class OrganizationSuspension
{
    public sealed record Suspend(Guid OrganizationId, string? Reason) : ICommand<Result>;

    public sealed record Resume(Guid OrganizationId) : ICommand<Result>;

    /// <summary>The confirmation page before suspending.</summary>
    public sealed record Query(Guid OrganizationId) : IQuery<Result<SuspensionPage>>;

    internal sealed class SuspendHandler(AdminDbContext db, AccessService access, TimeProvider time) : ICommandHandler<Suspend, Result>
    {
        public async ValueTask<Result> Handle(Suspend command, CancellationToken ct)
        {
            var allowed = await access.ForOrganizationAsync(command.OrganizationId, Need.Suspend, ct);
            if (allowed.IsFailure) return allowed;
            var outcome = allowed.Value.Organization.Suspend(allowed.Value.Staff!.UserId, command.Reason, time.GetUtcNow());
            if (outcome.IsFailure) return outcome;
            return await db.SaveChangesOrConflictAsync(ct, OrganizationErrors.ChangedMeanwhile);
        }
    }

    internal sealed class ResumeHandler(AdminDbContext db, AccessService access, TimeProvider time) : ICommandHandler<Resume, Result>
    {
        public async ValueTask<Result> Handle(Resume command, CancellationToken ct)
        {
            var allowed = await access.ForOrganizationAsync(command.OrganizationId, Need.Suspend, ct);
            if (allowed.IsFailure) return allowed;
            var outcome = allowed.Value.Organization.Resume(allowed.Value.Staff!.UserId, time.GetUtcNow());
            if (outcome.IsFailure) return outcome;
            return await db.SaveChangesOrConflictAsync(ct, OrganizationErrors.ChangedMeanwhile);
        }
    }

    internal sealed class QueryHandler(AccessService access) : IQueryHandler<Query, Result<SuspensionPage>>
    {
        public async ValueTask<Result<SuspensionPage>> Handle(Query query, CancellationToken ct)
        {
            var allowed = await access.ForOrganizationAsync(query.OrganizationId, Need.Suspend, ct, tracking: false);
            if (allowed.IsFailure) return Result<SuspensionPage>.From(allowed);
            var organization = allowed.Value.Organization;
            if (organization.IsSuspended) return Result<SuspensionPage>.From(Result.Conflict(OrganizationErrors.AlreadySuspended));
            return new SuspensionPage("l'organisation entière (toutes ses habilitations)", organization.Name,
                SuspensionRoutes.SuspendOrganization(organization.Id), SuspensionRoutes.Organization(organization.Id));
        }
    }
}
