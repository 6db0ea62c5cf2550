using Admin.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Persistence;

public static class SaveChangesExtensions
{
    /// <summary>
    /// Saves, turning a lost race on a concurrency token into the French "changed meanwhile" error:
    /// of two people acting on the same version, the second one overwrites nothing.
    /// </summary>
    public static async Task<Result> SaveChangesOrConflictAsync(this AdminDbContext db, CancellationToken ct, Error? conflict = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(conflict ?? CommonErrors.ConcurrentChange);
        }
    }
}
