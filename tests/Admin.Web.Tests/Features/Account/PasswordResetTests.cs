using System.Net;
using Admin.Domain.Users;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Account;

public sealed class PasswordResetTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Reset_link_from_email_sets_new_password_and_lifts_lockout()
    {
        var email = $"oubli.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = new Browser(app.CreateBrowser());
        for (var i = 0; i < 5; i++) await Accounts.SignInAsync(browser, email, "Pas-Le-Bon-123");

        var asked = await browser.SubmitAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var mail = (await app.DeliverOutboxAsync()).Single(m => m.To == email && m.Kind == "account.reset_password");

        var link = Accounts.LinkIn(mail, "/compte/nouveau-mot-de-passe");
        var form = await browser.GetAsync(link);
        var reset = await browser.PostAsync("/compte/nouveau-mot-de-passe", new Dictionary<string, string>
        {
            ["Email"] = form.ValueOf("Email")!, ["Code"] = form.ValueOf("Code")!,
            ["Password"] = "Nouveau-Secret-2027", ["ConfirmPassword"] = "Nouveau-Secret-2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);

        var signedIn = await Accounts.SignInAsync(browser, email, "Nouveau-Secret-2027");
        Assert.Equal("/espace-partenaire", signedIn.Location);
        var user = await app.FindUserAsync(email);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == user!.Id && a.Action == "account.password_reset")));
    }

    [Fact]
    public async Task Forgot_password_for_unknown_address_answers_like_a_known_one_and_sends_nothing()
    {
        var known = $"connu.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.CreateUserAsync(known, Accounts.StrongPassword, Roles.Partner);
        var unknown = $"inconnu.{Guid.NewGuid():N}@mairie-exemple.fr";

        var knownAnswer = await ForgotPasswordAnswerAsync(known);
        var unknownAnswer = await ForgotPasswordAnswerAsync(unknown);

        Assert.Contains("Si un compte existe pour cette adresse, un lien de réinitialisation vient d'y être envoyé.", knownAnswer);
        Assert.Equal(knownAnswer, unknownAnswer);
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == known && m.Kind == "account.reset_password")));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == unknown)));
    }

    /// <summary>Status, redirect target and the page it leads to, as the visitor sees them.</summary>
    private async Task<string> ForgotPasswordAnswerAsync(string email)
    {
        var browser = new Browser(app.CreateBrowser());
        var page = await browser.SubmitAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = email });
        var next = await browser.FollowAsync(page);
        return $"{(int)page.Status} {page.Location} {(int)next.Status} {next.Document.QuerySelector("main")?.TextContent}";
    }

    [Theory]
    [InlineData("", "Saisissez votre adresse électronique.")]
    [InlineData("sans-arobase", "Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.")]
    public async Task Forgot_password_with_bad_email_shows_message_next_to_field(string email, string message)
    {
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.SubmitAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = email });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor("Email"));
        Assert.Equal(email, page.ValueOf("Email") ?? "");
    }

    [Fact]
    public async Task Reset_with_forged_code_is_refused_with_french_message()
    {
        var email = $"forge.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.SubmitAsync($"/compte/nouveau-mot-de-passe?email={email}&code=Zm9yZ2Vk", new Dictionary<string, string>
        {
            ["Email"] = email, ["Code"] = "Zm9yZ2Vk", ["Password"] = "Nouveau-Secret-2027", ["ConfirmPassword"] = "Nouveau-Secret-2027",
        }, action: "/compte/nouveau-mot-de-passe");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Ce lien de réinitialisation n'est pas valide ou a expiré.", page.Text);
        Assert.Equal(email, page.ValueOf("Email"));
    }

    [Fact]
    public async Task Reset_with_weak_password_shows_message_next_to_password()
    {
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.SubmitAsync("/compte/nouveau-mot-de-passe?email=a@b.fr&code=x", new Dictionary<string, string>
        {
            ["Email"] = "a@b.fr", ["Code"] = "x", ["Password"] = "faible", ["ConfirmPassword"] = "faible",
        }, action: "/compte/nouveau-mot-de-passe");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Le mot de passe doit contenir au moins 12 caractères.", page.ErrorsFor("Password"));
    }
}
