using Admin.Domain.Audit;
using Admin.Domain.Common;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Admin.Web.Features.Account;

/// <summary>
/// "Confirmer avec ProConnect", for an account without a password: the challenge asked ProConnect to identify the user
/// again (prompt=login, max_age=0); its answer counts only if it is this user's ProConnect account and ProConnect says
/// it identified them just now (auth_time, required by max_age). The controller then records the time in the session,
/// as after a password (IdentityConfirmation).
/// </summary>
public static class ConfirmIdentityWithProConnect
{
    /// <summary>How old ProConnect's identification may be: the round trip, plus clock differences.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);

    public static readonly Error OtherAccount = new("account.proconnect_other_account",
        "Le compte ProConnect utilisé n'est pas celui de votre session. Confirmez avec votre propre compte ProConnect.");

    public static readonly Error NotFresh = new("account.proconnect_not_fresh",
        "ProConnect n'a pas confirmé qu'il vient de vous identifier. Recommencez la confirmation.");

    public sealed record Command(string? Subject, long? AuthenticatedAt) : ICommand<Result>;

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, ICurrentUser current, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(command.Subject)) return Result.Invalid(OtherAccount);
            var user = await users.FindByLoginAsync(ProConnect.Scheme, command.Subject.Trim());
            if (user is null || user.Id != current.Id) return Result.Invalid(OtherAccount);

            var now = time.GetUtcNow();
            if (command.AuthenticatedAt is not { } seconds) return Result.Invalid(NotFresh);
            var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
            if (now - at > FreshFor || at - now > FreshFor) return Result.Invalid(NotFresh);

            db.AuditEvents.Add(new AuditEvent("User", user.Id, ConfirmIdentity.AuditAction, user.Id, now, reason: ProConnect.DisplayName));
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
    }
}
