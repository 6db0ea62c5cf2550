using Admin.Domain.Common;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Account;

/// <summary>The signed-in user corrects their first and last name (the rules of the sign-up form), audited.</summary>
public static class ChangeName
{
    public sealed record Command(string? FirstName, string? LastName) : ICommand<Result>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FirstName).PersonName("Saisissez votre prénom.");
            RuleFor(c => c.LastName).PersonName("Saisissez votre nom.");
        }
    }

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, ICurrentUser current, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(current.Id.ToString());
            if (user is null) return Result.NotFound();

            var firstName = command.FirstName!.Trim();
            var lastName = command.LastName!.Trim();
            if (user.FirstName == firstName && user.LastName == lastName) return Result.Ok();

            // The user is tracked by this context (Identity's store shares it): one save with its audit row.
            user.FirstName = firstName;
            user.LastName = lastName;
            db.Raise(new AccountNameChanged(user.Id, time.GetUtcNow(), firstName, lastName));
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
