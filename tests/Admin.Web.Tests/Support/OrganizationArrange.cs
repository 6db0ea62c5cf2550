using System.Security.Cryptography;
using System.Text;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Support;

/// <summary>A confirmed partner account that belongs to no organization yet.</summary>
public sealed record PartnerAccount(AppUser User, string Email, string Password);

/// <summary>Arrange and assert steps of the organization tests (members, invitations, registration).</summary>
public static class OrganizationArrange
{
    public static async Task<PartnerAccount> PartnerWithoutOrganizationAsync(this AdminWebFactory app)
    {
        var email = $"nouveau.{Guid.NewGuid():N}@mairie-exemple.fr";
        var user = await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        return new PartnerAccount(user, email, Accounts.StrongPassword);
    }

    public static async Task<Browser> SignedInAsync(this AdminWebFactory app, PartnerAccount partner)
    {
        var browser = new Browser(app.CreateBrowser());
        var page = await Accounts.SignInAsync(browser, partner.Email, partner.Password);
        if (page.Location is null) throw new InvalidOperationException("Sign-in failed.");
        return browser;
    }

    /// <summary>Signed in, with an antiforgery token issued to the signed-in user (every page's layout has one).</summary>
    public static async Task<Browser> ReadyToPostAsync(this Task<Browser> signingIn)
    {
        var browser = await signingIn;
        await browser.GetAsync("/organisations");
        return browser;
    }

    /// <summary>
    /// A pending invitation created through the domain, as the applicant would; returns the raw token
    /// of its link. <paramref name="now"/> in the past makes an expired one.
    /// </summary>
    public static async Task<(Guid InvitationId, string Token)> InvitationAsync(this AdminWebFactory app, PartnerArrangement applicant,
        string email, MembershipRole role, DateTimeOffset? now = null)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var id = await app.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.Include(o => o.Memberships).Include(o => o.Invitations)
                .SingleAsync(o => o.Id == applicant.Organization.Id);
            var invitation = organization.Invite(applicant.User.Id, email, role, HashOf(token), now ?? DateTimeOffset.UtcNow);
            if (invitation.IsFailure) throw new InvalidOperationException(invitation.Errors[0].Code);
            await db.SaveChangesAsync();
            return invitation.Value.Id;
        });
        return (id, token);
    }

    /// <summary>An existing partner joins another organization too, through an accepted invitation.</summary>
    public static async Task JoinAsync(this AdminWebFactory app, PartnerArrangement member, PartnerArrangement applicant, MembershipRole role)
    {
        var (_, token) = await app.InvitationAsync(applicant, member.Email, role);
        await app.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.Include(o => o.Memberships).Include(o => o.Invitations)
                .SingleAsync(o => o.Id == applicant.Organization.Id);
            var accepted = organization.AcceptInvitation(HashOf(token), member.User.Id, member.Email, DateTimeOffset.UtcNow);
            if (accepted.IsFailure) throw new InvalidOperationException(accepted.Errors[0].Code);
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>How the link's token is stored: SHA-256, lower-case hex.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static Task<Organization> StoredOrganizationAsync(this AdminWebFactory app, Guid organizationId) =>
        app.WithDbAsync(db => db.Organizations.AsNoTracking().Include(o => o.Memberships).Include(o => o.Invitations)
            .SingleAsync(o => o.Id == organizationId));

    public static Task<bool> AuditedAsync(this AdminWebFactory app, Guid organizationId, string action, Guid actorId) =>
        app.WithDbAsync(db => db.AuditEvents.AnyAsync(a =>
            a.AggregateType == "Organization" && a.AggregateId == organizationId && a.Action == action && a.ActorId == actorId));

    /// <summary>The value of the option selected in a select, as the browser would post it.</summary>
    public static string? SelectedIn(this Page page, string selectName) =>
        page.Document.QuerySelector($"select[name='{selectName}'] option[selected]")?.GetAttribute("value");

    /// <summary>The alert at the top of a refused form, where errors that belong to no field are shown.</summary>
    public static string ErrorSummary(this Page page) =>
        page.Document.GetElementById("error-summary")?.TextContent ?? throw new InvalidOperationException("No error summary on the page.");

    public static string MembersUrl(this PartnerArrangement member) => $"/organisations/{member.Organization.Id}/membres";
}
