namespace Admin.Web.Infrastructure;

/// <summary>
/// Security headers on every response. Scripts, styles and fonts come only from this origin (the
/// DSFR is served locally), and no page may be framed.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy, with <paramref name="formTargets"/> (origins) allowed as form targets besides this origin: browsers apply
    /// form-action to the redirects that follow a form, and the ProConnect forms (sign-in, sign-out) end at ProConnect.
    /// </summary>
    public static string PolicyWith(IEnumerable<string> formTargets)
    {
        var targets = string.Join("", (formTargets ?? []).Select(origin => " " + origin));
        return ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self'" + targets, StringComparison.Ordinal);
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IEnumerable<string>? formTargets = null)
    {
        var policy = PolicyWith(formTargets ?? []);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // Hangfire's dashboard and the API reference (Scalar) ship inline scripts and styles; they keep their own looser policy.
                if (!context.Request.Path.StartsWithSegments("/admin/jobs") && !context.Request.Path.StartsWithSegments("/api/reference"))
                {
                    headers.ContentSecurityPolicy = policy;
                }
                else
                {
                    headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
                }

                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
