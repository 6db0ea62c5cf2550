using Admin.Domain.Common;
using Admin.Web.Features.Access;
using Mediator;

namespace Admin.Web.Features.Organizations;

/// <summary>The signed-in partner's organizations, and which one they are working in.</summary>
public static class ListMyOrganizations
{
    /// <param name="ChosenOrganizationId">The organization last chosen (the controller's cookie), checked here.</param>
    public sealed record Query(Guid? ChosenOrganizationId) : IQuery<Result<MyOrganizations>>;

    internal sealed class Handler(AccessService access) : IQueryHandler<Query, Result<MyOrganizations>>
    {
        public async ValueTask<Result<MyOrganizations>> Handle(Query query, CancellationToken ct) =>
            new MyOrganizations(await access.MembershipsAsync(ct),
                (await access.CurrentOrganizationAsync(query.ChosenOrganizationId, ct))?.OrganizationId);
    }
}

public sealed record MyOrganizations(IReadOnlyList<MembershipSummary> Memberships, Guid? CurrentOrganizationId);
