using System.Net;
using Admin.Domain.Users;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Admin.Infrastructure.Identity;

namespace Admin.Web.Tests.Features.Account;

public sealed class RegisterTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private const string Url = "/compte/inscription";

    [Fact]
    public async Task Post_valid_form_creates_unconfirmed_partner_with_audit_and_confirmation_email()
    {
        var browser = new Browser(app.CreateBrowser());
        var email = $"camille.{Guid.NewGuid():N}@mairie-exemple.fr";

        var page = await browser.SubmitAsync(Url, Accounts.RegistrationForm(email));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var user = await app.FindUserAsync(email);
        Assert.NotNull(user);
        Assert.False(user.EmailConfirmed);
        Assert.Equal("Camille", user.FirstName);
        var roles = await app.WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().GetRolesAsync(user));
        Assert.Equal([Roles.Partner], roles);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == user.Id && a.Action == "account.registered")));
        var outbox = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).ToListAsync());
        var message = Assert.Single(outbox);
        Assert.Equal("account.confirm_email", message.Kind);
        Assert.Contains("/compte/confirmer?userId=" + user.Id, message.TextBody);
    }

    [Fact]
    public async Task Confirmation_link_from_email_activates_account_and_allows_sign_in()
    {
        var browser = new Browser(app.CreateBrowser());
        var email = $"lien.{Guid.NewGuid():N}@mairie-exemple.fr";
        await browser.SubmitAsync(Url, Accounts.RegistrationForm(email));

        var blocked = await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);
        Assert.Equal(HttpStatusCode.BadRequest, blocked.Status);
        Assert.Contains("n'est pas encore confirmée", blocked.Text);

        var sent = (await app.DeliverOutboxAsync()).Single(m => m.To == email);
        Assert.NotNull(sent.SentAt);
        Assert.Contains(Directory.GetFiles(app.EmailDirectory, "*.eml"), f => File.ReadAllText(f).Contains(email));

        var confirmed = await browser.GetAsync(Accounts.LinkIn(sent, "/compte/confirmer"));
        Assert.Contains("Votre adresse électronique est confirmée", confirmed.Text);

        var signedIn = await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);
        Assert.Equal("/espace-partenaire", signedIn.Location);
        var home = await browser.GetAsync("/espace-partenaire");
        Assert.Equal(HttpStatusCode.OK, home.Status);
    }

    [Fact]
    public async Task Get_confirmation_with_tampered_code_shows_invalid_link_and_keeps_account_unconfirmed()
    {
        var browser = new Browser(app.CreateBrowser());
        var email = $"faux.{Guid.NewGuid():N}@mairie-exemple.fr";
        await browser.SubmitAsync(Url, Accounts.RegistrationForm(email));
        var user = await app.FindUserAsync(email);

        var page = await browser.GetAsync($"/compte/confirmer?userId={user!.Id}&code=bm90LWEtdG9rZW4");

        Assert.Contains("Ce lien n'est pas valide", page.Text);
        Assert.False((await app.FindUserAsync(email))!.EmailConfirmed);
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "Email", "", "Saisissez votre adresse électronique." },
        { "Email", "pas-une-adresse", "Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr." },
        { "Email", new string('a', 250) + "@x.fr", "L'adresse électronique ne peut pas dépasser 254 caractères." },
        { "FirstName", "", "Saisissez votre prénom." },
        { "FirstName", new string('é', 101), "Ce champ ne peut pas dépasser 100 caractères." },
        { "LastName", "", "Saisissez votre nom." },
        { "Password", "", "Saisissez un mot de passe." },
        { "Password", "court1A", "Le mot de passe doit contenir au moins 12 caractères." },
        { "Password", "toutenminuscules12", "Le mot de passe doit contenir au moins une lettre majuscule." },
        { "Password", "SansChiffreDuTout", "Le mot de passe doit contenir au moins un chiffre." },
        { "Password", "Aa1" + new string('x', 130), "Le mot de passe ne peut pas dépasser 128 caractères." },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Post_with_invalid_field_shows_french_message_next_to_it_and_keeps_other_values(string field, string value, string message)
    {
        var browser = new Browser(app.CreateBrowser());
        var email = $"invalide.{Guid.NewGuid():N}@mairie-exemple.fr";
        var form = Accounts.RegistrationForm(email);
        form[field] = value;
        if (field == "Password") form["ConfirmPassword"] = value;

        var page = await browser.SubmitAsync(Url, form);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor(field));
        foreach (var kept in new[] { "FirstName", "LastName", "Email" }.Where(f => f != field))
        {
            Assert.Equal(form[kept], page.ValueOf(kept));
        }

        Assert.Null(page.ValueOf("Password"));
        Assert.NotNull(page.Document.GetElementById("error-summary"));
        Assert.Null(await app.FindUserAsync(email));
    }

    [Fact]
    public async Task Post_with_different_confirmation_shows_message_next_to_confirmation()
    {
        var browser = new Browser(app.CreateBrowser());
        var form = Accounts.RegistrationForm($"diff.{Guid.NewGuid():N}@mairie-exemple.fr");
        form["ConfirmPassword"] = "Autre-Mot-De-Passe-9";

        var page = await browser.SubmitAsync(Url, form);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Les deux mots de passe ne sont pas identiques.", page.ErrorsFor("ConfirmPassword"));
    }

    [Fact]
    public async Task Post_with_existing_email_answers_like_success_and_warns_the_owner_by_email()
    {
        var email = $"existe.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.SubmitAsync(Url, Accounts.RegistrationForm(email));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var outbox = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).ToListAsync());
        Assert.Equal("account.already_exists", Assert.Single(outbox).Kind);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_refused()
    {
        var browser = new Browser(app.CreateBrowser());
        var email = $"csrf.{Guid.NewGuid():N}@mairie-exemple.fr";

        var page = await browser.PostAsync(Url, Accounts.RegistrationForm(email), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(await app.FindUserAsync(email));
    }
}
