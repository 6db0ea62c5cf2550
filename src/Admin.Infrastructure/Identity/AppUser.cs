using Microsoft.AspNetCore.Identity;

namespace Admin.Infrastructure.Identity;

public sealed class AppUser : IdentityUser<Guid>
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The time step of the last TOTP code accepted: a code is never accepted twice.</summary>
    public long? LastTotpTimeStep { get; set; }

    /// <summary>Set by an administrator: the account can no longer sign in (AdminSignInManager) and its sessions ended.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public string DisplayName => $"{FirstName} {LastName}".Trim();

    /// <summary>The address of an anonymized account: unique, and never deliverable (RFC 2606 reserves .invalid).</summary>
    public static string AnonymizedEmail(Guid id) => $"deleted-{id}@invalid";

    /// <summary>
    /// The account closed by its owner keeps its row (the append-only audit trail and the requests point at
    /// its id) and loses what identified or opened it: address, names, password, phone, second factor. It is
    /// locked out and deactivated, so no sign-in succeeds, and its stamp changes, so every session ends.
    /// The caller removes its tokens, logins and claims (other tables).
    /// </summary>
    public void Anonymize(DateTimeOffset now)
    {
        Email = UserName = AnonymizedEmail(Id);
        NormalizedEmail = NormalizedUserName = Email.ToUpperInvariant();
        EmailConfirmed = false;
        FirstName = LastName = "";
        PasswordHash = null;
        PhoneNumber = null;
        PhoneNumberConfirmed = false;
        TwoFactorEnabled = false;
        LastTotpTimeStep = null;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        DeactivatedAt = now;
        SecurityStamp = Guid.NewGuid().ToString("N");
        ConcurrencyStamp = Guid.NewGuid().ToString();
    }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}
