using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.ApiKeys;

/// <summary>
/// A key's IP allow-list, edited by the organization's applicant or technical contact: IPv4/IPv6
/// addresses and CIDR ranges, each invalid entry reported at the field; empty for any address. Audited.
/// </summary>
public static class EditAllowedIps
{
    public sealed record Command(Guid AuthorizationId, Guid KeyId, string? AllowedIps) : ICommand<Result>;

    public sealed record Query(Guid AuthorizationId, Guid KeyId) : IQuery<Result<Form>>;

    /// <summary>The form: the key, and the list as it is (one entry a line) or as it was typed.</summary>
    public sealed record Form(KeyPage.View Page, KeyPage.KeyRow Key, string AllowedIps);

    internal sealed class Handler(AdminDbContext db, AccessService access, ICurrentUser user, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct) =>
            await KeyChange.ApplyAsync(db, access, command.AuthorizationId, command.KeyId,
                (key, organization) => key.SetAllowedIps(organization, user.Id, command.AllowedIps, time.GetUtcNow()), ct);
    }

    internal sealed class FormHandler(AdminDbContext db, AccessService access, TimeProvider time) : IQueryHandler<Query, Result<Form>>
    {
        public async ValueTask<Result<Form>> Handle(Query query, CancellationToken ct)
        {
            var found = await KeyPage.ForKeyAsync(db, access, query.AuthorizationId, query.KeyId, Need.IssueKeys, time.GetUtcNow(), ct);
            return found.IsFailure ? Result<Form>.From(found) : new Form(found.Value.Page, found.Value.Key, string.Join('\n', found.Value.Key.AllowedIps));
        }
    }
}
