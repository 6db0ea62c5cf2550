using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.UseCases;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests;

/// <summary>
/// The applicant of the current organization starts a new request: from one of the offered use
/// cases (pre-filled) or as a free request ("Demande libre", an empty draft).
/// </summary>
public static class CreateDraft
{
    /// <summary>The value of the choice "Demande libre".</summary>
    public const string FreeRequest = "libre";

    public static readonly Error NoOrganization = new("access_request.no_organization",
        "Inscrivez d'abord votre organisation pour déposer une demande.");

    public static readonly Error NotApplicant = new("access_request.not_applicant",
        "Seul un demandeur de l'organisation peut déposer une demande.");

    /// <param name="ChosenOrganizationId">The organization last chosen (the controller's cookie), checked here.</param>
    /// <param name="UseCase">A use case's code, <see cref="FreeRequest"/>, or null when nothing was chosen.</param>
    public sealed record Command(Guid? ChosenOrganizationId, string? UseCase) : ICommand<Result<Guid>>;

    /// <summary>The choice page: the use cases still offered, by title.</summary>
    public sealed record Choices(Guid? ChosenOrganizationId) : IQuery<Result<ChoicePage>>;

    public sealed record UseCaseChoice(string Code, string Title, string? Audience, IReadOnlyList<string> Scopes);

    public sealed record ChoicePage(string OrganizationName, IReadOnlyList<UseCaseChoice> UseCases, string? Chosen = null);

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time)
        : ICommandHandler<Command, Result<Guid>>, IQueryHandler<Choices, Result<ChoicePage>>
    {
        public async ValueTask<Result<ChoicePage>> Handle(Choices query, CancellationToken ct)
        {
            var current = await ApplicantOrganizationAsync(query.ChosenOrganizationId, ct);
            if (current.IsFailure) return Result<ChoicePage>.From(current);

            var labels = await db.ScopeLabelsAsync(ct);
            var offered = await db.UseCases.AsNoTracking().Where(u => !u.IsRetired).ToListAsync(ct);
            var french = StringComparer.Create(StepLabels.French, true);
            return new ChoicePage(current.Value.OrganizationName,
                [.. offered.OrderBy(u => u.Title, french).Select(u => new UseCaseChoice(u.Code, u.Title, u.Audience,
                    [.. u.PreselectedScopes.Select(code => labels.GetValueOrDefault(code) ?? code)]))]);
        }

        public async ValueTask<Result<Guid>> Handle(Command command, CancellationToken ct)
        {
            var current = await ApplicantOrganizationAsync(command.ChosenOrganizationId, ct);
            if (current.IsFailure) return Result<Guid>.From(current);
            var organizationId = current.Value.OrganizationId;
            var now = time.GetUtcNow();

            AccessRequest request;
            if (string.IsNullOrWhiteSpace(command.UseCase))
            {
                return Result<Guid>.Failure(ErrorKind.Validation, [UseCaseErrors.ChoiceRequired.ForField(nameof(Command.UseCase))]);
            }
            else if (command.UseCase == FreeRequest)
            {
                request = AccessRequest.Create(organizationId, user.Id, now);
            }
            else
            {
                var useCase = await db.UseCases.AsNoTracking().FirstOrDefaultAsync(u => u.Code == command.UseCase, ct);
                if (useCase is null) return Result<Guid>.Failure(ErrorKind.Validation, [UseCaseErrors.NotOffered.ForField(nameof(Command.UseCase))]);
                var started = AccessRequest.StartFrom(useCase, await db.OfferableScopesAsync(ct), organizationId, user.Id, now);
                if (started.IsFailure) return Result<Guid>.Failure(ErrorKind.Validation, [.. started.Errors.Select(e => e.ForField(nameof(Command.UseCase)))]);
                request = started.Value;
            }

            db.AccessRequests.Add(request);
            await db.SaveChangesAsync(ct);
            return request.Id;
        }

        private async Task<Result<(Guid OrganizationId, string OrganizationName)>> ApplicantOrganizationAsync(Guid? chosen, CancellationToken ct)
        {
            var current = await access.CurrentOrganizationAsync(chosen, ct);
            if (current is null) return Result<(Guid, string)>.Failure(ErrorKind.Validation, [NoOrganization]);
            if (current.Role != MembershipRole.Applicant) return Result<(Guid, string)>.Failure(ErrorKind.Forbidden, [NotApplicant]);
            return (current.OrganizationId, current.OrganizationName);
        }
    }
}
