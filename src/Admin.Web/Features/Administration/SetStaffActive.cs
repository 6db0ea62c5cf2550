using Admin.Domain.Common;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Administration;

/// <summary>
/// Deactivates a staff account (someone leaves) or reactivates it. Deactivated, it can no longer sign
/// in (<c>AdminSignInManager.CanSignInAsync</c>) and its security stamp changes, so every open session
/// ends at its next request (ADR 0007); the account stays, for the audit trail. An administrator
/// cannot deactivate themselves. Reactivated, the person signs in as before (password, second factor).
/// </summary>
public static class SetStaffActive
{
    public sealed record Command(Guid UserId, bool Active) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, ICurrentUser current, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            if (await StaffAccounts.FindAsync(users, command.UserId) is not { } found) return Result.NotFound();
            var user = found.User;
            if (!command.Active && user.Id == current.Id) return Result.Invalid(StaffErrors.OwnDeactivation);
            if (user.DeactivatedAt is null == command.Active) return Result.Ok();

            var now = time.GetUtcNow();
            if (command.Active)
            {
                user.DeactivatedAt = null;
                db.Raise(new StaffReactivated(user.Id, current.Id, now));
                return StaffAccounts.Saved(await users.UpdateAsync(user));
            }

            user.DeactivatedAt = now;
            db.Raise(new StaffDeactivated(user.Id, current.Id, now));
            // Saves the account and its audit row, and ends the sessions.
            return StaffAccounts.Saved(await users.UpdateSecurityStampAsync(user));
        }
    }
}
