using Admin.Domain.Audit;
using Admin.Domain.Common;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Account;

/// <summary>Sets a new password from the e-mailed link.</summary>
public static class ResetPassword
{
    public sealed record Command(string? Email, string? Code, string? Password, string? ConfirmPassword) : ICommand<Result>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).ValidEmail();
            RuleFor(c => c.Password).StrongPassword();
            RuleFor(c => c.ConfirmPassword)
                .NotEmpty().WithMessage("Confirmez le mot de passe.")
                .Equal(c => c.Password).WithMessage("Les deux mots de passe ne sont pas identiques.");
        }
    }

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, TimeProvider time) : ICommandHandler<Command, Result>
    {
        private static readonly Error InvalidLink = new("account.invalid_link", "Ce lien de réinitialisation n'est pas valide ou a expiré. Demandez un nouveau lien.");

        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var token = EmailLinks.DecodeToken(command.Code);
            var user = await users.FindByEmailAsync(command.Email!.Trim());
            if (user is null || token is null)
            {
                return Result.Invalid(InvalidLink);
            }

            var reset = await users.ResetPasswordAsync(user, token, command.Password!);
            if (!reset.Succeeded)
            {
                return Result.Invalid([.. reset.Errors.Select(e => e.Code == "InvalidToken" ? InvalidLink : IdentityErrors.ToError(e))]);
            }

            // A reset proves control of the mailbox: lift a lockout so the user can sign in again.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            db.AuditEvents.Add(new AuditEvent("User", user.Id, "account.password_reset", user.Id, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
