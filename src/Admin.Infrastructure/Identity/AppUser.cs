using Microsoft.AspNetCore.Identity;

namespace Admin.Infrastructure.Identity;

public sealed class AppUser : IdentityUser<Guid>
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public string DisplayName => $"{FirstName} {LastName}".Trim();
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }
    public AppRole(string name) : base(name) { }
}
