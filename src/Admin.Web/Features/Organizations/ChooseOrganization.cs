using Admin.Domain.Common;
using Mediator;

namespace Admin.Web.Features.Organizations;

/// <summary>The partner switches to another of their organizations; any other one does not exist for them.</summary>
public static class ChooseOrganization
{
    /// <summary>Answers the chosen organization's name.</summary>
    public sealed record Command(Guid OrganizationId) : ICommand<Result<string>>;

    internal sealed class Handler(PartnerContext partner) : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken ct)
        {
            if (!await partner.SwitchToAsync(command.OrganizationId, ct)) return Result<string>.From(Result.NotFound());
            var memberships = await partner.MembershipsAsync(ct);
            return memberships.First(m => m.OrganizationId == command.OrganizationId).OrganizationName;
        }
    }
}
