using Admin.Domain.Common;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Account;
using Admin.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Administration;

/// <summary>
/// An administrator invites a staff member: the account is created confirmed, with its role and no
/// password, and the person is e-mailed a link to choose one (Identity's password reset token, valid
/// 24 hours; "mot de passe oublié" works after that). Two-factor set-up is then required at the first
/// sign-in, as for every staff account.
/// </summary>
public static class InviteStaff
{
    public sealed record Command(string? FirstName, string? LastName, string? Email, string? Role) : ICommand<Result>
    {
        public static Command Empty { get; } = new(null, null, null, null);
    }

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FirstName).PersonName("Saisissez le prénom.");
            RuleFor(c => c.LastName).PersonName("Saisissez le nom.");
            RuleFor(c => c.Email).ValidEmail();
            RuleFor(c => c.Role).StaffRole();
        }
    }

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, ICurrentUser current, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var email = command.Email!.Trim();
            if (await users.FindByEmailAsync(email) is not null) return Result.Invalid(StaffErrors.EmailTaken.ForField(nameof(Command.Email)));

            var now = time.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FirstName = command.FirstName!.Trim(),
                LastName = command.LastName!.Trim(),
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) return Result.Invalid([.. created.Errors.Select(IdentityErrors.ToError)]);
            var added = await users.AddToRoleAsync(user, command.Role!);
            if (!added.Succeeded) return Result.Invalid([.. added.Errors.Select(IdentityErrors.ToError)]);

            var token = await users.GeneratePasswordResetTokenAsync(user);
            db.Raise(new StaffInvited(user.Id, current.Id, now, email, command.Role!, token));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Result.Ok();
        }
    }
}
