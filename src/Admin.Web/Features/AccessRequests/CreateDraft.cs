using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Organizations;
using Admin.Web.Infrastructure;
using Mediator;

namespace Admin.Web.Features.AccessRequests;

/// <summary>The applicant of the current organization starts a new request (an empty draft).</summary>
public static class CreateDraft
{
    public static readonly Error NoOrganization = new("access_request.no_organization",
        "Inscrivez d'abord votre organisation pour déposer une demande.");

    public static readonly Error NotApplicant = new("access_request.not_applicant",
        "Seul un demandeur de l'organisation peut déposer une demande.");

    public sealed record Command : ICommand<Result<Guid>>;

    internal sealed class Handler(AdminDbContext db, PartnerContext partner, ICurrentUser user, TimeProvider time)
        : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var current = await partner.CurrentAsync(ct);
            if (current is null) return Result<Guid>.Failure(ErrorKind.Validation, [NoOrganization]);
            if (current.Role != MembershipRole.Applicant) return Result<Guid>.Failure(ErrorKind.Forbidden, [NotApplicant]);

            var request = AccessRequest.Create(current.OrganizationId, user.Id, time.GetUtcNow());
            db.AccessRequests.Add(request);
            await db.SaveChangesAsync(ct);
            return request.Id;
        }
    }
}
