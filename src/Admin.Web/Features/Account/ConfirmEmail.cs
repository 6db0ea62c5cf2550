using Admin.Domain.Audit;
using Admin.Domain.Common;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Account;

/// <summary>The link from the confirmation e-mail activates the account.</summary>
public static class ConfirmEmail
{
    public static readonly Error InvalidLink = new("account.invalid_link", "Ce lien de confirmation n'est pas valide ou a expiré. Demandez un nouveau lien.");

    public sealed record Command(Guid UserId, string? Code) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var token = EmailLinks.DecodeToken(command.Code);
            var user = await users.FindByIdAsync(command.UserId.ToString());
            if (user is null || token is null)
            {
                return Result.Invalid(InvalidLink);
            }

            if (user.EmailConfirmed)
            {
                return Result.Ok();
            }

            var confirmed = await users.ConfirmEmailAsync(user, token);
            if (!confirmed.Succeeded)
            {
                return Result.Invalid(InvalidLink);
            }

            db.AuditEvents.Add(new AuditEvent("User", user.Id, "account.email_confirmed", user.Id, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
