using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Mediator;

namespace Admin.Web.Features.AccessRequests.Steps;

/// <summary>One step of the request as saved, with what the page needs around it.</summary>
public static class ShowStep
{
    /// <param name="WithErrors">Show the section's errors as saved (the step opened from the summary to check it).</param>
    public sealed record Query(Guid RequestId, AccessRequestStep Step, bool WithErrors = false) : IQuery<Result<IStepPage>>;

    internal sealed class Handler(AccessService access, AdminDbContext db, TimeProvider time) : IQueryHandler<Query, Result<IStepPage>>
    {
        public async ValueTask<Result<IStepPage>> Handle(Query query, CancellationToken ct)
        {
            var found = await access.ForRequestAsync(query.RequestId, Need.Read, ct, tracking: false);
            if (found.IsFailure) return Result<IStepPage>.From(found);
            var member = found.Value;

            var request = member.Request;
            var charter = await db.CurrentCharterAsync(ct);
            var useCase = await db.UseCaseGuideAsync(request, ct);
            var offerable = await db.OfferableScopesAsync(ct);
            var now = time.GetUtcNow();
            var incomplete = AccessRequestStepLabels.All.Where(s => request.SectionErrors(s, charter, offerable, now).Count > 0).ToHashSet();
            var extras = query.Step switch
            {
                AccessRequestStep.LegalBasis => new StepExtras(CurrentDocument: request.LegalBasis.Document, UseCase: useCase),
                AccessRequestStep.Scopes => await ScopesExtrasAsync(),
                AccessRequestStep.Contacts => new StepExtras(OrganizationMembers: await FillContact.MembersAsync(db, request.OrganizationId, ct)),
                AccessRequestStep.Engagements => new StepExtras(
                    Charter: CharterView.From(charter),
                    OutdatedAcceptanceLabel: request.Engagements.CharterMajor is { } major && !charter.IsCoveredByAcceptanceOf(major)
                        ? $"{major}.{request.Engagements.CharterMinor}" : null),
                _ => new StepExtras(),
            };
            if (query.WithErrors) extras = extras with { SectionErrors = request.SectionErrors(query.Step, charter, offerable, now) };
            return Result.Ok(StepForm.From(request, query.Step, charter).ToPage(StepHeader.For(member, query.Step, incomplete), extras));

            async Task<StepExtras> ScopesExtrasAsync()
            {
                var labels = await db.ScopeLabelsAsync(ct);
                return new StepExtras(
                    ScopeGroups: await db.OfferableScopeGroupsAsync(ct, except: useCase?.Offered.Select(s => s.Code).ToList()),
                    UnofferedScopes: [.. request.Scopes.Except(offerable).Select(code => new ScopeOption(code, labels.GetValueOrDefault(code) ?? code))],
                    UseCase: useCase);
            }
        }
    }
}
