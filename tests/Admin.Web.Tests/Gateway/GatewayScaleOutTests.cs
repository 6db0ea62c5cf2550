using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Admin.Infrastructure.Gateway;
using Admin.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Admin.Web.Tests.Gateway;

/// <summary>
/// Two nodes of one installation on one real Redis: counting exact across them, a change made on one
/// refused by the other within a second, a Redis outage survived with local counters, and a session
/// cookie issued by one node read by the other.
/// </summary>
public sealed class GatewayScaleOutTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private static readonly string[] FamilyScopes = ["cnaf_quotient_familial"];
    private const string FamilyRoute = "/api/v2/composition-familiale";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "apip-web-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private GatewayNodeFactory _a = default!;
    private GatewayNodeFactory _b = default!;

    public Task InitializeAsync()
    {
        _a = new GatewayNodeFactory(_data, redis.Configuration, _clock);
        _ = _a.Server; // migrates and seeds first
        _b = new GatewayNodeFactory(_data, redis.Configuration, _clock);
        _ = _b.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    private static async Task<string?> CodeAsync(Task<HttpResponseMessage> call) =>
        JsonDocument.Parse(await (await call).Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();

    [Fact]
    public async Task Two_hundred_callers_split_across_two_nodes_admit_exactly_the_limit_in_each_window()
    {
        var key = await _a.GatewayKeyAsync(FamilyScopes, ratePerSecond: 20);
        var credential = await _a.GatewayCredentialAsync();
        var clients = new[] { _a.CreateClient(), _b.CreateClient() };

        var admitted = new List<int>();
        for (var window = 0; window < 5; window++)
        {
            var codes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => i % 4 < 2
                ? CodeAsync(clients[i % 2].VerifyAsync(credential, new { key = key.Secret }))
                : clients[i % 2].ForwardAuthAsync(credential, key.Secret, FamilyRoute).ContinueWith(t => t.Result.Header("X-Api-Particulier-Code"), TaskScheduler.Default)));
            admitted.Add(codes.Count(c => c == "VALID"));
            Assert.Equal(200, codes.Count(c => c is "VALID" or "RATE_LIMITED"));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([20, 20, 20, 20, 20], admitted);
    }

    [Fact]
    public async Task A_key_revoked_on_one_node_is_refused_by_the_other_within_one_second()
    {
        var key = await _a.GatewayKeyAsync(FamilyScopes, ratePerSecond: 1000);
        var credential = await _a.GatewayCredentialAsync();
        var other = _b.CreateClient();
        Assert.Equal("VALID", await CodeAsync(other.VerifyAsync(credential, new { key = key.Secret })));

        await _a.ChangeKeyAsync(key.KeyId, (k, organization, _) => k.RevokeAsMember(organization, key.Applicant.User.Id, "Fuite", _clock.GetUtcNow()));
        var watch = Stopwatch.StartNew();
        string? code;
        do
        {
            code = await CodeAsync(other.VerifyAsync(credential, new { key = key.Secret }));
        }
        while (code != "REVOKED" && watch.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal("REVOKED", code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"refused after {watch.ElapsedMilliseconds} ms");
        Assert.Equal("REVOKED", await CodeAsync(_a.CreateClient().VerifyAsync(credential, new { key = key.Secret })));
    }

    [Fact]
    public async Task While_redis_is_down_nodes_decide_alone_and_report_degraded_then_share_again()
    {
        var key = await _a.GatewayKeyAsync(FamilyScopes, ratePerSecond: 4);
        var credential = await _a.GatewayCredentialAsync();
        var a = _a.CreateClient();
        var b = _b.CreateClient();
        Assert.Equal("Healthy", await a.GetStringAsync("/health/ready"));

        await redis.StopAsync();
        try
        {
            // Each node counts alone: each admits the limit.
            _clock.Advance(TimeSpan.FromSeconds(1));
            var aloneA = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CodeAsync(a.VerifyAsync(credential, new { key = key.Secret }))));
            var aloneB = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CodeAsync(b.VerifyAsync(credential, new { key = key.Secret }))));
            Assert.Equal(4, aloneA.Count(c => c == "VALID"));
            Assert.Equal(4, aloneB.Count(c => c == "VALID"));
            var ready = await a.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
        }
        finally
        {
            await redis.StartAsync();
        }

        var counters = _a.Services.GetRequiredService<RedisKeyCounters>();
        var countersB = _b.Services.GetRequiredService<RedisKeyCounters>();
        var watch = Stopwatch.StartNew();
        while ((!counters.IsShared || !countersB.IsShared) && watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await a.VerifyAsync(credential, new { key = key.Secret, cost = 0 });
            await b.VerifyAsync(credential, new { key = key.Secret, cost = 0 });
            await Task.Delay(100);
        }

        Assert.Equal("Healthy", await a.GetStringAsync("/health/ready"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var shared = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => CodeAsync((i % 2 == 0 ? a : b).VerifyAsync(credential, new { key = key.Secret }))));
        Assert.Equal(4, shared.Count(c => c == "VALID"));
    }

    [Fact]
    public async Task A_session_cookie_issued_by_one_node_is_read_by_the_other()
    {
        var email = $"noeud.{Guid.NewGuid():N}@mairie-exemple.fr";
        await _a.CreateUserAsync(email, Accounts.StrongPassword, Admin.Domain.Users.Roles.Partner);
        var cookie = SessionCookies.Of(await Accounts.SignInAsync(new Browser(_a.CreateBrowser()), email, Accounts.StrongPassword));

        var onB = await SessionCookies.ReplayAsync(_b, cookie, "/espace-partenaire");

        Assert.False(SessionCookies.IsSentToSignIn(onB));
    }
}
