using System.Net;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Outbox;
using Admin.Web.Features.Account;
using Admin.Web.Features.Organizations;
using Admin.Web.Infrastructure;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Features.Account;

/// <summary>ProConnect sign-in against a real OpenID Connect provider (OpenIddict) on loopback.</summary>
public sealed class SignInWithProConnectTests(ProConnectWebFactory app) : IClassFixture<ProConnectWebFactory>
{
    private ProConnectProvider Provider => app.Provider;

    [Fact]
    public async Task Get_sign_in_and_sign_up_pages_show_the_ProConnect_button()
    {
        var browser = new Browser(app.CreateBrowser());

        foreach (var url in new[] { "/compte/connexion", "/compte/inscription" })
        {
            var page = await browser.GetAsync(url);

            var button = page.Document.GetElementById("proconnect");
            Assert.NotNull(button);
            Assert.Contains("fr-connect--pro", button.ClassName);
            Assert.Equal("/compte/proconnect", button.Closest("form")!.GetAttribute("action"));
        }
    }

    [Fact]
    public async Task Get_sign_in_page_allows_its_forms_to_end_at_ProConnect_and_nowhere_else()
    {
        var response = await app.CreateBrowser().GetAsync("/compte/connexion");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"form-action 'self' {Provider.Authority};", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Challenge_asks_for_a_code_with_pkce_state_nonce_and_ProConnect_scopes()
    {
        using var journey = app.Journey();

        var authorize = (await journey.ChallengeAsync()).ToString();

        Assert.Equal(ProConnectProvider.ClientId, ProConnectJourney.Parameter(authorize, "client_id"));
        Assert.Equal("code", ProConnectJourney.Parameter(authorize, "response_type"));
        Assert.Equal("S256", ProConnectJourney.Parameter(authorize, "code_challenge_method"));
        Assert.NotEmpty(ProConnectJourney.Parameter(authorize, "code_challenge"));
        Assert.NotEmpty(ProConnectJourney.Parameter(authorize, "state"));
        Assert.NotEmpty(ProConnectJourney.Parameter(authorize, "nonce"));
        Assert.Equal(["openid", "email", "given_name", "usual_name", "siret"], ProConnectJourney.Parameter(authorize, "scope").Split(' '));
    }

    [Fact]
    public async Task First_sign_in_creates_a_partner_account_and_lands_on_the_organization_form_with_its_siret()
    {
        var user = Provider.User = ProConnectProvider.NewUser(SireneStub.Found);
        using var journey = app.Journey();

        var landed = await journey.SignInAsync();

        Assert.Equal($"/organisations/nouvelle?siret={SireneStub.Found}", landed.Location);
        var form = await journey.Browser.GetAsync(landed.Location!);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(SireneStub.Found, form.ValueOf("Siret"));
        // The directory is configured: the SIRET was looked up as a typed one.
        Assert.Equal("COMMUNE DE VILLEURBANNE", form.ValueOf("Name"));
        Assert.Equal(SiretLookup.FoundNote, form.Document.GetElementById("siret-lookup-note")!.TextContent.Trim());

        var account = await app.FindUserAsync(user.Email);
        Assert.NotNull(account);
        Assert.True(account.EmailConfirmed);
        Assert.Equal(("Dominique", "Lefèvre"), (account.FirstName, account.LastName));
        Assert.Null(account.PasswordHash);
        Assert.Equal([Roles.Partner], await RolesOfAsync(account));
        Assert.Equal([user.Subject], await ProConnectLoginsAsync(account));
        Assert.Equal(["account.proconnect_registered"], await AuditActionsAsync(account.Id));
        // ProConnect verified the address: no confirmation e-mail.
        Assert.DoesNotContain(await app.DeliverOutboxAsync(), m => m.To == user.Email);
    }

    [Fact]
    public async Task First_sign_in_reads_the_claims_from_a_userinfo_answered_as_a_signed_jwt_as_ProConnect_does()
    {
        var user = Provider.User = ProConnectProvider.NewUser();
        Provider.UserInfoAsJwt = true;
        try
        {
            using var journey = app.Journey();
            var landed = await journey.SignInAsync();

            Assert.Equal($"/organisations/nouvelle?siret={user.Siret}", landed.Location);
        }
        finally
        {
            Provider.UserInfoAsJwt = false;
        }

        var account = await app.FindUserAsync(user.Email);
        Assert.Equal(("Dominique", "Lefèvre"), (account!.FirstName, account.LastName));
    }

    [Fact]
    public async Task Organization_form_shows_the_usual_message_for_an_invalid_siret_from_ProConnect()
    {
        Provider.User = ProConnectProvider.NewUser("12345678901234");
        using var journey = app.Journey();

        var landed = await journey.SignInAsync();
        var form = await journey.Browser.GetAsync(landed.Location!);

        Assert.Equal("/organisations/nouvelle?siret=12345678901234", landed.Location);
        Assert.Equal("12345678901234", form.ValueOf("Siret"));
        Assert.Contains(OrganizationErrors.SiretChecksum.Message, form.ErrorsFor("Siret"));
    }

    [Fact]
    public async Task Second_sign_in_finds_the_same_account_without_creating_another()
    {
        var user = Provider.User = ProConnectProvider.NewUser();
        using (var first = app.Journey()) await first.SignInAsync();
        var created = await app.FindUserAsync(user.Email);

        using var second = app.Journey();
        var landed = await second.SignInAsync();

        Assert.StartsWith("/organisations/nouvelle", landed.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await second.Browser.GetAsync("/espace-partenaire")).Status);
        var accounts = await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == user.Email));
        Assert.Equal(1, accounts);
        Assert.Equal([user.Subject], await ProConnectLoginsAsync(created!));
        Assert.Equal(["account.proconnect_registered"], await AuditActionsAsync(created!.Id));
    }

    [Fact]
    public async Task First_sign_in_links_the_password_account_with_the_same_address_and_keeps_its_password()
    {
        var user = Provider.User = ProConnectProvider.NewUser() with { Email = $"existant.{Guid.NewGuid():N}@mairie-exemple.fr" };
        var existing = await app.CreateUserAsync(user.Email.ToUpperInvariant(), Accounts.StrongPassword, Roles.Partner);
        using var journey = app.Journey();

        var landed = await journey.SignInAsync();

        Assert.StartsWith("/organisations/nouvelle", landed.Location, StringComparison.Ordinal);
        var linked = await app.FindUserAsync(user.Email);
        Assert.Equal(existing.Id, linked!.Id);
        Assert.Equal([user.Subject], await ProConnectLoginsAsync(linked));
        Assert.Equal(["account.proconnect_linked"], await AuditActionsAsync(existing.Id));
        var passwordSignIn = await Accounts.SignInAsync(new Browser(app.CreateBrowser()), user.Email, Accounts.StrongPassword);
        Assert.Equal("/espace-partenaire", passwordSignIn.Location);
        var told = (await app.DeliverOutboxAsync()).Single(m => m.To == existing.Email);
        Assert.Equal(AccountNotifications.ProConnectLinkedKind, told.Kind);
        Assert.Contains("Vous pouvez vous connecter avec ProConnect ou avec votre mot de passe.", told.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_sign_in_with_the_address_of_an_unconfirmed_account_confirms_it_and_removes_its_password()
    {
        var user = Provider.User = ProConnectProvider.NewUser();
        var squatted = await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var account = new AppUser { UserName = user.Email, Email = user.Email, FirstName = "Autre", LastName = "Personne", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(account, Accounts.StrongPassword)).Succeeded);
            await users.AddToRoleAsync(account, Roles.Partner);
            return account;
        });
        using var journey = app.Journey();

        await journey.SignInAsync();

        var linked = await app.FindUserAsync(user.Email);
        Assert.Equal(squatted.Id, linked!.Id);
        Assert.True(linked.EmailConfirmed);
        Assert.Null(linked.PasswordHash);
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.AggregateId == squatted.Id));
        Assert.Equal("account.proconnect_linked", audit.Action);
        Assert.Contains("\"passwordRemoved\":true", audit.Data, StringComparison.Ordinal);
        var told = (await app.DeliverOutboxAsync()).Single(m => m.To == user.Email);
        Assert.Contains("le mot de passe choisi lors de la création du compte a été supprimé", told.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_with_two_factor_still_gives_the_code_after_ProConnect()
    {
        var user = Provider.User = ProConnectProvider.NewUser();
        var partner = await app.CreateUserAsync(user.Email, Accounts.StrongPassword, Roles.Partner);
        var sharedKey = await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var stored = await users.FindByIdAsync(partner.Id.ToString());
            await users.ResetAuthenticatorKeyAsync(stored!);
            await users.SetTwoFactorEnabledAsync(stored!, true);
            return (await users.GetAuthenticatorKeyAsync(stored!))!;
        });
        using var journey = app.Journey();

        var pending = await journey.SignInAsync();

        Assert.StartsWith("/compte/connexion/double-authentification", pending.Location, StringComparison.Ordinal);
        await AssertSignedOutAsync(journey.Browser);
        var signedIn = await journey.Browser.SubmitAsync(pending.Location!, new Dictionary<string, string> { ["Code"] = Accounts.TotpCode(sharedKey) });
        Assert.Equal("/espace-partenaire", signedIn.Location);
        Assert.Equal(HttpStatusCode.OK, (await journey.Browser.GetAsync("/espace-partenaire")).Status);
    }

    [Fact]
    public async Task Staff_account_is_refused_and_not_linked()
    {
        var user = Provider.User = ProConnectProvider.NewUser();
        var staff = await app.CreateUserAsync(user.Email, Accounts.StrongPassword, Roles.Instructor);
        using var journey = app.Journey();

        var refused = await journey.SignInAsync();

        Assert.Equal("/compte/connexion", refused.Location);
        var page = await journey.Browser.GetAsync(refused.Location!);
        Assert.Equal(SignInWithProConnect.StaffRefused.Message, page.Document.GetElementById("sign-in-error")!.TextContent.Trim());
        Assert.Empty(await ProConnectLoginsAsync(staff));
        await AssertSignedOutAsync(journey.Browser);
    }

    [Fact]
    public async Task Deactivated_account_is_refused_with_the_usual_message()
    {
        var user = Provider.User = ProConnectProvider.NewUser();
        using (var first = app.Journey()) await first.SignInAsync();
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var account = await users.FindByEmailAsync(user.Email);
            account!.DeactivatedAt = DateTimeOffset.UtcNow;
            return await users.UpdateAsync(account);
        });
        using var journey = app.Journey();

        var refused = await journey.SignInAsync();

        Assert.Equal("/compte/connexion", refused.Location);
        var page = await journey.Browser.GetAsync(refused.Location!);
        Assert.Equal(AccountMessages.Deactivated, page.Document.GetElementById("sign-in-error")!.TextContent.Trim());
        await AssertSignedOutAsync(journey.Browser);
    }

    [Fact]
    public async Task Tampered_state_is_refused_with_a_french_message_and_no_session()
    {
        var user = Provider.User = ProConnectProvider.NewUser();
        using var journey = app.Journey();

        var refused = await journey.SignInAsync(alterCallback: callback =>
            ProConnectJourney.WithParameter(callback, "state", state => state[..^4] + (state.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA")));

        await AssertRefusedAsync(journey.Browser, refused, user);
    }

    [Fact]
    public async Task Id_token_with_another_nonce_is_refused_with_a_french_message_and_no_session()
    {
        var user = Provider.User = ProConnectProvider.NewUser();
        using var journey = app.Journey();

        // The provider puts the nonce it was given into the id_token: a changed one is not the nonce of this browser's cookie.
        var refused = await journey.SignInAsync(alterAuthorize: authorize =>
            ProConnectJourney.WithParameter(authorize, "nonce", _ => Guid.NewGuid().ToString("N")));

        await AssertRefusedAsync(journey.Browser, refused, user);
    }

    [Fact]
    public async Task Replayed_authorization_code_is_refused_even_with_the_right_state_and_cookies()
    {
        var user = Provider.User = ProConnectProvider.NewUser();
        var victimCookies = new CookieContainer();
        using var victim = new ProConnectJourney(new Browser(app.CreateBrowser(victimCookies)), Provider);
        var callback = await victim.AuthorizeAsync(await victim.ChallengeAsync());
        // Everything the victim's browser holds for this callback (correlation and nonce cookies), before it uses it.
        var stolen = new CookieContainer();
        stolen.Add(victimCookies.GetCookies(callback));
        var victimLanded = await victim.CallbackAsync(callback);
        Assert.StartsWith("/organisations/nouvelle", victimLanded.Location, StringComparison.Ordinal);
        var redemptions = Provider.TokenRequests;

        var attacker = new Browser(app.CreateBrowser(stolen));
        using var replay = new ProConnectJourney(attacker, Provider);
        var refused = await replay.CallbackAsync(callback);

        Assert.Equal("/compte/connexion", refused.Location);
        // State, correlation and nonce cookies passed: the app did ask the provider for tokens, which refused the used code.
        Assert.Equal(redemptions + 1, Provider.TokenRequests);
        var page = await attacker.GetAsync(refused.Location!);
        Assert.Equal(ProConnect.FailedMessage, page.Document.GetElementById("sign-in-error")!.TextContent.Trim());
        Assert.Null(stolen.GetCookies(new Uri(ProConnectProvider.AppOrigin))["apip_admin"]);
        await AssertSignedOutAsync(attacker);
    }

    [Fact]
    public async Task Expired_authorization_code_is_refused_with_a_french_message_and_no_session()
    {
        var user = Provider.User = ProConnectProvider.NewUser();
        using var journey = app.Journey();
        var authorize = await journey.ChallengeAsync();
        Provider.CodeLifetime = TimeSpan.FromSeconds(1);
        Uri callback;
        try
        {
            callback = await journey.AuthorizeAsync(authorize);
        }
        finally
        {
            Provider.CodeLifetime = null;
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var redemptions = Provider.TokenRequests;
        var refused = await journey.CallbackAsync(callback);

        Assert.Equal(redemptions + 1, Provider.TokenRequests);
        await AssertRefusedAsync(journey.Browser, refused, user);
    }

    [Fact]
    public async Task Sign_out_of_a_ProConnect_session_ends_it_at_the_provider_with_the_id_token_hint()
    {
        Provider.User = ProConnectProvider.NewUser();
        using var journey = app.Journey();
        var landed = await journey.SignInAsync();
        await journey.Browser.GetAsync(landed.Location!);

        var signedOut = await journey.Browser.PostAsync("/compte/deconnexion", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.StartsWith(Provider.Authority + "/connect/logout", signedOut.Location, StringComparison.Ordinal);
        var hint = ProConnectJourney.Parameter(signedOut.Location!, "id_token_hint");
        Assert.Equal(3, hint.Split('.').Length);
        Assert.Equal(ProConnectProvider.AppOrigin + ProConnect.SignedOutCallbackPath, ProConnectJourney.Parameter(signedOut.Location!, "post_logout_redirect_uri"));
        await AssertSignedOutAsync(journey.Browser);

        var back = await journey.AtProviderAsync(signedOut.Location!);
        Assert.StartsWith(ProConnectProvider.AppOrigin + ProConnect.SignedOutCallbackPath, back.ToString(), StringComparison.Ordinal);
        Assert.Equal(hint, Provider.EndSessionRequests.Last().IdTokenHint);
        var home = await journey.Browser.GetAsync(back.PathAndQuery);
        Assert.Equal("/", home.Location);
        Assert.Contains("Vous êtes déconnecté.", (await journey.Browser.GetAsync("/")).Text);
    }

    [Fact]
    public async Task Sign_out_of_a_password_session_stays_in_the_app()
    {
        var email = $"motdepasse.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = new Browser(app.CreateBrowser());
        await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);
        await browser.GetAsync("/espace-partenaire");

        var signedOut = await browser.PostAsync("/compte/deconnexion", new Dictionary<string, string>());

        Assert.Equal("/", signedOut.Location);
        await AssertSignedOutAsync(browser);
    }

    [Fact]
    public async Task Sign_in_with_a_return_url_goes_back_there()
    {
        Provider.User = ProConnectProvider.NewUser();
        using var journey = app.Journey();

        var landed = await journey.SignInAsync(returnUrl: "/organisations");

        Assert.Equal("/organisations", landed.Location);
        Assert.Equal(HttpStatusCode.OK, (await journey.Browser.GetAsync("/organisations")).Status);
    }

    private async Task AssertRefusedAsync(Browser browser, Page refused, ProConnectUser user)
    {
        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Equal("/compte/connexion", refused.Location);
        var page = await browser.GetAsync(refused.Location!);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(ProConnect.FailedMessage, page.Document.GetElementById("sign-in-error")!.TextContent.Trim());
        Assert.Null(await app.FindUserAsync(user.Email));
        await AssertSignedOutAsync(browser);
    }

    private static async Task AssertSignedOutAsync(Browser browser)
    {
        var home = await browser.GetAsync("/espace-partenaire");
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.StartsWith("/compte/connexion", new Uri(new Uri(ProConnectProvider.AppOrigin), home.Location!).PathAndQuery, StringComparison.Ordinal);
    }

    private Task<IList<string>> RolesOfAsync(AppUser user) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().GetRolesAsync(user));

    private Task<List<string>> ProConnectLoginsAsync(AppUser user) =>
        app.WithDbAsync(db => db.UserLogins.Where(l => l.UserId == user.Id && l.LoginProvider == ProConnect.Scheme).Select(l => l.ProviderKey).ToListAsync());

    private Task<List<string>> AuditActionsAsync(Guid userId) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.AggregateId == userId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
}

/// <summary>Without the three ProConnect settings, nothing of it exists.</summary>
public sealed class ProConnectNotConfiguredTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Get_sign_in_page_shows_no_ProConnect_button_and_the_scheme_is_not_registered()
    {
        var browser = new Browser(app.CreateBrowser());

        var login = await browser.GetAsync("/compte/connexion");
        var register = await browser.GetAsync("/compte/inscription");
        var challenge = await browser.PostAsync("/compte/proconnect", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Null(login.Document.GetElementById("proconnect"));
        Assert.DoesNotContain("ProConnect", login.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ProConnect", register.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, challenge.Status);
        Assert.Contains("form-action 'self';", login.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var scheme = await app.WithScopeAsync(sp => sp.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(ProConnect.Scheme));
        Assert.Null(scheme);
    }

    [Theory]
    [InlineData("https://auth.agentconnect.gouv.fr/api/v2", true)]
    [InlineData("http://proconnect.example.fr", true)]
    [InlineData("http://127.0.0.1:5123", false)]
    [InlineData("http://localhost:5123", false)]
    [InlineData("http://[::1]:5123", false)]
    [InlineData("https://127.0.0.1:5123", true)]
    public void Https_metadata_is_required_except_from_an_http_loopback_authority(string authority, bool required) =>
        Assert.Equal(required, ProConnect.RequiresHttpsMetadata(new Uri(authority)));
}

/// <summary>ProConnect configured but not answering.</summary>
public sealed class ProConnectUnreachableTests(UnreachableProConnectWebFactory app) : IClassFixture<UnreachableProConnectWebFactory>
{
    [Fact]
    public async Task Post_ProConnect_sign_in_while_ProConnect_is_down_says_so_in_french_instead_of_an_error_page()
    {
        var browser = new Browser(app.CreateBrowser());
        await browser.GetAsync("/compte/connexion");

        var refused = await browser.PostAsync("/compte/proconnect", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Equal("/compte/connexion", refused.Location);
        var page = await browser.GetAsync(refused.Location!);
        Assert.Equal(ProConnect.UnreachableMessage, page.Document.GetElementById("sign-in-error")!.TextContent.Trim());
    }
}
