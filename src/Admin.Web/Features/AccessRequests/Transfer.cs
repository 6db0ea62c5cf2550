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
/// Hands a request to another applicant of its organization (someone leaving their post): any
/// applicant of the organization from the request page, an administrator from the staff side. Both
/// people are told by e-mail (AccessRequestNotifications).
/// </summary>
public static class Transfer
{
    public sealed record Candidate(Guid UserId, string Name, string Email);

    /// <summary>The confirmation page: who holds the request now, and the applicants it may go to.</summary>
    public sealed record View(AccessRequest Request, string OrganizationName, string ApplicantName, IReadOnlyList<Candidate> Candidates)
    {
        public string Title => RequestTitle.Of(Request.Procedure.Name);
    }

    /// <summary>What the form posts (who acts comes from the session, never from here).</summary>
    public sealed record Form(Guid? NewApplicantId = null, string? Message = null);

    public sealed record Query(Guid RequestId) : IQuery<Result<View>>;

    public sealed record Command(Guid RequestId, Form Form) : ICommand<Result>;

    internal sealed class QueryHandler(AdminDbContext db, AccessService access) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var allowed = await access.ForRequestAsync(query.RequestId, Need.Transfer, ct, tracking: false);
            if (allowed.IsFailure) return Result<View>.From(allowed);
            var request = allowed.Value.Request;
            if (request.Status == AccessRequestStatus.Archived)
                return Result<View>.From(Result.Conflict(AccessRequestErrors.InvalidTransition(request.Status)));

            var organization = await db.Organizations.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.Id == request.OrganizationId, ct);
            var applicants = organization.Memberships.Where(m => m.Role == MembershipRole.Applicant).Select(m => m.UserId).ToList();
            var people = await db.Users.AsNoTracking().Where(u => applicants.Contains(u.Id) || u.Id == request.ApplicantId)
                .Select(u => new Candidate(u.Id, (u.FirstName + " " + u.LastName).Trim(), u.Email ?? ""))
                .ToListAsync(ct);
            var current = people.FirstOrDefault(p => p.UserId == request.ApplicantId);
            var candidates = people.Where(p => p.UserId != request.ApplicantId && applicants.Contains(p.UserId))
                .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            return new View(request, organization.Name, current is null ? "compte supprimé" : $"{current.Name} ({current.Email})", candidates);
        }
    }

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var allowed = await access.ForRequestAsync(command.RequestId, Need.Transfer, ct);
            if (allowed.IsFailure) return allowed;
            var (request, role, staff) = allowed.Value;

            var organization = await db.Organizations.Include(o => o.Memberships).SingleAsync(o => o.Id == request.OrganizationId, ct);
            var to = command.Form.NewApplicantId ?? Guid.Empty;
            var now = time.GetUtcNow();
            // A member acts as the organization's applicant; an administrator who is not one, as staff.
            var outcome = role == MembershipRole.Applicant
                ? request.TransferTo(user.Id, organization, to, command.Form.Message, now)
                : request.TransferTo(staff!, organization, to, command.Form.Message, now);
            if (outcome.IsFailure) return outcome;

            return await db.SaveChangesOrConflictAsync(ct);
        }
    }
}
