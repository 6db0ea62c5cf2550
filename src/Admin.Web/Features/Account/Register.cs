using Admin.Domain.Audit;
using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Infrastructure.Email;
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

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, AccountLinks links, IEmailThrottle throttle,
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

                db.OutboxMessages.Add(EmailComposer.Compose("account.already_exists", email, "Votre compte API Particulier existe déjà",
                    ["Quelqu'un (peut-être vous) a tenté de créer un compte API Particulier avec votre adresse électronique, qui en a déjà un.",
                     "Si vous avez oublié votre mot de passe, utilisez « Mot de passe oublié » sur la page de connexion. Sinon, ignorez ce message."],
                    new EmailLink("Se connecter", links.SignIn), now));
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
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            db.AuditEvents.Add(new AuditEvent("User", user.Id, "account.registered", user.Id, now));
            // Throttled, the account still exists; "renvoyer la confirmation" sends the link later.
            if (throttle.TryAcquire(email, current.ClientAddress))
            {
                db.OutboxMessages.Add(EmailComposer.Compose("account.confirm_email", email, "Confirmez votre adresse électronique",
                    [$"Vous venez de créer votre compte sur l'espace partenaires d'API Particulier, {user.FirstName}.",
                     "Pour l'activer, confirmez votre adresse électronique. Ce lien est valable 24 heures."],
                    new EmailLink("Confirmer mon adresse électronique", links.ConfirmEmail(user.Id, token)), now));
            }

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
