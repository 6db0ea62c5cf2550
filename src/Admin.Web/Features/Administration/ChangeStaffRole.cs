using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Administration;

/// <summary>
/// Gives a staff member another staff role. Their sessions end (security stamp), so the cookie that
/// still carries the previous role stops working at once. An administrator cannot change their own
/// role: another administrator does it, so the last one cannot demote themselves by mistake.
/// </summary>
public static class ChangeStaffRole
{
    public sealed record Command(Guid UserId, string? Role) : ICommand<Result>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Role).StaffRole();
    }

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, ICurrentUser current, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            if (await StaffAccounts.FindAsync(users, command.UserId) is not { } found) return Result.NotFound();
            if (command.UserId == current.Id) return Result.Invalid(StaffErrors.OwnRole.ForField(nameof(Command.Role)));
            var (user, previous) = found;
            if (previous == command.Role) return Result.Ok();

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var removed = await users.RemoveFromRolesAsync(user, [.. (await users.GetRolesAsync(user)).Where(Roles.IsStaff)]);
            if (!removed.Succeeded) return StaffAccounts.Saved(removed);
            var added = await users.AddToRoleAsync(user, command.Role!);
            if (!added.Succeeded) return StaffAccounts.Saved(added);

            db.Raise(new StaffRoleChanged(user.Id, current.Id, time.GetUtcNow(), previous, command.Role!));
            var saved = StaffAccounts.Saved(await users.UpdateSecurityStampAsync(user));
            if (saved.IsFailure) return saved;
            await transaction.CommitAsync(ct);
            return Result.Ok();
        }
    }
}
