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
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}
