using System.Net;
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

    /// <summary>
    /// When this session last confirmed its password or two-factor code (IdentityConfirmation), or null.
    /// Null unless implemented: a user who never confirmed is the safe default.
    /// </summary>
    DateTimeOffset? IdentityConfirmedAt => null;

    /// <summary>The client's IP address (the proxy's X-Forwarded-For when trusted), or null when unknown.</summary>
    string? ClientAddress { get; }
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
    public string? ClientAddress => ClientAddresses.Format(accessor.HttpContext?.Connection.RemoteIpAddress);
    public DateTimeOffset? IdentityConfirmedAt => IdentityConfirmation.ConfirmedAt(Principal);
}

public static class ClientAddresses
{
    /// <summary>A client address as we record and count it: IPv4 when mapped, without an IPv6 zone.</summary>
    public static string? Format(IPAddress? ip) => ip is null
        ? null
        : (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : new IPAddress(ip.GetAddressBytes())).ToString();
}
