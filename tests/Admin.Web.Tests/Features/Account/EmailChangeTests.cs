using System.Net;
using Admin.Infrastructure.Outbox;
using Admin.Web.Infrastructure;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Account;

/// <summary>
/// Changing one's address: a link to the new address (from the outbox), a notice to the current one; the
/// address changes only when the link is opened, and then every other session ends.
/// </summary>
public sealed class EmailChangeTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    private const string PartnerHome = "/espace-partenaire";

    [Fact]
    public async Task Opening_the_link_sent_to_the_new_address_changes_address_and_user_name_ends_other_sessions_and_audits()
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(partner);
        var laptopCookie = SessionCookies.Of(await Accounts.SignInAsync(new Browser(app.CreateBrowser()), partner.Email, partner.Password));
        var newEmail = $"nouvelle.{Guid.NewGuid():N}@mairie-exemple.fr";

        var asked = await browser.SubmitAsync("/compte", ChangeTo(newEmail), "/compte/adresse");

        Assert.Equal("/compte", asked.Location);
        Assert.Equal(partner.Email, (await app.FindUserAsync(partner.Email))?.Email);
        var mails = await app.DeliverOutboxAsync();
        var link = Accounts.LinkIn(mails.Single(m => m.To == newEmail && m.Kind == AccountNotifications.ConfirmNewEmailKind), "/compte/adresse/confirmer");
        var notice = mails.Single(m => m.To == partner.Email && m.Kind == AccountNotifications.EmailChangeNoticeKind);
        Assert.Contains("Si ce n'est pas vous", notice.TextBody);
        var requested = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == partner.User.Id && a.Action == "account.email_change_requested"));
        Assert.DoesNotContain(link.Split("code=")[1], requested.Data ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("token", requested.Data ?? "", StringComparison.OrdinalIgnoreCase);

        var opened = await new Browser(app.CreateBrowser()).GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Contains("Votre adresse électronique est modifiée", opened.Text);
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == partner.User.Id));
        Assert.Equal((newEmail, newEmail, true), (user.Email, user.UserName, user.EmailConfirmed));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == user.Id && a.Action == "account.email_changed")));
        app.Clock.Advance(SessionValidation.PartnerInterval + TimeSpan.FromSeconds(1));
        Assert.True(SessionCookies.IsSentToSignIn(await SessionCookies.ReplayAsync(app, laptopCookie, PartnerHome)));
        Assert.Equal(PartnerHome, (await Accounts.SignInAsync(new Browser(app.CreateBrowser()), newEmail, partner.Password)).Location);
        Assert.Null((await Accounts.SignInAsync(new Browser(app.CreateBrowser()), partner.Email, partner.Password)).Location);
        Assert.Equal(HttpStatusCode.BadRequest, (await new Browser(app.CreateBrowser()).GetAsync(link)).Status);
    }

    [Fact]
    public async Task Opening_a_tampered_link_shows_the_french_error_page_and_changes_nothing()
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(partner);
        var newEmail = $"nouvelle.{Guid.NewGuid():N}@mairie-exemple.fr";
        await browser.SubmitAsync("/compte", ChangeTo(newEmail), "/compte/adresse");
        var link = Accounts.LinkIn((await app.DeliverOutboxAsync()).Single(m => m.To == newEmail), "/compte/adresse/confirmer");
        var otherAddress = link.Replace(Uri.EscapeDataString(newEmail), Uri.EscapeDataString("pirate@exemple.fr"), StringComparison.Ordinal);
        var otherCode = link[..^4] + (link.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        foreach (var tampered in new[] { otherAddress, otherCode, $"/compte/adresse/confirmer?userId={partner.User.Id}&email=x&code=%%%", "/compte/adresse/confirmer?userId=pas-un-guid" })
        {
            var page = await new Browser(app.CreateBrowser()).GetAsync(tampered);
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains("Ce lien de changement d'adresse n'est pas valide", page.Document.GetElementById("invalid-link")!.TextContent);
        }

        Assert.Equal(partner.Email, (await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == partner.User.Id))).Email);
    }

    [Fact]
    public async Task Post_email_change_to_an_address_of_another_account_answers_as_for_a_free_one_sends_no_link_and_warns_its_owner()
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var other = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(partner);

        var asked = await browser.SubmitAsync("/compte", ChangeTo(other.Email), "/compte/adresse");

        Assert.Equal("/compte", asked.Location);
        Assert.Contains($"Un lien de confirmation a été envoyé à {other.Email}", (await browser.GetAsync("/compte")).Text);
        var mails = await app.DeliverOutboxAsync();
        Assert.Equal([AccountNotifications.EmailClaimedKind], mails.Where(m => m.To == other.Email).Select(m => m.Kind));
        Assert.DoesNotContain("/compte/adresse/confirmer", mails.Single(m => m.To == other.Email).TextBody, StringComparison.Ordinal);
        Assert.Contains(mails, m => m.To == partner.Email && m.Kind == AccountNotifications.EmailChangeNoticeKind);
        Assert.Equal(partner.Email, (await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == partner.User.Id))).Email);
    }

    [Theory]
    [InlineData("nouvelle@mairie-exemple.fr", "Pas-Le-Bon-2027", "Password", "Le mot de passe est incorrect.")]
    [InlineData("nouvelle@mairie-exemple.fr", "", "Password", "Saisissez votre mot de passe.")]
    [InlineData("prenom.nom@", Accounts.StrongPassword, "NewEmail", "Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.")]
    public async Task Post_email_change_with_bad_input_shows_french_message_next_to_field_and_sends_nothing(
        string newEmail, string password, string field, string message)
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(partner);

        var page = await browser.SubmitAsync("/compte", new Dictionary<string, string> { ["NewEmail"] = newEmail, ["Password"] = password }, "/compte/adresse");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor(field));
        Assert.Equal(newEmail, page.ValueOf("NewEmail"));
        Assert.DoesNotContain(await app.DeliverOutboxAsync(), m => m.To == partner.Email && m.Kind == AccountNotifications.EmailChangeNoticeKind);
    }

    private static Dictionary<string, string> ChangeTo(string email) => new() { ["NewEmail"] = email, ["Password"] = Accounts.StrongPassword };
}
