using System.Net;
using Admin.Domain.Users;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Features.Account;

public sealed class LoginTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Post_empty_form_shows_french_messages_next_to_both_fields()
    {
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.SubmitAsync("/compte/connexion", new Dictionary<string, string> { ["Email"] = "", ["Password"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Saisissez votre adresse électronique.", page.ErrorsFor("Email"));
        Assert.Contains("Saisissez votre mot de passe.", page.ErrorsFor("Password"));
    }

    [Fact]
    public async Task Post_too_long_email_shows_message_and_keeps_value()
    {
        var browser = new Browser(app.CreateBrowser());
        var longEmail = new string('a', 300) + "@x.fr";

        var page = await browser.SubmitAsync("/compte/connexion", new Dictionary<string, string> { ["Email"] = longEmail, ["Password"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("L'adresse électronique ne peut pas dépasser 254 caractères.", page.ErrorsFor("Email"));
        Assert.Equal(longEmail, page.ValueOf("Email"));
    }

    [Fact]
    public async Task Post_wrong_password_keeps_email_and_says_credentials_are_wrong()
    {
        var email = $"mauvais.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = new Browser(app.CreateBrowser());

        var page = await Accounts.SignInAsync(browser, email, "Pas-Le-Bon-123");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", page.Text);
        Assert.Equal(email, page.ValueOf("Email"));
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_with_the_right_password()
    {
        var email = $"verrou.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = new Browser(app.CreateBrowser());

        for (var i = 0; i < 5; i++)
        {
            await Accounts.SignInAsync(browser, email, "Pas-Le-Bon-123");
        }

        var page = await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("verrouillé", page.Text);
        Assert.True((await app.FindUserAsync(email))!.LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Partner_signs_in_lands_on_partner_home_and_signs_out()
    {
        var email = $"ok.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = new Browser(app.CreateBrowser());

        var signedIn = await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);
        Assert.Equal("/espace-partenaire", signedIn.Location);
        var home = await browser.GetAsync("/espace-partenaire");
        Assert.Equal(HttpStatusCode.OK, home.Status);

        var signedOut = await browser.PostAsync("/compte/deconnexion", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        var after = await browser.GetAsync("/espace-partenaire");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("http://localhost/compte/connexion", after.Location);
    }

    [Fact]
    public async Task Return_url_to_another_site_is_ignored()
    {
        var email = $"redir.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.SubmitAsync("/compte/connexion", new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = Accounts.StrongPassword, ["ReturnUrl"] = "https://evil.example/",
        });

        Assert.Equal("/espace-partenaire", page.Location);
    }
}
