using System.Net;
using Admin.Domain.ApiKeys;
using Admin.Domain.Gateways;

namespace Admin.Domain.Tests.Gateways;

public sealed class GatewayRulesTests
{
    private static readonly DateTimeOffset Now = TestClock.Now;
    private static readonly RouteRule Family = new("/api/v2/composition-familiale", RouteMatch.Any, ["cnaf_enfants"], false);

    private static KeySnapshot Key(bool suspended = false, bool authorizationRevoked = false, DateTimeOffset? revokedAt = null,
        DateTimeOffset? keyExpiry = null, DateTimeOffset? authorizationExpiry = null, string allowList = "") =>
        new(Guid.NewGuid(), ApiKeyEnvironment.Production,
            new KeyGrant(Guid.NewGuid(), Guid.NewGuid(), "21750001600019", "Ville", ["cnaf_quotient_familial", "cnaf_enfants"], new KeyLimits(20, 100, null),
                authorizationExpiry ?? Now.AddDays(30), suspended, authorizationRevoked),
            keyExpiry ?? Now.AddDays(60), revokedAt, IpAllowList.Parse(allowList).Value);

    [Fact]
    public void A_usable_key_on_an_open_route_with_its_scope_passes() =>
        Assert.Null(GatewayRules.Check(Key(), Now, forwardAuth: true, Family, null, null));

    [Fact]
    public void State_is_checked_revoked_then_expired_then_suspended()
    {
        Assert.Equal(GatewayCode.Revoked, GatewayRules.Check(Key(suspended: true, revokedAt: Now.AddDays(-1), keyExpiry: Now), Now, true, Family, null, null));
        Assert.Equal(GatewayCode.Revoked, GatewayRules.Check(Key(authorizationRevoked: true), Now, true, Family, null, null));
        Assert.Equal(GatewayCode.Expired, GatewayRules.Check(Key(suspended: true, keyExpiry: Now), Now, true, Family, null, null));
        Assert.Equal(GatewayCode.Expired, GatewayRules.Check(Key(authorizationExpiry: Now.AddTicks(-1)), Now, true, Family, null, null));
        Assert.Null(GatewayRules.Check(Key(keyExpiry: Now.AddTicks(1)), Now, true, Family, null, null));
        Assert.Equal(GatewayCode.Suspended, GatewayRules.Check(Key(suspended: true), Now, true, null, null, null));
    }

    [Fact]
    public void Then_the_route_then_the_scopes_then_the_client_address()
    {
        var retired = new RouteRule("/old", RouteMatch.Any, [], true);
        var other = new RouteRule("/x", RouteMatch.Any, ["pole_emploi_paiements"], false);
        var restricted = Key(allowList: "192.0.2.0/24");

        Assert.Equal(GatewayCode.RouteNotFound, GatewayRules.Check(restricted, Now, true, null, null, null));
        Assert.Equal(GatewayCode.RouteNotFound, GatewayRules.Check(restricted, Now, true, retired, null, null));
        Assert.Equal(GatewayCode.InsufficientScope, GatewayRules.Check(restricted, Now, true, other, null, null));
        Assert.Equal(GatewayCode.IpNotAllowed, GatewayRules.Check(restricted, Now, true, Family, null, IPAddress.Parse("203.0.113.1")));
        Assert.Equal(GatewayCode.IpNotAllowed, GatewayRules.Check(restricted, Now, true, Family, null, null));
        Assert.Null(GatewayRules.Check(restricted, Now, true, Family, null, IPAddress.Parse("192.0.2.200")));
    }

    [Fact]
    public void The_json_api_checks_every_asked_scope_and_no_route()
    {
        var key = Key();
        Assert.Null(GatewayRules.Check(key, Now, false, null, ["cnaf_enfants", "cnaf_quotient_familial"], null));
        Assert.Null(GatewayRules.Check(key, Now, false, null, null, null));
        Assert.Null(GatewayRules.Check(key, Now, false, null, [], null));
        Assert.Equal(GatewayCode.InsufficientScope, GatewayRules.Check(key, Now, false, null, ["cnaf_enfants", "cnaf_adresse"], null));
    }

    [Fact]
    public void Limits_report_what_remains_after_an_admitted_call_and_nothing_taken_by_a_refused_one()
    {
        var windows = LimitWindows.At(Now);
        var limits = new KeyLimits(20, 100, 1000);
        var reading = new CounterReading(LimitVerdict.Admitted, 3, 10, 50);

        var admitted = GatewayRules.Report(limits, reading, windows, cost: 2, counted: true);
        var refused = GatewayRules.Report(limits, reading, windows, cost: 2, counted: false);
        var dryRun = GatewayRules.Report(limits, reading, windows, cost: 0, counted: true);

        Assert.Equal([15L, 88L, 948L], admitted.Select(l => l.Remaining));
        Assert.Equal([17L, 90L, 950L], refused.Select(l => l.Remaining));
        Assert.Equal([16L, 89L, 949L], dryRun.Select(l => l.Remaining));
        Assert.Equal(["rate", "daily", "monthly"], admitted.Select(l => l.Name));
        Assert.Equal([1, 86400, 2592000], admitted.Select(l => l.WindowSeconds));
        Assert.Equal([windows.RateResetSeconds, windows.DayResetSeconds, windows.MonthResetSeconds], admitted.Select(l => l.ResetSeconds));
        Assert.Equal([0L], GatewayRules.Report(new KeyLimits(2, null, null), new CounterReading(LimitVerdict.RateLimited, 5, 0, 0), windows, 1, false).Select(l => l.Remaining));
        Assert.Equal(["rate", "monthly"], GatewayRules.Report(new KeyLimits(2, null, 9), reading, windows, 1, true).Select(l => l.Name));
    }

    [Fact]
    public void Retry_after_counts_to_the_end_of_the_period_that_refused()
    {
        var windows = LimitWindows.At(Now);
        Assert.Equal(windows.RateResetSeconds, GatewayRules.RetryAfter(LimitVerdict.RateLimited, windows));
        Assert.Equal(windows.DayResetSeconds, GatewayRules.RetryAfter(LimitVerdict.DailyExceeded, windows));
        Assert.Equal(windows.MonthResetSeconds, GatewayRules.RetryAfter(LimitVerdict.MonthlyExceeded, windows));
        Assert.Null(GatewayRules.RetryAfter(LimitVerdict.Admitted, windows));
        Assert.Equal(GatewayCode.QuotaExceeded, GatewayRules.CodeOf(LimitVerdict.MonthlyExceeded));
        Assert.Equal(GatewayCode.QuotaExceeded, GatewayRules.CodeOf(LimitVerdict.DailyExceeded));
        Assert.Equal(GatewayCode.RateLimited, GatewayRules.CodeOf(LimitVerdict.RateLimited));
        Assert.Equal(GatewayCode.Valid, GatewayRules.CodeOf(LimitVerdict.Admitted));
    }

    [Fact]
    public void Every_code_has_its_contract_name_status_and_french_texts()
    {
        var expected = new Dictionary<GatewayCode, (string, int)>
        {
            [GatewayCode.Valid] = ("VALID", 200), [GatewayCode.GatewayUnauthenticated] = ("GATEWAY_UNAUTHENTICATED", 401),
            [GatewayCode.MissingKey] = ("MISSING_KEY", 401), [GatewayCode.AmbiguousKey] = ("AMBIGUOUS_KEY", 400),
            [GatewayCode.MissingUri] = ("MISSING_URI", 400), [GatewayCode.InvalidUri] = ("INVALID_URI", 400),
            [GatewayCode.NotFound] = ("NOT_FOUND", 401), [GatewayCode.Revoked] = ("REVOKED", 401), [GatewayCode.Expired] = ("EXPIRED", 401),
            [GatewayCode.Suspended] = ("SUSPENDED", 403), [GatewayCode.RouteNotFound] = ("ROUTE_NOT_FOUND", 403),
            [GatewayCode.InsufficientScope] = ("INSUFFICIENT_SCOPE", 403), [GatewayCode.IpNotAllowed] = ("IP_NOT_ALLOWED", 403),
            [GatewayCode.RateLimited] = ("RATE_LIMITED", 429), [GatewayCode.QuotaExceeded] = ("QUOTA_EXCEEDED", 429),
        };
        Assert.Equal(expected.Keys.Order(), GatewayCodes.All.Order());
        foreach (var (code, (name, status)) in expected)
        {
            Assert.Equal((name, status), (code.ContractName(), code.ForwardAuthStatus()));
            Assert.Equal(code, GatewayCodes.FromContractName(name));
            Assert.NotEqual(code.FrenchTitle(), code.FrenchDetail());
            Assert.EndsWith(".", code.FrenchDetail());
        }

        Assert.Null(GatewayCodes.FromContractName("valid"));
        Assert.Equal([GatewayCode.Valid, GatewayCode.Revoked, GatewayCode.Expired, GatewayCode.Suspended, GatewayCode.RouteNotFound,
            GatewayCode.InsufficientScope, GatewayCode.IpNotAllowed, GatewayCode.RateLimited, GatewayCode.QuotaExceeded],
            GatewayCodes.All.Where(c => c.IsAboutKnownKey()));
    }
}
