using System.Security.Claims;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Admin.Web.Infrastructure;

public static class Policies
{
    /// <summary>Any staff role, signed in with two-factor authentication.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Instructors and administrators (auditors read, never change), with two-factor.</summary>
    public const string StaffWrite = nameof(StaffWrite);

    /// <summary>Administrators, with two-factor.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>Auditors and administrators, with two-factor: the audit trail.</summary>
    public const string AuditReader = nameof(AuditReader);

    public const string Partner = nameof(Partner);

    public const string AmrClaim = "amr";
    public const string MultiFactor = "mfa";

    public static bool SignedInWithTwoFactor(this ClaimsPrincipal user) => user.HasClaim(AmrClaim, MultiFactor);

    public static void AddAdminPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().AddRequirements(new StaffTwoFactorRequirement(Roles.Staff)));
        options.AddPolicy(StaffWrite, p => p.RequireAuthenticatedUser().AddRequirements(new StaffTwoFactorRequirement([Roles.Instructor, Roles.Administrator])));
        options.AddPolicy(AuditReader, p => p.RequireAuthenticatedUser().AddRequirements(new StaffTwoFactorRequirement([Roles.Auditor, Roles.Administrator])));
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().AddRequirements(new StaffTwoFactorRequirement([Roles.Administrator])));
        options.AddPolicy(Partner, p => p.RequireAuthenticatedUser().RequireRole(Roles.Partner));
    }
}

/// <summary>One of the roles, and a session opened with a second factor.</summary>
public sealed class StaffTwoFactorRequirement(IReadOnlyList<string> roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

public sealed class StaffTwoFactorRequirementHandler : AuthorizationHandler<StaffTwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffTwoFactorRequirement requirement)
    {
        if (requirement.Roles.Any(context.User.IsInRole) && context.User.SignedInWithTwoFactor())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A staff member whose session lacks the second factor is sent to set it up (or to sign in
/// again with it) instead of a bare 403.
/// </summary>
public sealed class StaffTwoFactorResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        var user = context.User;
        if (result.Forbidden
            && policy.Requirements.OfType<StaffTwoFactorRequirement>().Any(r => r.Roles.Any(user.IsInRole))
            && !user.SignedInWithTwoFactor())
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect("/compte/double-authentification?returnUrl=" + Uri.EscapeDataString(returnUrl));
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, result);
    }
}

/// <summary>Adds amr=mfa to the session of a user who has two-factor on: Identity only lets such a user in after the second factor.</summary>
public sealed class AdminClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Policies.AmrClaim, user.TwoFactorEnabled ? Policies.MultiFactor : "pwd"));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.FirstName));
        return identity;
    }
}

/// <summary>The Hangfire dashboard: administrators signed in with two-factor only.</summary>
public sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.IsInRole(Roles.Administrator) && user.SignedInWithTwoFactor();
    }
}
