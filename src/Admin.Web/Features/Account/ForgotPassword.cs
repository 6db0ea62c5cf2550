using Admin.Domain.Common;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Account;

/// <summary>
/// E-mails a password reset link. Answers the same whether the address has an account or not,
/// and whether the e-mail throttle let the link go or not.
/// </summary>
public static class ForgotPassword
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
            if (user is null || !user.EmailConfirmed || user.DeactivatedAt is not null || !throttle.TryAcquire(user.Email!, current.ClientAddress))
            {
                return Result.Ok();
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            db.Raise(new AccountPasswordResetRequested(user.Id, time.GetUtcNow(), token));
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
