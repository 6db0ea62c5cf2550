using Admin.Domain.Common;
using Admin.Web.Features.Access;
using Mediator;

namespace Admin.Web.Features.Organizations;

/// <summary>
/// The partner switches to another of their organizations; any other one does not exist for them.
/// The controller remembers the choice.
/// </summary>
public static class ChooseOrganization
{
    /// <summary>Answers the chosen organization's name.</summary>
    public sealed record Command(Guid OrganizationId) : ICommand<Result<string>>;

    internal sealed class Handler(AccessService access) : ICommandHandler<Command, Result<string>>
    {
        public async ValueTask<Result<string>> Handle(Command command, CancellationToken ct)
        {
            var membership = (await access.MembershipsAsync(ct)).FirstOrDefault(m => m.OrganizationId == command.OrganizationId);
            return membership is null ? Result<string>.From(Result.NotFound()) : membership.OrganizationName;
        }
    }
}
