using System.Text;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Identity;

public sealed class ReplayProtectedAuthenticatorTokenProviderTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Codes_match_the_RFC_6238_test_vectors(long unixSeconds, string expected)
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        var step = ReplayProtectedAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, ReplayProtectedAuthenticatorTokenProvider.Code(secret, step));
    }

    [Fact]
    public async Task A_code_is_accepted_once_then_refused_within_its_window()
    {
        var (users, user, key) = await UserWithAuthenticatorAsync();
        var code = Accounts.TotpCode(key, app.Clock.GetUtcNow());

        Assert.True(await Verify(users, user, code));
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(await Verify(users, user, code));
    }

    [Fact]
    public async Task Once_a_later_code_is_accepted_an_earlier_one_still_in_the_drift_window_is_refused()
    {
        var (users, user, key) = await UserWithAuthenticatorAsync();
        var now = app.Clock.GetUtcNow();

        Assert.True(await Verify(users, user, Accounts.TotpCode(key, now.AddSeconds(30))));
        Assert.False(await Verify(users, user, Accounts.TotpCode(key, now)));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(await Verify(users, user, Accounts.TotpCode(key, now.AddSeconds(30))));
        Assert.True(await Verify(users, user, Accounts.TotpCode(key, now.AddSeconds(60))));
    }

    [Fact]
    public async Task A_code_more_than_one_step_away_is_refused()
    {
        var (users, user, key) = await UserWithAuthenticatorAsync();
        var now = app.Clock.GetUtcNow();

        Assert.False(await Verify(users, user, Accounts.TotpCode(key, now.AddSeconds(-65))));
        Assert.False(await Verify(users, user, Accounts.TotpCode(key, now.AddSeconds(65))));
        Assert.True(await Verify(users, user, Accounts.TotpCode(key, now)));
    }

    private async Task<(UserManager<AppUser> Users, AppUser User, string Key)> UserWithAuthenticatorAsync()
    {
        var created = await app.CreateUserAsync($"totp.{Guid.NewGuid():N}@mairie-exemple.fr", Accounts.StrongPassword, Roles.Partner);
        var users = app.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(created.Id.ToString()))!;
        await users.ResetAuthenticatorKeyAsync(user);
        return (users, user, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    private static Task<bool> Verify(UserManager<AppUser> users, AppUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
}
