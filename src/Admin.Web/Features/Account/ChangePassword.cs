using Admin.Domain.Common;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Account;

/// <summary>
/// The signed-in user changes their password. Identity rotates the security stamp, which ends every
/// other session (see SessionValidation); the user is told by e-mail.
/// </summary>
public static class ChangePassword
{
    public static readonly Error WrongCurrentPassword = new("account.wrong_current_password", "Le mot de passe actuel est incorrect.", nameof(Command.CurrentPassword));

    public sealed record Command(string? CurrentPassword, string? NewPassword, string? ConfirmPassword) : ICommand<Result>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword)
                .NotEmpty().WithMessage("Saisissez votre mot de passe actuel.")
                .MaximumLength(AccountRules.PasswordMaxLength).WithMessage($"Le mot de passe ne peut pas dépasser {AccountRules.PasswordMaxLength} caractères.");
            RuleFor(c => c.NewPassword).StrongPassword();
            RuleFor(c => c.ConfirmPassword)
                .NotEmpty().WithMessage("Confirmez le nouveau mot de passe.")
                .Equal(c => c.NewPassword).WithMessage("Les deux mots de passe ne sont pas identiques.");
        }
    }

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, ICurrentUser current, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(current.Id.ToString());
            if (user is null) return Result.NotFound();

            var changed = await users.ChangePasswordAsync(user, command.CurrentPassword!, command.NewPassword!);
            if (!changed.Succeeded)
            {
                return Result.Invalid([.. changed.Errors.Select(e => e.Code == "PasswordMismatch"
                    ? WrongCurrentPassword
                    : IdentityErrors.ToError(e).ForField(nameof(Command.NewPassword)))]);
            }

            db.Raise(new AccountPasswordChanged(user.Id, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
