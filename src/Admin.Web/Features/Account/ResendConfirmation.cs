using Admin.Domain.Common;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Account;

/// <summary>
/// Sends a new confirmation link. Answers the same whether the address has an account or not,
/// and whether the e-mail throttle let the link go or not.
/// </summary>
public static class ResendConfirmation
{
    public sealed record Command(string? Email) : ICommand<Result>;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).ValidEmail();
    }

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, IEmailThrottle throttle, ICurrentUser current,
        TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByEmailAsync(command.Email!.Trim());
            if (user is null || user.EmailConfirmed || !throttle.TryAcquire(user.Email!, current.ClientAddress))
            {
                return Result.Ok();
            }

            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            db.Raise(new AccountConfirmationResent(user.Id, time.GetUtcNow(), token));
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
