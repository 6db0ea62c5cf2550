using Admin.Domain.Common;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Account;

/// <summary>
/// The signed-in user asks to change their address, proving it is them with their password. Nothing
/// changes yet: a link goes to the new address (ConfirmEmailChange), a notice to the current one. An
/// address that belongs to another account gets the same answer and the same notice, but no link,
/// and that account's owner is warned: like the sign-up form, this form never tells who has an account.
/// </summary>
public static class RequestEmailChange
{
    public static readonly Error SameEmail = new("account.same_email", "C'est déjà l'adresse électronique de votre compte.", nameof(Command.NewEmail));

    public sealed record Command(string? NewEmail, string? Password) : ICommand<Result>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NewEmail).ValidEmail();
            RuleFor(c => c.Password).NotEmpty().WithMessage("Saisissez votre mot de passe.");
        }
    }

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        IEmailThrottle throttle, ICurrentUser current, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(current.Id.ToString());
            if (user is null) return Result.NotFound();

            var refused = await IdentityProof.CheckPasswordAsync(signIn, user, command.Password, nameof(Command.Password));
            if (refused is not null) return Result.Invalid(refused);

            var newEmail = command.NewEmail!.Trim();
            if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase)) return Result.Invalid(SameEmail);

            var now = time.GetUtcNow();
            var owner = await users.FindByEmailAsync(newEmail);
            var mayWrite = throttle.TryAcquire(newEmail, current.ClientAddress);
            var token = owner is null && mayWrite ? await users.GenerateChangeEmailTokenAsync(user, newEmail) : null;
            db.Raise(new AccountEmailChangeRequested(user.Id, now, newEmail, token));
            if (owner is not null && mayWrite) db.Raise(new AccountEmailClaimedByAnother(owner.Id, user.Id, now));
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
