using System.Net;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Infrastructure;

/// <summary>
/// Every form that sends e-mail sends at most 3 per address and 20 per client address in 15
/// minutes, and answers a throttled request exactly like the others. Each test comes from its own
/// client address (X-Forwarded-For through the trusted proxy), so the per-client bucket is its own.
/// </summary>
public sealed class EmailThrottleTests(ClientAddressFactory app) : IClassFixture<ClientAddressFactory>
{
    private const int Attempts = 9;
    private const int PerAddress = 3;
    private const int PerClient = 20;

    [Fact]
    public async Task Post_forgot_password_nine_times_for_one_address_sends_three_emails_and_answers_alike()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = app.CreateBrowserFrom(NewClient());

        var answers = await RepeatAsync(() => SubmitAndFollowAsync(browser, "/compte/mot-de-passe-oublie", new() { ["Email"] = email }));

        Assert.Single(answers.Distinct());
        Assert.Contains("Si un compte existe pour cette adresse, un lien de réinitialisation vient d'y être envoyé.", answers[0]);
        Assert.Equal(PerAddress, await QueuedAsync(email, "account.reset_password"));
    }

    [Fact]
    public async Task Post_resend_confirmation_nine_times_for_one_address_sends_three_emails_and_answers_alike()
    {
        var email = NewEmail();
        await UnconfirmedUserAsync(email);
        var browser = app.CreateBrowserFrom(NewClient());

        var answers = await RepeatAsync(() => SubmitAndFollowAsync(browser, "/compte/renvoyer-confirmation", new() { ["Email"] = email }));

        Assert.Single(answers.Distinct());
        Assert.Contains("Si un compte non confirmé existe pour cette adresse, un nouveau lien vient d'y être envoyé.", answers[0]);
        Assert.Equal(PerAddress, await QueuedAsync(email, "account.confirm_email"));
    }

    [Fact]
    public async Task Post_sign_up_nine_times_with_an_existing_address_sends_three_warnings_and_answers_alike()
    {
        var email = NewEmail();
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var browser = app.CreateBrowserFrom(NewClient());

        var answers = await RepeatAsync(() => SubmitAndFollowAsync(browser, "/compte/inscription", Accounts.RegistrationForm(email)));

        Assert.Single(answers.Distinct());
        Assert.Contains(email, answers[0]);
        Assert.Equal(PerAddress, await QueuedAsync(email, "account.already_exists"));
    }

    [Fact]
    public async Task Post_invite_nine_times_for_one_address_sends_three_invitations_and_answers_alike()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var browser = app.CreateBrowserFrom(NewClient());
        Assert.NotNull((await Accounts.SignInAsync(browser, applicant.Email, applicant.Password)).Location);
        var email = NewEmail();

        var answers = await RepeatAsync(async () =>
        {
            var answer = await SubmitAndFollowAsync(browser, applicant.MembersUrl(),
                new() { ["Invite.Email"] = email, ["Invite.Role"] = nameof(MembershipRole.BusinessContact) },
                $"/organisations/{applicant.Organization.Id}/invitations");
            await RevokePendingInvitationsAsync(applicant);
            return answer;
        });

        Assert.Single(answers.Distinct());
        Assert.Contains($"Une invitation a été envoyée à {email}.", answers[0]);
        Assert.Equal(Attempts, (await app.StoredOrganizationAsync(applicant.Organization.Id)).Invitations.Count(i => i.Email == email));
        Assert.Equal(PerAddress, await QueuedAsync(email, "organization.invitation"));
    }

    [Fact]
    public async Task Post_forgot_password_from_one_client_for_many_addresses_sends_twenty_emails_and_answers_alike()
    {
        var emails = new List<string>();
        for (var i = 0; i < PerClient + 5; i++)
        {
            emails.Add(NewEmail());
            await app.CreateUserAsync(emails[^1], Accounts.StrongPassword, Roles.Partner);
        }

        var browser = app.CreateBrowserFrom(NewClient());
        var answers = new List<string>();
        foreach (var email in emails)
        {
            answers.Add(await SubmitAndFollowAsync(browser, "/compte/mot-de-passe-oublie", new() { ["Email"] = email }));
        }

        Assert.Single(answers.Distinct());
        var sent = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => emails.Contains(m.To) && m.Kind == "account.reset_password"));
        Assert.Equal(PerClient, sent);

        // Another client is not held back by the first one's bucket.
        var other = app.CreateBrowserFrom(NewClient());
        await SubmitAndFollowAsync(other, "/compte/mot-de-passe-oublie", new() { ["Email"] = emails[^1] });
        Assert.Equal(1, await QueuedAsync(emails[^1], "account.reset_password"));
    }

    private static string NewEmail() => $"bombe.{Guid.NewGuid():N}@mairie-exemple.fr";

    private static int _clients;

    /// <summary>A fresh documentation address (TEST-NET-3) for each browser.</summary>
    private static string NewClient()
    {
        var n = Interlocked.Increment(ref _clients);
        return $"203.0.{113 + n / 250}.{n % 250 + 1}";
    }

    private static async Task<List<string>> RepeatAsync(Func<Task<string>> submit)
    {
        var answers = new List<string>();
        for (var i = 0; i < Attempts; i++) answers.Add(await submit());
        return answers;
    }

    /// <summary>The answer as the visitor sees it: status, redirect target and the page it leads to.</summary>
    private static async Task<string> SubmitAndFollowAsync(Browser browser, string formUrl, Dictionary<string, string> fields, string? action = null)
    {
        var page = await browser.SubmitAsync(formUrl, fields, action);
        var next = await browser.FollowAsync(page);
        return $"{(int)page.Status} {page.Location} {next.Document.QuerySelector("main")?.TextContent}";
    }

    private Task<int> QueuedAsync(string email, string kind) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email && m.Kind == kind));

    private Task UnconfirmedUserAsync(string email) => app.WithScopeAsync(async sp =>
    {
        await app.CreateUserAsync(email, Accounts.StrongPassword, Roles.Partner);
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        user!.EmailConfirmed = false;
        return await users.UpdateAsync(user);
    });

    private Task RevokePendingInvitationsAsync(PartnerArrangement applicant) => app.WithDbAsync(async db =>
    {
        var organization = await db.Organizations.Include(o => o.Memberships).Include(o => o.Invitations)
            .SingleAsync(o => o.Id == applicant.Organization.Id);
        foreach (var pending in organization.Invitations.Where(i => i.IsPending(DateTimeOffset.UtcNow)).ToList())
        {
            Assert.True(organization.RevokeInvitation(applicant.User.Id, pending.Id, DateTimeOffset.UtcNow).IsSuccess);
        }

        return await db.SaveChangesAsync();
    });
}

/// <summary>The app behind a trusted reverse proxy, so each browser can come from its own client address.</summary>
public sealed class ClientAddressFactory : AdminWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ReverseProxy:Trusted", "true");
    }

    public Browser CreateBrowserFrom(string clientAddress)
    {
        var client = CreateBrowser();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return new Browser(client);
    }
}
