using System.Net;
using Admin.Domain.Users;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Account;

public sealed class TwoFactorTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Theory]
    [InlineData(Roles.Instructor)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Auditor)]
    public async Task Staff_without_two_factor_is_sent_to_set_up_and_cannot_reach_staff_pages(string role)
    {
        var email = $"agent.{Guid.NewGuid():N}@api.gouv.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, role);
        var browser = new Browser(app.CreateBrowser());

        var signedIn = await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);
        Assert.StartsWith("/compte/double-authentification", signedIn.Location);

        var staffPage = await browser.GetAsync("/instruction");
        Assert.Equal(HttpStatusCode.Redirect, staffPage.Status);
        Assert.StartsWith("/compte/double-authentification", staffPage.Location);

        var setup = await browser.GetAsync("/compte/double-authentification");
        Assert.NotNull(setup.Document.GetElementById("staff-2fa-required"));
    }

    [Fact]
    public async Task Staff_enables_two_factor_then_reaches_staff_pages_and_next_sign_in_asks_for_a_code()
    {
        var email = $"instructeur.{Guid.NewGuid():N}@api.gouv.fr";
        var user = await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Instructor);
        var browser = new Browser(app.CreateBrowser());
        await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);

        var setup = await browser.GetAsync("/compte/double-authentification");
        var key = setup.Document.GetElementById("shared-key")!.TextContent;
        var enabled = await browser.PostAsync("/compte/double-authentification/activer",
            new Dictionary<string, string> { ["Code"] = Accounts.TotpCode(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        Assert.Equal(10, enabled.Document.QuerySelectorAll("#recovery-codes li").Length);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == user.Id && a.Action == "account.two_factor_enabled")));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/instruction")).Status);

        var next = new Browser(app.CreateBrowser());
        var password = await Accounts.SignInAsync(next, email, Accounts.StrongPassword);
        Assert.StartsWith("/compte/connexion/double-authentification", password.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/instruction")).Status);

        var wrong = await next.SubmitAsync(password.Location!, new Dictionary<string, string> { ["Code"] = "000000" }, "/compte/connexion/double-authentification");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.NotEmpty(wrong.ErrorsFor("Code"));

        var recoveryCode = enabled.Document.QuerySelector("#recovery-codes li")!.TextContent.Trim();
        var recovered = await next.SubmitAsync("/compte/connexion/code-de-recuperation", new Dictionary<string, string> { ["RecoveryCode"] = recoveryCode });
        Assert.Equal("/instruction", recovered.Location);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/instruction")).Status);
    }

    [Theory]
    [InlineData("", "Saisissez le code à 6 chiffres affiché par votre application d'authentification.")]
    [InlineData("12345", "Saisissez le code à 6 chiffres affiché par votre application d'authentification.")]
    [InlineData("abcdef", "Saisissez le code à 6 chiffres affiché par votre application d'authentification.")]
    public async Task Enabling_with_malformed_code_shows_message_next_to_code_and_keeps_it(string code, string message)
    {
        var email = $"code.{Guid.NewGuid():N}@api.gouv.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Auditor);
        var browser = new Browser(app.CreateBrowser());
        await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);

        var page = await browser.SubmitAsync("/compte/double-authentification", new Dictionary<string, string> { ["Code"] = code }, "/compte/double-authentification/activer");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor("Code"));
        Assert.Equal(code, page.ValueOf("Code") ?? "");
        Assert.False((await app.FindUserAsync(email))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task Partner_gets_403_on_staff_pages()
    {
        var email = $"partenaire.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = new Browser(app.CreateBrowser());
        await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);

        var page = await browser.GetAsync("/instruction");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Accès refusé", page.Document.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_from_staff_pages_and_jobs_dashboard()
    {
        var browser = new Browser(app.CreateBrowser());

        foreach (var url in new[] { "/instruction", "/admin/jobs" })
        {
            var page = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.Contains("/compte/connexion", page.Location);
        }
    }

    [Fact]
    public async Task Jobs_dashboard_is_for_administrators_with_two_factor_only()
    {
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);
        var denied = await instructor.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Contains("Accès refusé", denied.Document.QuerySelector("h1")?.TextContent);

        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        var dashboard = await administrator.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("tâches de fond", dashboard.Document.Title + dashboard.Text);
    }

    [Fact]
    public async Task Post_two_factor_sign_in_with_the_code_just_used_is_refused_and_the_next_code_signs_in()
    {
        var email = $"rejeu.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = new Browser(app.CreateBrowser());
        await Accounts.SignInAsync(browser, email, Accounts.StrongPassword);
        var key = (await browser.GetAsync("/compte/double-authentification")).Document.GetElementById("shared-key")!.TextContent;
        var used = Accounts.TotpCode(key);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/compte/double-authentification/activer", new Dictionary<string, string> { ["Code"] = used })).Status);

        var other = new Browser(app.CreateBrowser());
        var password = await Accounts.SignInAsync(other, email, Accounts.StrongPassword);
        var replayed = await other.SubmitAsync(password.Location!, new Dictionary<string, string> { ["Code"] = used }, "/compte/connexion/double-authentification");
        Assert.Equal(HttpStatusCode.BadRequest, replayed.Status);
        Assert.NotEmpty(replayed.ErrorsFor("Code"));

        var next = await other.PostAsync("/compte/connexion/double-authentification",
            new Dictionary<string, string> { ["Code"] = Accounts.TotpCode(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        Assert.Equal("/espace-partenaire", next.Location);
    }

    [Fact]
    public async Task Get_jobs_dashboard_as_administrator_without_two_factor_sends_to_two_factor_set_up()
    {
        var email = $"admin.sans2fa.{Guid.NewGuid():N}@api.gouv.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Administrator);
        var administrator = new Browser(app.CreateBrowser());
        Assert.NotNull((await Accounts.SignInAsync(administrator, email, Accounts.StrongPassword)).Location);

        var page = await administrator.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/compte/double-authentification", page.Location);
    }
}
