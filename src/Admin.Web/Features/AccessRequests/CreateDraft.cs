using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
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

    /// <param name="ChosenOrganizationId">The organization last chosen (the controller's cookie), checked here.</param>
    public sealed record Command(Guid? ChosenOrganizationId) : ICommand<Result<Guid>>;

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time)
        : ICommandHandler<Command, Result<Guid>>
    {
        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var current = await access.CurrentOrganizationAsync(command.ChosenOrganizationId, ct);
            if (current is null) return Result<Guid>.Failure(ErrorKind.Validation, [NoOrganization]);
            if (current.Role != MembershipRole.Applicant) return Result<Guid>.Failure(ErrorKind.Forbidden, [NotApplicant]);

            var request = AccessRequest.Create(current.OrganizationId, user.Id, time.GetUtcNow());
            db.AccessRequests.Add(request);
            await db.SaveChangesAsync(ct);
            return request.Id;
        }
    }
}
