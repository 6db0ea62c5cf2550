using Admin.Domain.Authorizations;
using Admin.Domain.Common;

namespace Admin.Domain.Tests.Authorizations;

public class GrantTests
{
    private static readonly string[] Requested = ["cnaf_quotient_familial", "cnaf_allocataires", "dgfip_revenu_fiscal_reference"];
    private static readonly IReadOnlySet<string> Offerable = new HashSet<string> { "cnaf_quotient_familial", "cnaf_allocataires" };
    private static readonly DateTimeOffset Now = TestClock.Now;

    private static Result<Grant> Create(string[]? scopes = null, int? rate = null, long? daily = null, long? monthly = null, DateOnly? expiresOn = null, DateTimeOffset? now = null) =>
        Grant.Create(scopes ?? ["cnaf_quotient_familial"], Requested, Offerable, rate, daily, monthly, expiresOn, now ?? Now);

    [Fact]
    public void Without_limits_or_expiry_a_grant_has_20_calls_per_second_no_quota_and_ends_18_months_from_today()
    {
        var grant = Create().Value;

        Assert.Equal((20, (long?)null, (long?)null), (grant.RatePerSecond, grant.DailyQuota, grant.MonthlyQuota));
        Assert.Equal(new DateOnly(2026, 12, 2), grant.ExpiresOn);
        Assert.Equal(["cnaf_quotient_familial"], grant.Scopes);
    }

    [Fact]
    public void The_expiry_instant_is_the_end_of_the_paris_day()
    {
        var grant = Create(expiresOn: new DateOnly(2025, 12, 31)).Value;

        // Paris is UTC+1 in winter: 1 January 2026 00:00 in Paris is 31 December 23:00 UTC.
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), grant.ExpiresAt);
    }

    [Fact]
    public void Scopes_are_trimmed_and_deduplicated()
    {
        var grant = Create([" cnaf_quotient_familial ", "cnaf_quotient_familial", "", "cnaf_allocataires"]).Value;

        Assert.Equal(["cnaf_quotient_familial", "cnaf_allocataires"], grant.Scopes);
    }

    [Theory]
    [InlineData(new string[0], "authorization.no_granted_scope")]
    [InlineData(new[] { " " }, "authorization.no_granted_scope")]
    [InlineData(new[] { "cnaf_quotient_familial", "cnous_statut_boursier" }, "authorization.granted_scopes_not_requested")]
    [InlineData(new[] { "dgfip_revenu_fiscal_reference" }, "authorization.scope_retired")]
    public void Granting_no_scope_an_unrequested_one_or_a_retired_one_is_refused(string[] scopes, string code)
    {
        var result = Create(scopes);

        Assert.Equal((code, "GrantedScopes"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1001)]
    public void A_rate_outside_1_to_1000_per_second_is_refused(int rate)
    {
        Assert.Equal(("authorization.rate_out_of_range", "RatePerSecond"), Single(Create(rate: rate)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public void A_rate_at_the_bounds_is_accepted(int rate)
    {
        Assert.Equal(rate, Create(rate: rate).Value.RatePerSecond);
    }

    [Theory]
    [InlineData(0L, null, "DailyQuota")]
    [InlineData(null, 0L, "MonthlyQuota")]
    [InlineData(1_000_000_001L, null, "DailyQuota")]
    [InlineData(null, -1L, "MonthlyQuota")]
    public void A_quota_below_1_or_beyond_a_billion_is_refused(long? daily, long? monthly, string field)
    {
        Assert.Equal(("authorization.quota_out_of_range", field), Single(Create(daily: daily, monthly: monthly)));
    }

    [Fact]
    public void A_monthly_quota_below_the_daily_one_is_refused()
    {
        Assert.Equal(("authorization.monthly_below_daily", "MonthlyQuota"), Single(Create(daily: 1000, monthly: 999)));
    }

    [Fact]
    public void Quotas_equal_or_alone_are_accepted()
    {
        var both = Create(daily: 1000, monthly: 1000).Value;
        var dailyOnly = Create(daily: 5).Value;

        Assert.Equal((1000L, 1000L), (both.DailyQuota, both.MonthlyQuota));
        Assert.Equal((5L, (long?)null), (dailyOnly.DailyQuota, dailyOnly.MonthlyQuota));
    }

    [Fact]
    public void An_expiry_today_or_before_is_refused()
    {
        Assert.Equal(("authorization.expiry_not_in_future", "ExpiresOn"), Single(Create(expiresOn: TestClock.Today)));
        Assert.Equal(("authorization.expiry_not_in_future", "ExpiresOn"), Single(Create(expiresOn: TestClock.Today.AddDays(-1))));
        Assert.Equal(TestClock.Today.AddDays(1), Create(expiresOn: TestClock.Today.AddDays(1)).Value.ExpiresOn);
    }

    [Fact]
    public void An_expiry_beyond_18_months_is_refused_and_exactly_18_months_is_accepted()
    {
        var latest = TestClock.Today.AddMonths(18);

        Assert.Equal(("authorization.expiry_too_far", "ExpiresOn"), Single(Create(expiresOn: latest.AddDays(1))));
        Assert.Equal(latest, Create(expiresOn: latest).Value.ExpiresOn);
    }

    [Fact]
    public void Today_is_the_paris_date_late_in_the_evening()
    {
        // 22:30 UTC on 2 June is 00:30 on 3 June in Paris (summer, UTC+2): 3 June is already today.
        var evening = new DateTimeOffset(2025, 6, 2, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal(("authorization.expiry_not_in_future", "ExpiresOn"), Single(Create(expiresOn: new DateOnly(2025, 6, 3), now: evening)));
        Assert.Equal(new DateOnly(2026, 12, 3), Grant.LatestExpiry(evening));
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var result = Create([], rate: 0, daily: 0, monthly: 0, expiresOn: TestClock.Today);

        Assert.Equal(["GrantedScopes", "RatePerSecond", "DailyQuota", "MonthlyQuota", "ExpiresOn"], result.Errors.Select(e => e.Field));
    }

    private static (string Code, string? Field) Single(Result<Grant> result)
    {
        var error = Assert.Single(result.Errors);
        return (error.Code, error.Field);
    }

    [Fact]
    public void Quotas_of_one_and_of_a_billion_are_accepted()
    {
        var lowest = Create(daily: 1, monthly: 1).Value;
        var highest = Create(daily: 1_000_000_000, monthly: 1_000_000_000).Value;

        Assert.Equal((1L, 1L), (lowest.DailyQuota, lowest.MonthlyQuota));
        Assert.Equal((1_000_000_000L, 1_000_000_000L), (highest.DailyQuota, highest.MonthlyQuota));
    }

    [Fact]
    public void A_monthly_quota_beyond_a_billion_is_out_of_range_not_below_daily()
    {
        Assert.Equal(("authorization.quota_out_of_range", "MonthlyQuota"), Single(Create(daily: 10, monthly: 1_000_000_001)));
    }

    [Fact]
    public void A_retired_scope_is_named_in_its_error()
    {
        var error = Assert.Single(Create(["cnaf_quotient_familial", "dgfip_revenu_fiscal_reference"]).Errors);

        Assert.Equal("authorization.scope_retired", error.Code);
        Assert.Contains("dgfip_revenu_fiscal_reference", error.Message);
    }

    [Fact]
    public void A_missing_scope_list_grants_nothing()
    {
        var result = Grant.Create(null, Requested, Offerable, null, null, null, null, Now);

        Assert.Equal(("authorization.no_granted_scope", "GrantedScopes"), Single(result));
    }

    [Fact]
    public void An_explicit_rate_is_kept()
    {
        Assert.Equal(42, Create(rate: 42).Value.RatePerSecond);
    }

    [Fact]
    public void Granting_without_the_requested_scopes_or_the_catalogue_is_a_bug()
    {
        Assert.Throws<ArgumentNullException>(() => Grant.Create([], null!, Offerable, null, null, null, null, Now));
        Assert.Throws<ArgumentNullException>(() => Grant.Create([], Requested, null!, null, null, null, null, Now));
    }
}
