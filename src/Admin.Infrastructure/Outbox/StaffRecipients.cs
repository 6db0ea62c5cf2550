using Admin.Domain.Users;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Outbox;

/// <summary>Staff addresses the notifications write to.</summary>
internal static class StaffRecipients
{
    /// <summary>Every active instructor (deactivated accounts are told nothing).</summary>
    public static Task<List<string>> InstructorsAsync(AdminDbContext db, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.Email != null && u.DeactivatedAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Instructor)))
            .Select(u => u.Email!)
            .ToListAsync(ct);
}
