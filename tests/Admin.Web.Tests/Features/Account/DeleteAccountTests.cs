using System.Net;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Account;

/// <summary>
/// "Supprimer mon compte": refused for the last applicant of an organization with a usable authorization;
/// otherwise the memberships go, the account is anonymized (not removed: the audit trail points at it),
/// the user is signed out and told by e-mail. Staff accounts are not deleted here.
/// </summary>
public sealed class DeleteAccountTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    private const string DeleteUrl = "/compte/supprimer";

    [Fact]
    public async Task Post_delete_as_last_applicant_of_an_organization_with_an_active_authorization_is_refused_and_changes_nothing()
    {
        var arranged = await app.ApprovedWithMembersAsync("Commune habilitée");
        var browser = await app.SignedInAsync(arranged.Applicant);

        var form = await browser.GetAsync(DeleteUrl);
        var page = await browser.PostAsync(DeleteUrl, Password(arranged.Applicant.Password));

        Assert.Contains("Commune habilitée", form.Document.GetElementById("blocking-organizations")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("seul demandeur de l'organisation « Commune habilitée »", page.ErrorSummary());
        var user = await StoredUserAsync(arranged.Applicant.User.Id);
        Assert.Equal(arranged.Applicant.Email, user.Email);
        Assert.True((await app.StoredOrganizationAsync(arranged.Applicant.Organization.Id)).IsMember(user.Id));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == user.Id && a.Action == "account.deleted")));
    }

    [Fact]
    public async Task Post_delete_as_sole_applicant_of_an_organization_without_authorization_anonymizes_signs_out_and_e_mails()
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var laptopCookie = SessionCookies.Of(await Accounts.SignInAsync(new Browser(app.CreateBrowser()), partner.Email, partner.Password));

        var browser = await DeletedThroughThePageAsync(partner);

        Assert.True(SessionCookies.IsSentToSignIn((await browser.GetAsync("/compte")).Response));
        app.Clock.Advance(Admin.Web.Infrastructure.SessionValidation.PartnerInterval + TimeSpan.FromSeconds(1));
        Assert.True(SessionCookies.IsSentToSignIn(await SessionCookies.ReplayAsync(app, laptopCookie, "/espace-partenaire")));
        var user = await StoredUserAsync(partner.User.Id);
        Assert.Equal(AppUser.AnonymizedEmail(user.Id), user.Email);
        Assert.Equal(user.Email, user.UserName);
        Assert.Equal(("", "", null), (user.FirstName, user.LastName, user.PasswordHash));
        Assert.NotNull(user.DeactivatedAt);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddYears(1000));
        Assert.False((await app.StoredOrganizationAsync(partner.Organization.Id)).IsMember(user.Id));
        Assert.True(await app.AuditedAsync(partner.Organization.Id, "organization.member_account_closed", user.Id));
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == user.Id && a.Action == "account.deleted"));
        Assert.Equal(user.Id, audit.ActorId);
        Assert.DoesNotContain(partner.Email, audit.Data ?? "", StringComparison.OrdinalIgnoreCase);
        var mail = (await app.DeliverOutboxAsync()).Single(m => m.Kind == AccountNotifications.DeletedKind && m.To == partner.Email);
        Assert.Contains("supprimé", mail.Subject);
        Assert.Null((await Accounts.SignInAsync(new Browser(app.CreateBrowser()), partner.Email, partner.Password)).Location);
        Assert.Null((await Accounts.SignInAsync(new Browser(app.CreateBrowser()), user.Email!, partner.Password)).Location);
    }

    [Fact]
    public async Task Post_delete_as_an_applicant_of_an_active_authorization_who_is_not_the_last_one_is_allowed()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var second = await app.MemberOfAsync(arranged.Applicant, MembershipRole.Applicant);

        await DeletedThroughThePageAsync(arranged.Applicant);

        var organization = await app.StoredOrganizationAsync(arranged.Applicant.Organization.Id);
        Assert.False(organization.IsMember(arranged.Applicant.User.Id));
        Assert.Equal(MembershipRole.Applicant, organization.RoleOf(second.User.Id));
        Assert.Equal(AppUser.AnonymizedEmail(arranged.Applicant.User.Id), (await StoredUserAsync(arranged.Applicant.User.Id)).Email);
    }

    [Fact]
    public async Task Post_delete_as_last_applicant_is_allowed_once_the_authorization_is_no_longer_active()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        await app.WithDbAsync(async db =>
        {
            var authorization = await db.Authorizations.SingleAsync(a => a.Id == arranged.AuthorizationId);
            Assert.True(authorization.Suspend(Guid.NewGuid(), "Contrôle en cours", app.Clock.GetUtcNow()).IsSuccess);
            return await db.SaveChangesAsync();
        });

        await DeletedThroughThePageAsync(arranged.Applicant);

        var organization = await app.StoredOrganizationAsync(arranged.Applicant.Organization.Id);
        Assert.False(organization.IsMember(arranged.Applicant.User.Id));
        Assert.DoesNotContain(organization.Memberships, m => m.Role == MembershipRole.Applicant);
    }

    [Fact]
    public async Task Post_delete_as_business_contact_of_an_organization_with_an_active_authorization_is_allowed()
    {
        var arranged = await app.ApprovedWithMembersAsync();

        await DeletedThroughThePageAsync(arranged.Business);

        var organization = await app.StoredOrganizationAsync(arranged.Applicant.Organization.Id);
        Assert.False(organization.IsMember(arranged.Business.User.Id));
        Assert.True(organization.IsMember(arranged.Applicant.User.Id));
        Assert.Equal(AppUser.AnonymizedEmail(arranged.Business.User.Id), (await StoredUserAsync(arranged.Business.User.Id)).Email);
        Assert.Contains(await app.DeliverOutboxAsync(), m => m.Kind == AccountNotifications.DeletedKind && m.To == arranged.Business.Email);
    }

    [Theory]
    [InlineData("Pas-Le-Bon-2027", "Le mot de passe est incorrect.")]
    [InlineData("", "Saisissez votre mot de passe.")]
    public async Task Post_delete_with_a_wrong_password_shows_message_next_to_password_and_deletes_nothing(string password, string message)
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(partner);

        var page = await browser.SubmitAsync(DeleteUrl, Password(password));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor("Password"));
        Assert.Equal(partner.Email, (await StoredUserAsync(partner.User.Id)).Email);
        Assert.True((await app.StoredOrganizationAsync(partner.Organization.Id)).IsMember(partner.User.Id));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/compte")).Status);
    }

    [Theory]
    [InlineData(Roles.Instructor)]
    [InlineData(Roles.Administrator)]
    public async Task Staff_are_told_on_the_page_that_administrators_deactivate_them_and_get_403_on_post(string role)
    {
        var (browser, userId) = await app.StaffMemberSignedInAsync(role, app.Clock.GetUtcNow());

        var page = await browser.GetAsync(DeleteUrl);
        var posted = await browser.PostAsync(DeleteUrl, Password(Accounts.StrongPassword));

        Assert.Contains("un administrateur désactive le compte d'un agent", page.Document.GetElementById("staff-deletion")!.TextContent);
        Assert.Null(page.Document.QuerySelector($"form[action='{DeleteUrl}']"));
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        var user = await StoredUserAsync(userId);
        Assert.Null(user.DeactivatedAt);
        Assert.NotEqual(AppUser.AnonymizedEmail(userId), user.Email);
    }

    /// <summary>Signs in, opens the page and confirms with the password; the deletion sends to the sign-in page.</summary>
    private async Task<Browser> DeletedThroughThePageAsync(PartnerArrangement member)
    {
        var browser = await app.SignedInAsync(member);
        await browser.GetAsync(DeleteUrl);
        var done = await browser.PostAsync(DeleteUrl, Password(member.Password));
        Assert.Equal("/compte/connexion", done.Location);
        return browser;
    }

    private static Dictionary<string, string> Password(string password) => new() { ["Password"] = password };

    private Task<AppUser> StoredUserAsync(Guid id) => app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
}
