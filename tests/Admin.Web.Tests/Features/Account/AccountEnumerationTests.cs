using System.Net;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Admin.Web.Tests.Features.Account;

/// <summary>
/// Sign-in and sign-up tell an outsider nothing about an address before the password is proven:
/// same answer, and the same work (counted in password hashes rather than timed).
/// </summary>
public sealed class AccountEnumerationTests(PasswordHashCountingFactory app) : IClassFixture<PasswordHashCountingFactory>
{
    private const string Failure =
        "Adresse électronique ou mot de passe incorrect. Après 5 essais infructueux, le compte est verrouillé 15 minutes.";
    private const string WrongPassword = "Pas-Le-Bon-123";

    [Fact]
    public async Task Post_sign_in_answers_alike_for_unknown_address_wrong_password_unconfirmed_and_locked_accounts()
    {
        var wrongPassword = await app.CreateUserAsync(NewEmail(), Accounts.StrongPassword, Roles.Partner);
        var unconfirmed = await UnconfirmedUserAsync();
        var locked = await LockedUserAsync();

        var answers = new[]
        {
            await SignInAsync(NewEmail(), Accounts.StrongPassword),
            await SignInAsync(wrongPassword.Email!, WrongPassword),
            await SignInAsync(unconfirmed.Email!, WrongPassword),
            await SignInAsync(locked.Email!, WrongPassword),
            await SignInAsync(locked.Email!, Accounts.StrongPassword),
        };

        Assert.All(answers, page =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains(Failure, page.Document.GetElementById("error-summary")?.TextContent);
        });
        // The whole page is the same; only the typed address (an attribute) differs.
        Assert.Single(answers.Select(page => page.Document.QuerySelector("main")!.TextContent).Distinct());
    }

    [Fact]
    public async Task Post_sign_in_of_unconfirmed_account_with_right_password_says_to_confirm_the_address()
    {
        var unconfirmed = await UnconfirmedUserAsync();

        var page = await SignInAsync(unconfirmed.Email!, Accounts.StrongPassword);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Votre adresse électronique n'est pas encore confirmée.", page.Text);
        Assert.DoesNotContain(Failure, page.Text);
    }

    [Fact]
    public async Task Post_sign_in_of_unknown_address_verifies_one_password_hash_like_a_known_address()
    {
        var known = await app.CreateUserAsync(NewEmail(), Accounts.StrongPassword, Roles.Partner);
        await SignInAsync(NewEmail(), WrongPassword); // the dummy hash is computed once per process

        var unknownWork = await app.Hasher.CountAsync(() => SignInAsync(NewEmail(), WrongPassword));
        var knownWork = await app.Hasher.CountAsync(() => SignInAsync(known.Email!, WrongPassword));

        Assert.Equal(new HashWork(Hashed: 0, Verified: 1), knownWork);
        Assert.Equal(knownWork, unknownWork);
    }

    [Fact]
    public async Task Post_sign_up_with_an_existing_address_hashes_the_password_like_a_new_account()
    {
        var existing = await app.CreateUserAsync(NewEmail(), Accounts.StrongPassword, Roles.Partner);

        var newAccountWork = await app.Hasher.CountAsync(() => SignUpAsync(NewEmail()));
        var existingWork = await app.Hasher.CountAsync(() => SignUpAsync(existing.Email!));

        Assert.Equal(new HashWork(Hashed: 1, Verified: 0), newAccountWork);
        Assert.Equal(newAccountWork, existingWork);
    }

    private static string NewEmail() => $"enum.{Guid.NewGuid():N}@mairie-exemple.fr";

    private Task<Page> SignInAsync(string email, string password) =>
        Accounts.SignInAsync(new Browser(app.CreateBrowser()), email, password);

    private async Task<Page> SignUpAsync(string email)
    {
        var page = await new Browser(app.CreateBrowser()).SubmitAsync("/compte/inscription", Accounts.RegistrationForm(email));
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        return page;
    }

    private Task<AppUser> UnconfirmedUserAsync() => app.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync((await app.CreateUserAsync(NewEmail(), Accounts.StrongPassword, Roles.Partner)).Email!);
        user!.EmailConfirmed = false;
        await users.UpdateAsync(user);
        return user;
    });

    private Task<AppUser> LockedUserAsync() => app.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync((await app.CreateUserAsync(NewEmail(), Accounts.StrongPassword, Roles.Partner)).Email!);
        await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddMinutes(15));
        return user!;
    });
}

public sealed record HashWork(int Hashed, int Verified);

/// <summary>The app with its password hasher wrapped in one that counts what it is asked to do.</summary>
public sealed class PasswordHashCountingFactory : AdminWebFactory
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<AppUser>>(sp =>
        {
            Hasher.Inner ??= new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>());
            return Hasher;
        }));
    }
}

public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private int _hashed;
    private int _verified;

    public IPasswordHasher<AppUser>? Inner { get; set; }

    /// <summary>What the hasher did during <paramref name="action"/> (tests of one class run one at a time).</summary>
    public async Task<HashWork> CountAsync(Func<Task> action)
    {
        var (hashed, verified) = (_hashed, _verified);
        await action();
        return new HashWork(_hashed - hashed, _verified - verified);
    }

    public string HashPassword(AppUser user, string password)
    {
        Interlocked.Increment(ref _hashed);
        return Inner!.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verified);
        return Inner!.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
