using Admin.Domain.Common;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Account;

/// <summary>
/// The link sent to the new address changes the account's address and user name (the address is the
/// user name). Identity rotates the security stamp, which ends every session (SessionValidation) and
/// voids any other link. A tampered, expired or already used link answers one French error.
/// </summary>
public static class ConfirmEmailChange
{
    public static readonly Error InvalidLink = new("account.invalid_email_change_link",
        "Ce lien de changement d'adresse n'est pas valide, a expiré ou a déjà servi. Depuis « Mon compte », demandez un nouveau lien.");

    public sealed record Command(Guid UserId, string? Email, string? Code) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var token = EmailLinks.DecodeToken(command.Code);
            var email = command.Email?.Trim();
            if (token is null || string.IsNullOrEmpty(email) || email.Length > AccountRules.EmailMaxLength) return Result.Invalid(InvalidLink);
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null || user.DeactivatedAt is not null) return Result.Invalid(InvalidLink);

            var previous = user.Email!;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Checks the token (bound to this address and to the current stamp), a taken address, and rotates the stamp.
            var changed = await users.ChangeEmailAsync(user, email, token);
            if (!changed.Succeeded) return Result.Invalid(InvalidLink);
            var renamed = await users.SetUserNameAsync(user, email);
            if (!renamed.Succeeded) return Result.Invalid(InvalidLink);

            db.Raise(new AccountEmailChanged(user.Id, time.GetUtcNow(), previous, email));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Result.Ok();
        }
    }
}
