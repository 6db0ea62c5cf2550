using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Account;

/// <summary>
/// The account behind a ProConnect sign-in: the one already linked to its <c>sub</c>; else, on a first sign-in, the
/// account with the same address, linked (Identity external login "ProConnect"); else a new partner account, its
/// address confirmed and no password. ProConnect only hands out addresses it has verified, so its address is taken
/// as verified, unless it says otherwise (<c>email_verified</c> false). Staff accounts are refused: they sign in with
/// their password and their second factor, which ProConnect would skip. The controller then opens the session.
/// </summary>
public static class SignInWithProConnect
{
    public static readonly Error IncompleteAnswer = new("account.proconnect_incomplete",
        "ProConnect n'a pas transmis d'identifiant ou d'adresse électronique valide. Recommencez, ou connectez-vous avec votre mot de passe.");

    public static readonly Error EmailNotVerified = new("account.proconnect_email_not_verified",
        "ProConnect n'a pas vérifié votre adresse électronique : elle ne peut pas servir à vous connecter ici.");

    public static readonly Error StaffRefused = new("account.proconnect_staff",
        "Les comptes de l'équipe API Particulier se connectent avec leur mot de passe et leur code de double authentification, pas avec ProConnect.");

    public static readonly Error Deactivated = new("account.deactivated", AccountMessages.Deactivated);

    public const int SubjectMaxLength = 255;

    public sealed record Command(string? Subject, string? Email, bool? EmailVerified, string? GivenName, string? UsualName)
        : ICommand<Result<Outcome>>;

    /// <summary>The account, whether it was created or linked now, and whether it is a member of an organization yet.</summary>
    public sealed record Outcome(Guid UserId, bool Created, bool Linked, bool HasOrganization);

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, TimeProvider time) : ICommandHandler<Command, Result<Outcome>>
    {
        public async ValueTask<Result<Outcome>> Handle(Command command, CancellationToken ct)
        {
            var subject = command.Subject?.Trim();
            if (string.IsNullOrEmpty(subject) || subject.Length > SubjectMaxLength) return Refused(IncompleteAnswer);

            var user = await users.FindByLoginAsync(ProConnect.Scheme, subject);
            var (created, linked) = (false, false);
            if (user is null)
            {
                var email = command.Email?.Trim();
                if (email is null || email.Length > AccountRules.EmailMaxLength || !EmailAddress.IsValid(email)) return Refused(IncompleteAnswer);
                if (command.EmailVerified == false) return Refused(EmailNotVerified);

                var now = time.GetUtcNow();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                user = await users.FindByEmailAsync(email);
                if (user is not null)
                {
                    if (Refusal(user, await users.GetRolesAsync(user)) is { } refusal) return refusal;
                    var passwordRemoved = await ConfirmAddressAsync(user);
                    Check(await users.AddLoginAsync(user, new UserLoginInfo(ProConnect.Scheme, subject, ProConnect.DisplayName)));
                    db.Raise(new AccountLinkedToProConnect(user.Id, now, passwordRemoved));
                    linked = true;
                }
                else
                {
                    user = new AppUser
                    {
                        UserName = email,
                        Email = email,
                        EmailConfirmed = true,
                        FirstName = Name(command.GivenName),
                        LastName = Name(command.UsualName),
                        CreatedAt = now,
                    };
                    Check(await users.CreateAsync(user));
                    Check(await users.AddToRoleAsync(user, Roles.Partner));
                    Check(await users.AddLoginAsync(user, new UserLoginInfo(ProConnect.Scheme, subject, ProConnect.DisplayName)));
                    db.Raise(new AccountRegisteredWithProConnect(user.Id, now));
                    created = true;
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            else if (Refusal(user, await users.GetRolesAsync(user)) is { } refusal)
            {
                return refusal;
            }

            var hasOrganization = await db.Memberships.AsNoTracking().AnyAsync(m => m.UserId == user.Id, ct);
            return new Outcome(user.Id, created, linked, hasOrganization);
        }

        private static Result<Outcome>? Refusal(AppUser user, IList<string> roles) =>
            roles.Any(Roles.IsStaff) ? Refused(StaffRefused)
            : user.DeactivatedAt is not null ? Refused(Deactivated)
            : null;

        /// <summary>
        /// ProConnect proves the address. An account that never confirmed it may have been opened by someone else
        /// with this address: its password is removed before the account is confirmed and linked.
        /// </summary>
        private async Task<bool> ConfirmAddressAsync(AppUser user)
        {
            if (user.EmailConfirmed) return false;
            var hadPassword = await users.HasPasswordAsync(user);
            if (hadPassword) Check(await users.RemovePasswordAsync(user));
            user.EmailConfirmed = true;
            Check(await users.UpdateAsync(user));
            return hadPassword;
        }

        private static string Name(string? value)
        {
            var name = value?.Trim() ?? "";
            return name.Length > AccountRules.NameMaxLength ? name[..AccountRules.NameMaxLength] : name;
        }

        private static Result<Outcome> Refused(Error error) => Result<Outcome>.Failure(ErrorKind.Validation, [error]);

        /// <summary>Identity refusing what was checked just before is a bug, not an expected failure.</summary>
        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Code)));
        }
    }
}

/// <summary>Account messages said by more than one page.</summary>
public static class AccountMessages
{
    public const string Deactivated =
        "Ce compte a été désactivé par un administrateur d'API Particulier. Adressez-vous à lui si vous devez de nouveau y accéder.";
}
