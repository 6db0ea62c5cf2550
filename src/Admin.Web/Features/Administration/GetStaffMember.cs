using Admin.Domain.Common;
using Admin.Infrastructure.Identity;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Administration;

/// <summary>One staff account, for the pages that change it (role, deactivation); 404 for anyone else.</summary>
public static class GetStaffMember
{
    public sealed record Query(Guid UserId) : IQuery<Result<Member>>;

    public sealed record Member(Guid Id, string Name, string Email, string Role, DateTimeOffset? DeactivatedAt, bool IsYou);

    internal sealed class Handler(UserManager<AppUser> users, ICurrentUser current) : IQueryHandler<Query, Result<Member>>
    {
        public async ValueTask<Result<Member>> Handle(Query query, CancellationToken ct)
        {
            if (await StaffAccounts.FindAsync(users, query.UserId) is not { } found) return Result<Member>.From(Result.NotFound());
            var (user, role) = found;
            return new Member(user.Id, user.DisplayName, user.Email ?? "", role, user.DeactivatedAt, user.Id == current.Id);
        }
    }
}
