namespace Admin.Web.Infrastructure;

/// <summary>
/// The organization a partner last chose to work in, kept in a cookie. It is only a preference:
/// the access service checks it against their memberships every time (a forged cookie only falls
/// back to their first organization). Controllers read and write it; handlers never do.
/// </summary>
public sealed class CurrentOrganizationCookie(IHttpContextAccessor http)
{
    public const string CookieName = "apip_org";

    /// <summary>The organization id the cookie names, or null.</summary>
    public Guid? Chosen => Guid.TryParse(http.HttpContext?.Request.Cookies[CookieName], out var id) ? id : null;

    /// <summary>Remembers an organization the user was just found to belong to.</summary>
    public void Remember(Guid organizationId)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("No HTTP request.");
        context.Response.Cookies.Append(CookieName, organizationId.ToString(), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
        });
    }
}
