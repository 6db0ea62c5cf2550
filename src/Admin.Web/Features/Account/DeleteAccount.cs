using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Account;

/// <summary>
/// A partner deletes their account, after their password (or, without one, their two-factor code).
/// Refused while they are the last applicant of an organization holding a usable authorization.
/// Otherwise their memberships go and the account is anonymized rather than removed: the audit
/// trail is append-only and names users by id, so the row stays and only what identifies the person
/// goes (AppUser.Anonymize). Staff accounts are deactivated by administrators, never here.
/// </summary>
public static class DeleteAccount
{
    public static readonly Error StaffCannotDelete = new("account.staff_cannot_delete",
        "Les comptes des agents ne se suppriment pas ici : un administrateur désactive le compte d'un agent qui part.");
    public static readonly Error NoWayToConfirm = new("account.no_way_to_confirm",
        "Votre compte n'a ni mot de passe ni double authentification : activez la double authentification, elle servira à confirmer la suppression.");

    public sealed record Query : IQuery<Result<DeletionPage>>;

    public sealed record Command(string? Password, string? Code) : ICommand<Result>;

    internal sealed class QueryHandler(AdminDbContext db, UserManager<AppUser> users, ICurrentUser current, TimeProvider time)
        : IQueryHandler<Query, Result<DeletionPage>>
    {
        public async ValueTask<Result<DeletionPage>> Handle(Query query, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(current.Id.ToString());
            if (user is null) return Result<DeletionPage>.Failure(ErrorKind.NotFound, []);

            var organizations = await ClosingAccount.OrganizationsAsync(db, user.Id, time.GetUtcNow(), tracking: false, ct);
            return new DeletionPage(current.IsStaff, user.PasswordHash is not null, user.TwoFactorEnabled,
                [.. organizations.Select(o => o.Organization.Name)],
                [.. organizations.Where(o => o.Organization.ClosingAccountNeedsAnotherApplicant(user.Id, o.HoldsUsableAuthorization))
                    .Select(o => o.Organization.Name)]);
        }
    }

    internal sealed class Handler(AdminDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        ICurrentUser current, TimeProvider time)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            if (current.IsStaff) return Result.Failure(ErrorKind.Forbidden, [StaffCannotDelete]);
            var user = await users.FindByIdAsync(current.Id.ToString());
            if (user is null) return Result.NotFound();
            var now = time.GetUtcNow();

            var refused = user.PasswordHash is not null ? await IdentityProof.CheckPasswordAsync(signIn, user, command.Password, nameof(Command.Password))
                : user.TwoFactorEnabled ? await IdentityProof.CheckCodeAsync(users, user, command.Code, nameof(Command.Code))
                : NoWayToConfirm;
            if (refused is not null) return Result.Invalid(refused);

            foreach (var (organization, holdsUsableAuthorization) in await ClosingAccount.OrganizationsAsync(db, user.Id, now, tracking: true, ct))
            {
                var left = organization.RemoveClosedAccount(user.Id, holdsUsableAuthorization, now);
                if (left.IsFailure) return left;
            }

            var (formerEmail, formerFirstName) = (user.Email!, user.FirstName);
            user.Anonymize(now);
            db.UserTokens.RemoveRange(db.UserTokens.Where(t => t.UserId == user.Id));
            db.UserLogins.RemoveRange(db.UserLogins.Where(l => l.UserId == user.Id));
            db.UserClaims.RemoveRange(db.UserClaims.Where(c => c.UserId == user.Id));
            db.Raise(new AccountDeleted(user.Id, now, formerEmail, formerFirstName));
            return await db.SaveChangesOrConflictAsync(ct, OrganizationErrors.ChangedMeanwhile);
        }
    }
}

/// <param name="UsesPassword">The deletion is confirmed by the password; otherwise by the two-factor code.</param>
/// <param name="BlockingOrganizations">Where the user is the last applicant and an authorization is usable: deletion is refused.</param>
public sealed record DeletionPage(bool IsStaff, bool UsesPassword, bool TwoFactorEnabled, IReadOnlyList<string> Organizations,
    IReadOnlyList<string> BlockingOrganizations);

internal static class ClosingAccount
{
    /// <summary>The user's organizations with their members, and whether each holds an authorization usable now (active, not expired).</summary>
    public static async Task<List<(Organization Organization, bool HoldsUsableAuthorization)>> OrganizationsAsync(
        AdminDbContext db, Guid userId, DateTimeOffset now, bool tracking, CancellationToken ct)
    {
        var organizations = await (tracking ? db.Organizations : db.Organizations.AsNoTracking())
            .Include(o => o.Memberships)
            .Where(o => o.Memberships.Any(m => m.UserId == userId))
            .OrderBy(o => o.Name)
            .ToListAsync(ct);
        var ids = organizations.Select(o => o.Id).ToList();
        var withUsable = (await db.Authorizations.AsNoTracking()
            .Where(a => ids.Contains(a.OrganizationId) && a.Status == AuthorizationStatus.Active && a.ExpiresAt > now)
            .Select(a => a.OrganizationId)
            .Distinct()
            .ToListAsync(ct)).ToHashSet();
        return [.. organizations.Select(o => (o, withUsable.Contains(o.Id)))];
    }
}
