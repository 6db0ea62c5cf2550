using System.Net;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Web.Features.Account;
using Admin.Web.Infrastructure;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Features.Account;

/// <summary>"Confirmer avec ProConnect" before a sensitive action, for an account without a password.</summary>
public sealed class ConfirmIdentityWithProConnectTests(ProConnectWebFactory app) : IClassFixture<ProConnectWebFactory>
{
    private ProConnectProvider Provider => app.Provider;

    [Fact]
    public async Task Confirm_identity_with_ProConnect_asks_for_a_new_identification_then_lets_a_key_be_created()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        using var journey = await ProConnectOnlySignedInAsync(arranged.Applicant.User);
        var asked = await journey.Browser.GetAsync(arranged.NewKeyUrl);
        Assert.StartsWith(IdentityConfirmation.Path, asked.Location, StringComparison.Ordinal);
        var confirmation = await journey.Browser.GetAsync(asked.Location!);
        Assert.NotNull(confirmation.Document.GetElementById("proconnect-confirm"));
        Assert.Null(confirmation.Document.QuerySelector("[name='Password']"));

        var authorize = (await journey.ChallengeAsync(asked.Location!, IdentityConfirmation.Path + "/proconnect", arranged.NewKeyUrl)).ToString();
        var back = await journey.CallbackAsync(await journey.AuthorizeAsync(new Uri(authorize)));

        Assert.Equal("login", ProConnectJourney.Parameter(authorize, "prompt"));
        Assert.Equal("0", ProConnectJourney.Parameter(authorize, "max_age"));
        Assert.Equal(arranged.NewKeyUrl, back.Location);
        Assert.Equal(HttpStatusCode.OK, (await journey.Browser.GetAsync(arranged.NewKeyUrl)).Status);
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.AggregateId == arranged.Applicant.User.Id && e.Action == ConfirmIdentity.AuditAction).ToListAsync());
        Assert.Equal(ProConnect.DisplayName, Assert.Single(audit).Reason);
    }

    [Fact]
    public async Task Confirm_identity_with_an_old_ProConnect_identification_is_refused()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        using var journey = await ProConnectOnlySignedInAsync(arranged.Applicant.User);
        var asked = (await journey.Browser.GetAsync(arranged.NewKeyUrl)).Location!;

        Provider.AuthenticatedAt = DateTimeOffset.UtcNow.AddHours(-1);
        Page back;
        try
        {
            back = await journey.CallbackAsync(await journey.AuthorizeAsync(
                await journey.ChallengeAsync(asked, IdentityConfirmation.Path + "/proconnect", arranged.NewKeyUrl)));
        }
        finally
        {
            Provider.AuthenticatedAt = null;
        }

        await AssertConfirmationRefusedAsync(journey.Browser, back, arranged.NewKeyUrl, ConfirmIdentityWithProConnect.NotFresh.Message);
    }

    [Fact]
    public async Task Confirm_identity_with_another_ProConnect_account_is_refused()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        using var journey = await ProConnectOnlySignedInAsync(arranged.Applicant.User);
        var asked = (await journey.Browser.GetAsync(arranged.NewKeyUrl)).Location!;

        Provider.User = ProConnectProvider.NewUser();
        var back = await journey.CallbackAsync(await journey.AuthorizeAsync(
            await journey.ChallengeAsync(asked, IdentityConfirmation.Path + "/proconnect", arranged.NewKeyUrl)));

        await AssertConfirmationRefusedAsync(journey.Browser, back, arranged.NewKeyUrl, ConfirmIdentityWithProConnect.OtherAccount.Message);
    }

    [Fact]
    public async Task Confirm_identity_of_a_password_account_still_asks_for_the_password()
    {
        var user = Provider.User = ProConnectProvider.NewUser();
        await app.CreateUserAsync(user.Email, Accounts.StrongPassword, Roles.Partner);
        using var journey = app.Journey();
        await journey.SignInAsync();

        var confirmation = await journey.Browser.GetAsync(IdentityConfirmation.UrlFor("/organisations"));
        var challenge = await journey.Browser.PostAsync(IdentityConfirmation.Path + "/proconnect", new Dictionary<string, string> { ["returnUrl"] = "/organisations" });

        Assert.NotNull(confirmation.Document.QuerySelector("[name='Password']"));
        Assert.Null(confirmation.Document.GetElementById("proconnect-confirm"));
        Assert.Equal(HttpStatusCode.NotFound, challenge.Status);
    }

    /// <summary>The account made ProConnect-only (no password, linked to a provider user), signed in through ProConnect.</summary>
    private async Task<ProConnectJourney> ProConnectOnlySignedInAsync(AppUser account)
    {
        var user = Provider.User = ProConnectProvider.NewUser() with { Email = account.Email! };
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var stored = await users.FindByIdAsync(account.Id.ToString());
            Assert.True((await users.RemovePasswordAsync(stored!)).Succeeded);
            return await users.AddLoginAsync(stored!, new UserLoginInfo(ProConnect.Scheme, user.Subject, ProConnect.DisplayName));
        });
        var journey = app.Journey();
        Assert.Equal("/espace-partenaire", (await journey.SignInAsync()).Location);
        return journey;
    }

    private static async Task AssertConfirmationRefusedAsync(Browser browser, Page back, string sensitiveUrl, string message)
    {
        Assert.Equal(IdentityConfirmation.UrlFor(sensitiveUrl), back.Location);
        var page = await browser.GetAsync(back.Location!);
        Assert.Equal(message, page.Document.GetElementById("sign-in-error")!.TextContent.Trim());
        Assert.StartsWith(IdentityConfirmation.Path, (await browser.GetAsync(sensitiveUrl)).Location, StringComparison.Ordinal);
    }
}
