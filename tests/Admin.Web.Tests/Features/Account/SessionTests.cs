using System.Net;
using Admin.Domain.Users;
using Admin.Web.Infrastructure;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Account;

/// <summary>
/// A copied session cookie stops working once its user's security stamp changes: partners' sessions
/// are checked at least once a minute (the clock is moved past it), staff sessions on every request.
/// </summary>
public sealed class SessionTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    private const string PartnerHome = "/espace-partenaire";

    [Fact]
    public async Task Replaying_a_partner_cookie_after_sign_out_gets_the_sign_in_page()
    {
        var (browser, cookie) = await SignedInPartnerAsync();
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.ReplayAsync(app, cookie, PartnerHome)).StatusCode);

        await browser.GetAsync(PartnerHome);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/compte/deconnexion", new Dictionary<string, string>())).Status);
        app.Clock.Advance(SessionValidation.PartnerInterval + TimeSpan.FromSeconds(1));

        Assert.True(SessionCookies.IsSentToSignIn(await SessionCookies.ReplayAsync(app, cookie, PartnerHome)));
    }

    [Fact]
    public async Task Replaying_a_partner_cookie_after_a_password_reset_from_another_client_gets_the_sign_in_page()
    {
        var (_, cookie, email) = await SignedInPartnerWithEmailAsync();
        var other = new Browser(app.CreateBrowser());
        await other.SubmitAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = email });
        var mail = (await app.DeliverOutboxAsync()).Single(m => m.To == email && m.Kind == "account.reset_password");
        var form = await other.GetAsync(Accounts.LinkIn(mail, "/compte/nouveau-mot-de-passe"));
        var reset = await other.PostAsync("/compte/nouveau-mot-de-passe", new Dictionary<string, string>
        {
            ["Email"] = form.ValueOf("Email")!, ["Code"] = form.ValueOf("Code")!,
            ["Password"] = "Nouveau-Secret-2027", ["ConfirmPassword"] = "Nouveau-Secret-2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        app.Clock.Advance(SessionValidation.PartnerInterval + TimeSpan.FromSeconds(1));

        Assert.True(SessionCookies.IsSentToSignIn(await SessionCookies.ReplayAsync(app, cookie, PartnerHome)));
    }

    [Fact]
    public async Task Post_change_password_ends_the_other_sessions_keeps_this_one_audits_and_tells_the_user()
    {
        var (browser, _, email) = await SignedInPartnerWithEmailAsync();
        var laptop = new Browser(app.CreateBrowser());
        var laptopCookie = SessionCookies.Of(await Accounts.SignInAsync(laptop, email, Accounts.StrongPassword));

        var changed = await browser.SubmitAsync("/compte", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Accounts.StrongPassword, ["NewPassword"] = "Nouveau-Secret-2027", ["ConfirmPassword"] = "Nouveau-Secret-2027",
        }, "/compte/mot-de-passe");
        Assert.Equal("/compte", changed.Location);
        app.Clock.Advance(SessionValidation.PartnerInterval + TimeSpan.FromSeconds(1));

        Assert.True(SessionCookies.IsSentToSignIn(await SessionCookies.ReplayAsync(app, laptopCookie, PartnerHome)));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(PartnerHome)).Status);
        var user = (await app.FindUserAsync(email))!;
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == user.Id && a.Action == "account.password_changed")));
        Assert.Contains(await app.DeliverOutboxAsync(), m => m.To == email && m.Kind == "account.password_changed");
        Assert.Equal("/espace-partenaire", (await Accounts.SignInAsync(new Browser(app.CreateBrowser()), email, "Nouveau-Secret-2027")).Location);
    }

    [Theory]
    [InlineData("", "Nouveau-Secret-2027", "Nouveau-Secret-2027", "CurrentPassword", "Saisissez votre mot de passe actuel.")]
    [InlineData("Pas-Le-Bon-2027", "Nouveau-Secret-2027", "Nouveau-Secret-2027", "CurrentPassword", "Le mot de passe actuel est incorrect.")]
    [InlineData(Accounts.StrongPassword, "court", "court", "NewPassword", "Le mot de passe doit contenir au moins 12 caractères.")]
    [InlineData(Accounts.StrongPassword, "Nouveau-Secret-2027", "Autre-Secret-2027", "ConfirmPassword", "Les deux mots de passe ne sont pas identiques.")]
    public async Task Post_change_password_with_bad_input_shows_message_next_to_field_and_changes_nothing(
        string current, string next, string confirm, string field, string message)
    {
        var (browser, cookie, email) = await SignedInPartnerWithEmailAsync();
        var stampBefore = (await app.FindUserAsync(email))!.SecurityStamp;

        var page = await browser.SubmitAsync("/compte", new Dictionary<string, string>
        {
            ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = confirm,
        }, "/compte/mot-de-passe");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor(field));
        Assert.Equal(stampBefore, (await app.FindUserAsync(email))!.SecurityStamp);
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.ReplayAsync(app, cookie, PartnerHome)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_of_every_device_ends_this_session_and_the_others()
    {
        var (browser, cookie, email) = await SignedInPartnerWithEmailAsync();
        var laptop = new Browser(app.CreateBrowser());
        var laptopCookie = SessionCookies.Of(await Accounts.SignInAsync(laptop, email, Accounts.StrongPassword));

        var done = await browser.SubmitAsync("/compte", new Dictionary<string, string>(), "/compte/sessions/fermer");
        Assert.Equal("/compte/connexion", done.Location);
        app.Clock.Advance(SessionValidation.PartnerInterval + TimeSpan.FromSeconds(1));

        Assert.True(SessionCookies.IsSentToSignIn(await SessionCookies.ReplayAsync(app, cookie, PartnerHome)));
        Assert.True(SessionCookies.IsSentToSignIn(await SessionCookies.ReplayAsync(app, laptopCookie, PartnerHome)));
        var user = (await app.FindUserAsync(email))!;
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == user.Id && a.Action == "account.signed_out_everywhere")));
    }

    [Fact]
    public async Task Turning_two_factor_on_ends_the_partner_sessions_on_other_devices()
    {
        var (browser, _, email) = await SignedInPartnerWithEmailAsync();
        var laptop = new Browser(app.CreateBrowser());
        var laptopCookie = SessionCookies.Of(await Accounts.SignInAsync(laptop, email, Accounts.StrongPassword));

        var setup = await browser.GetAsync("/compte/double-authentification");
        var key = setup.Document.GetElementById("shared-key")!.TextContent;
        var enabled = await browser.PostAsync("/compte/double-authentification/activer", new Dictionary<string, string> { ["Code"] = Accounts.TotpCode(key, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        app.Clock.Advance(SessionValidation.PartnerInterval + TimeSpan.FromSeconds(1));

        Assert.True(SessionCookies.IsSentToSignIn(await SessionCookies.ReplayAsync(app, laptopCookie, PartnerHome)));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(PartnerHome)).Status);
    }

    [Fact]
    public async Task Replaying_a_staff_cookie_right_after_sign_out_gets_the_sign_in_page_without_waiting()
    {
        var email = $"instructeur.{Guid.NewGuid():N}@api.gouv.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Instructor);
        var browser = new Browser(app.CreateBrowser());
        await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);
        var setup = await browser.GetAsync("/compte/double-authentification");
        var key = setup.Document.GetElementById("shared-key")!.TextContent;
        var enabled = await browser.PostAsync("/compte/double-authentification/activer", new Dictionary<string, string> { ["Code"] = Accounts.TotpCode(key, app.Clock.GetUtcNow()) });
        var cookie = SessionCookies.Of(enabled);
        Assert.Equal(HttpStatusCode.OK, (await SessionCookies.ReplayAsync(app, cookie, "/instruction")).StatusCode);

        await browser.GetAsync("/instruction");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/compte/deconnexion", new Dictionary<string, string>())).Status);

        Assert.True(SessionCookies.IsSentToSignIn(await SessionCookies.ReplayAsync(app, cookie, "/instruction")));
    }

    private async Task<(Browser Browser, string Cookie)> SignedInPartnerAsync()
    {
        var (browser, cookie, _) = await SignedInPartnerWithEmailAsync();
        return (browser, cookie);
    }

    private async Task<(Browser Browser, string Cookie, string Email)> SignedInPartnerWithEmailAsync()
    {
        var partner = await app.PartnerWithoutOrganizationAsync();
        var browser = new Browser(app.CreateBrowser());
        var signedIn = await Accounts.SignInAsync(browser, partner.Email, partner.Password);
        Assert.Equal(PartnerHome, signedIn.Location);
        return (browser, SessionCookies.Of(signedIn), partner.Email);
    }
}
