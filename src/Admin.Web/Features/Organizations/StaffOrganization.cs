using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.AccessRequests;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Organizations;

/// <summary>
/// An organization as staff see it at /instruction/organisations/{id}: its identity, whether it is
/// suspended (and why), its authorizations with their status and a link to their keys; suspending
/// or resuming it is offered to instructors and administrators who are not members of it.
/// </summary>
public static class StaffOrganization
{
    public sealed record Query(Guid OrganizationId) : IQuery<Result<View>>;

    public sealed record AuthorizationRow(Guid Id, Guid RequestId, string RequestTitle, AuthorizationStatus Status, string? SuspensionReason,
        DateOnly ExpiresOn, bool IsExpired);

    public sealed record View(Organization Organization, IReadOnlyList<AuthorizationRow> Authorizations, bool CanSuspend);

    internal sealed class Handler(AdminDbContext db, AccessService access, TimeProvider time) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var allowed = await access.ForOrganizationAsync(query.OrganizationId, Need.Read, ct, tracking: false);
            if (allowed.IsFailure) return Result<View>.From(allowed);
            if (allowed.Value.Staff is not { } staff) return Result<View>.From(Result.Forbidden());

            var now = time.GetUtcNow();
            var rows = await db.Authorizations.AsNoTracking().Where(a => a.OrganizationId == query.OrganizationId)
                .Join(db.AccessRequests.AsNoTracking(), a => a.AccessRequestId, r => r.Id, (a, r) => new { Authorization = a, r.Procedure.Name })
                .ToListAsync(ct);
            var authorizations = rows
                .OrderByDescending(x => x.Authorization.CreatedAt)
                .Select(x => new AuthorizationRow(x.Authorization.Id, x.Authorization.AccessRequestId, RequestTitle.Of(x.Name), x.Authorization.Status,
                    x.Authorization.SuspensionReason, x.Authorization.ExpiresOn, x.Authorization.IsExpired(now)))
                .ToList();
            return new View(allowed.Value.Organization, authorizations, CanSuspend: staff.CanReview && allowed.Value.Role is null);
        }
    }
}
