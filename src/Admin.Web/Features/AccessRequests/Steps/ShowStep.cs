using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Mediator;

namespace Admin.Web.Features.AccessRequests.Steps;

/// <summary>One step of the request as saved, with what the page needs around it.</summary>
public static class ShowStep
{
    public sealed record Query(Guid RequestId, AccessRequestStep Step) : IQuery<Result<IStepPage>>;

    internal sealed class Handler(AccessService access, AdminDbContext db) : IQueryHandler<Query, Result<IStepPage>>
    {
        public async ValueTask<Result<IStepPage>> Handle(Query query, CancellationToken ct)
        {
            var found = await access.ForRequestAsync(query.RequestId, Need.Read, ct, tracking: false);
            if (found.IsFailure) return Result<IStepPage>.From(found);
            var member = found.Value;

            var request = member.Request;
            var charter = await db.CurrentCharterAsync(ct);
            var extras = query.Step switch
            {
                AccessRequestStep.LegalBasis => new StepExtras(CurrentDocument: request.LegalBasis.Document),
                AccessRequestStep.Scopes => new StepExtras(
                    ScopeGroups: await db.OfferableScopeGroupsAsync(ct),
                    UnofferedScopes: [.. request.Scopes.Except(await db.OfferableScopesAsync(ct))]),
                AccessRequestStep.Engagements => new StepExtras(
                    Charter: CharterView.From(charter),
                    OutdatedAcceptanceLabel: request.Engagements.CharterMajor is { } major && !charter.IsCoveredByAcceptanceOf(major)
                        ? $"{major}.{request.Engagements.CharterMinor}" : null),
                _ => new StepExtras(),
            };
            return Result.Ok(StepForm.From(request, query.Step, charter).ToPage(StepHeader.For(member, query.Step), extras));
        }
    }
}
