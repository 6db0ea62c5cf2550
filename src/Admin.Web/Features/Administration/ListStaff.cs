using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Administration;

/// <summary>The staff accounts (instructors, administrators, auditors), searchable by name or e-mail, paged.</summary>
public static class ListStaff
{
    public const int PageSize = 50;
    public const int SearchMaxLength = 200;

    public sealed record Query(string? Search = null, int Page = 1) : IQuery<Result<View>>;

    public sealed record Row(Guid Id, string Name, string Email, string Role, bool TwoFactorEnabled, bool PasswordChosen,
        DateTimeOffset? DeactivatedAt, bool IsYou);

    public sealed record View(string? Search, IReadOnlyList<Row> Rows, int Total, int Page, int PageCount);

    internal sealed class Handler(AdminDbContext db, ICurrentUser user) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var staffRoles = await db.Roles.AsNoTracking().Where(r => Roles.Staff.Contains(r.Name!))
                .ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
            var roleIds = staffRoles.Keys.ToList();
            var staff = db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));

            var search = query.Search?.Trim();
            if (!string.IsNullOrEmpty(search))
            {
                search = search[..Math.Min(search.Length, SearchMaxLength)];
                var pattern = ListQueries.ContainsPattern(search);
                staff = staff.Where(u => EF.Functions.Like(u.Email!, pattern, ListQueries.LikeEscape)
                    || EF.Functions.Like(u.FirstName + " " + u.LastName, pattern, ListQueries.LikeEscape)
                    || EF.Functions.Like(u.LastName + " " + u.FirstName, pattern, ListQueries.LikeEscape));
            }

            var total = await staff.CountAsync(ct);
            var (page, pageCount) = ListQueries.Paging(total, query.Page, PageSize);
            var users = await staff.OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.Email)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email, u.TwoFactorEnabled, PasswordChosen = u.PasswordHash != null, u.DeactivatedAt })
                .ToListAsync(ct);
            var ids = users.Select(u => u.Id).ToList();
            var roles = (await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId) && roleIds.Contains(ur.RoleId)).ToListAsync(ct))
                .ToLookup(ur => ur.UserId, ur => staffRoles[ur.RoleId]);

            var rows = users.Select(u => new Row(u.Id, $"{u.FirstName} {u.LastName}".Trim(), u.Email ?? "",
                StaffAccounts.StaffRoleOf(roles[u.Id])!, u.TwoFactorEnabled, u.PasswordChosen, u.DeactivatedAt, u.Id == user.Id)).ToList();
            return new View(search, rows, total, page, pageCount);
        }
    }
}
