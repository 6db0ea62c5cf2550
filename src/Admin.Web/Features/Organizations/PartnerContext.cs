using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Organizations;

public sealed record MembershipSummary(Guid OrganizationId, string OrganizationName, string Siret, MembershipRole Role);

/// <summary>
/// The signed-in partner's organizations and the one they are working in (kept in a cookie, always
/// checked against their memberships: a forged cookie only falls back to their first organization).
/// </summary>
public sealed class PartnerContext(AdminDbContext db, ICurrentUser user, IHttpContextAccessor http)
{
    public const string CookieName = "apip_org";
    private IReadOnlyList<MembershipSummary>? _memberships;

    public async Task<IReadOnlyList<MembershipSummary>> MembershipsAsync(CancellationToken ct)
    {
        if (_memberships is not null) return _memberships;
        var userId = user.Id;
        _memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Organizations.AsNoTracking(), m => m.OrganizationId, o => o.Id,
                (m, o) => new { o.Id, o.Name, o.Siret, m.Role })
            .OrderBy(x => x.Name)
            .Select(x => new MembershipSummary(x.Id, x.Name, x.Siret.Value, x.Role))
            .ToListAsync(ct);
        return _memberships;
    }

    /// <summary>The user's role in that organization, or null when they are not a member.</summary>
    public async Task<MembershipRole?> RoleInAsync(Guid organizationId, CancellationToken ct) =>
        (await MembershipsAsync(ct)).FirstOrDefault(m => m.OrganizationId == organizationId)?.Role;

    public async Task<MembershipSummary?> CurrentAsync(CancellationToken ct)
    {
        var memberships = await MembershipsAsync(ct);
        var cookie = http.HttpContext?.Request.Cookies[CookieName];
        return memberships.FirstOrDefault(m => Guid.TryParse(cookie, out var id) && m.OrganizationId == id)
            ?? memberships.FirstOrDefault();
    }

    /// <summary>Switches to an organization the user belongs to; false otherwise.</summary>
    public async Task<bool> SwitchToAsync(Guid organizationId, CancellationToken ct)
    {
        // Read again: the user may have just registered or joined this organization in this request.
        _memberships = null;
        if (await RoleInAsync(organizationId, ct) is null) return false;
        http.HttpContext?.Response.Cookies.Append(CookieName, organizationId.ToString(), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.HttpContext.Request.IsHttps,
        });
        return true;
    }
}
