using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Account;

/// <summary>
/// A partner creates an account; a confirmation link is e-mailed. An address that already has an
/// account gets the same answer, after the same work (one password hash), and its owner a warning.
/// </summary>
public static class Register
{
    public sealed record Command(string? FirstName, string? LastName, string? Email, string? Password, string? ConfirmPassword)
        : ICommand<Result>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FirstName).PersonName("Saisissez votre prénom.");
            RuleFor(c => c.LastName).PersonName("Saisissez votre nom.");
            RuleFor(c => c.Email).ValidEmail();
            RuleFor(c => c.Password).StrongPassword();
            RuleFor(c => c.ConfirmPassword)
                .NotEmpty().WithMessage("Confirmez le mot de passe.")
                .Equal(c => c.Password).WithMessage("Les deux mots de passe ne sont pas identiques.");
        }
    }

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, IEmailThrottle throttle,
        ICurrentUser current, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            var email = command.Email!.Trim();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            if (await users.FindByEmailAsync(email) is { } existing)
            {
                // Same answer and same work as a new account (hashing dominates), so the form reveals
                // neither by its answer nor by its time who has one.
                _ = users.PasswordHasher.HashPassword(existing, command.Password!);
                if (!throttle.TryAcquire(email, current.ClientAddress))
                {
                    return Result.Ok();
                }

                db.Raise(new AccountRegistrationRepeated(existing.Id, now));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return Result.Ok();
            }

            var user = new AppUser
            {
                UserName = email,
                Email = email,
                FirstName = command.FirstName!.Trim(),
                LastName = command.LastName!.Trim(),
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user, command.Password!);
            if (!created.Succeeded)
            {
                return Result.Invalid([.. created.Errors.Select(IdentityErrors.ToError)]);
            }

            await users.AddToRoleAsync(user, Roles.Partner);
            // Throttled, the account still exists (and is audited) without a link; "renvoyer la confirmation" sends it later.
            var token = throttle.TryAcquire(email, current.ClientAddress) ? await users.GenerateEmailConfirmationTokenAsync(user) : null;
            db.Raise(new AccountRegistered(user.Id, now, token));

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Result.Ok();
        }
    }
}

internal static class IdentityErrors
{
    /// <summary>Maps Identity's errors (already in French) to the field they concern.</summary>
    public static Error ToError(IdentityError e)
    {
        var field = e.Code switch
        {
            _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => "Password",
            "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "Email",
            _ => null,
        };
        return new Error("identity." + e.Code, e.Description, field);
    }
}
