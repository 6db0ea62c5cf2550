using Admin.Domain.Common;
using Mediator;

namespace Admin.Web.Features.Organizations;

/// <summary>The signed-in partner's organizations, and which one they are working in.</summary>
public static class ListMyOrganizations
{
    public sealed record Query : IQuery<Result<MyOrganizations>>;

    internal sealed class Handler(PartnerContext partner) : IQueryHandler<Query, Result<MyOrganizations>>
    {
        public async ValueTask<Result<MyOrganizations>> Handle(Query query, CancellationToken ct) =>
            new MyOrganizations(await partner.MembershipsAsync(ct), (await partner.CurrentAsync(ct))?.OrganizationId);
    }
}

public sealed record MyOrganizations(IReadOnlyList<MembershipSummary> Memberships, Guid? CurrentOrganizationId);
