using System.Security.Claims;
using Admin.Domain.Users;

namespace Admin.Web.Infrastructure;

/// <summary>Who acts, read from the authenticated principal — never from a posted form.</summary>
public interface ICurrentUser
{
    Guid Id { get; }
    bool IsAuthenticated { get; }
    bool IsInRole(string role);
    bool IsStaff { get; }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
        ? id
        : throw new InvalidOperationException("No authenticated user.");

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public bool IsInRole(string role) => Principal.IsInRole(role);
    public bool IsStaff => Roles.Staff.Any(Principal.IsInRole);
}
