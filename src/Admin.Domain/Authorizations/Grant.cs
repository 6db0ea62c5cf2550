using Admin.Domain.Common;

namespace Admin.Domain.Authorizations;

/// <summary>
/// What an approval grants: scopes (a subset of those requested that the catalogue still offers),
/// a rate limit, optional daily and monthly quotas, and an expiry date (Paris day, at most 18
/// months ahead). Built only through <see cref="Create"/>, so an invalid grant cannot exist.
/// </summary>
public sealed record Grant
{
    public const int DefaultRatePerSecond = 20;
    public const int MaxRatePerSecond = 1000;
    public const int MaxValidityMonths = 18;
    public const long MaxQuota = 1_000_000_000;

    private Grant(IReadOnlyList<string> scopes, int ratePerSecond, long? dailyQuota, long? monthlyQuota, DateOnly expiresOn)
    {
        Scopes = scopes;
        RatePerSecond = ratePerSecond;
        DailyQuota = dailyQuota;
        MonthlyQuota = monthlyQuota;
        ExpiresOn = expiresOn;
    }

    public IReadOnlyList<string> Scopes { get; }
    public int RatePerSecond { get; }
    public long? DailyQuota { get; }
    public long? MonthlyQuota { get; }

    /// <summary>Last day of validity (Paris): keys stop working at the end of it.</summary>
    public DateOnly ExpiresOn { get; }

    public DateTimeOffset ExpiresAt => ParisTime.EndOfDay(ExpiresOn);

    /// <summary>The default and latest expiry: 18 months from today (Paris).</summary>
    public static DateOnly LatestExpiry(DateTimeOffset now) => ParisTime.Today(now).AddMonths(MaxValidityMonths);

    /// <param name="scopes">Scopes the instructor ticked.</param>
    /// <param name="requested">Scopes of the request being approved.</param>
    /// <param name="offerable">Codes of the catalogue minus the retired ones.</param>
    /// <param name="ratePerSecond">Null for the default (20 per second).</param>
    /// <param name="expiresOn">Null for the latest allowed date.</param>
    /// <returns>The grant, or errors on the fields GrantedScopes, RatePerSecond, DailyQuota, MonthlyQuota, ExpiresOn.</returns>
    public static Result<Grant> Create(IEnumerable<string>? scopes, IReadOnlyCollection<string> requested, IReadOnlySet<string> offerable,
        int? ratePerSecond, long? dailyQuota, long? monthlyQuota, DateOnly? expiresOn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(offerable);
        var errors = new List<Error>();

        var granted = (scopes ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (granted.Count == 0)
            errors.Add(AuthorizationErrors.NoGrantedScope.ForField("GrantedScopes"));
        else if (!granted.All(requested.Contains))
            errors.Add(AuthorizationErrors.GrantedScopesNotRequested.ForField("GrantedScopes"));
        else
            errors.AddRange(granted.Where(s => !offerable.Contains(s)).Select(s => AuthorizationErrors.ScopeRetired(s).ForField("GrantedScopes")));

        var rate = ratePerSecond ?? DefaultRatePerSecond;
        if (rate is < 1 or > MaxRatePerSecond)
            errors.Add(AuthorizationErrors.RateOutOfRange.ForField("RatePerSecond"));
        if (dailyQuota is < 1 or > MaxQuota)
            errors.Add(AuthorizationErrors.QuotaOutOfRange.ForField("DailyQuota"));
        if (monthlyQuota is < 1 or > MaxQuota)
            errors.Add(AuthorizationErrors.QuotaOutOfRange.ForField("MonthlyQuota"));
        else if (monthlyQuota is { } monthly && dailyQuota is { } daily and >= 1 && monthly < daily)
            errors.Add(AuthorizationErrors.MonthlyBelowDaily.ForField("MonthlyQuota"));

        var latest = LatestExpiry(now);
        var expiry = expiresOn ?? latest;
        if (expiry <= ParisTime.Today(now))
            errors.Add(AuthorizationErrors.ExpiryNotInFuture.ForField("ExpiresOn"));
        else if (expiry > latest)
            errors.Add(AuthorizationErrors.ExpiryTooFar.ForField("ExpiresOn"));

        return errors.Count > 0
            ? Result<Grant>.Failure(ErrorKind.Validation, errors)
            : new Grant(granted, rate, dailyQuota, monthlyQuota, expiry);
    }
}
