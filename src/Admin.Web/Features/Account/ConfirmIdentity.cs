using Admin.Domain.Audit;
using Admin.Domain.Common;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Controllers;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Account;

/// <summary>
/// The signed-in user proves again that it is them before a sensitive action: their two-factor code
/// when they have two-factor, else their password. A wrong password counts towards the lockout,
/// like a failed sign-in. The controller then records the time in the session (IdentityConfirmation).
/// </summary>
public static class ConfirmIdentity
{
    public static readonly Error WrongPassword = new("account.wrong_password", "Le mot de passe est incorrect.", nameof(Command.Password));
    public static readonly Error PasswordRequired = new("account.password_required", "Saisissez votre mot de passe.", nameof(Command.Password));
    public static readonly Error WrongCode = new("account.wrong_code", "Ce code n'est pas valide. Saisissez le nouveau code affiché par votre application.", nameof(Command.Code));
    public static readonly Error CodeRequired = new("account.code_required", "Saisissez le code à 6 chiffres affiché par votre application d'authentification.", nameof(Command.Code));
    public static readonly Error LockedOut = new("account.locked_out", "Trop d'essais infructueux : votre compte est bloqué pendant 15 minutes.", nameof(Command.Password));

    public const string AuditAction = "account.identity_confirmed";

    public sealed record Command(string? Password, string? Code) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, ICurrentUser current, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(current.Id.ToString());
            if (user is null) return Result.NotFound();

            var refused = user.TwoFactorEnabled
                ? await IdentityProof.CheckCodeAsync(users, user, command.Code, nameof(Command.Code))
                : await IdentityProof.CheckPasswordAsync(signIn, user, command.Password, nameof(Command.Password));
            if (refused is not null) return Result.Invalid(refused);

            db.AuditEvents.Add(new AuditEvent("User", user.Id, AuditAction, user.Id, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
