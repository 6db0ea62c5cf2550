namespace Admin.Domain.Usage;

/// <summary>
/// How a key was used in one UTC hour: the calls the gateway decided, per route (forward-auth) or
/// scopes asked (JSON API), and per outcome code, with the units they consumed. Written by the
/// gateway in batches (at most a second of counts is lost on a crash, none on a clean stop).
/// </summary>
public sealed class KeyUsageHour
{
    public const int RouteMaxLength = 200;
    public const int ScopeMaxLength = 400;
    public const int CodeMaxLength = 30;

    private KeyUsageHour() { }

    public KeyUsageHour(Guid keyId, Guid? authorizationId, Guid? organizationId, DateTimeOffset hour, string route, string scope, string code,
        long calls, long units)
    {
        KeyId = keyId;
        AuthorizationId = authorizationId;
        OrganizationId = organizationId;
        Hour = hour;
        Route = route;
        Scope = scope;
        Code = code;
        Calls = calls;
        Units = units;
    }

    public long Id { get; private set; }
    public Guid KeyId { get; private set; }
    public Guid? AuthorizationId { get; private set; }
    public Guid? OrganizationId { get; private set; }

    /// <summary>The start of the UTC hour.</summary>
    public DateTimeOffset Hour { get; private set; }

    /// <summary>The route's prefix for forward-auth ("" when the path matched none, or for the JSON API).</summary>
    public string Route { get; private set; } = "";

    /// <summary>The scopes the JSON API was asked about, sorted and comma-separated ("" when none, or for forward-auth).</summary>
    public string Scope { get; private set; } = "";

    /// <summary>The contract's outcome code (VALID, RATE_LIMITED…).</summary>
    public string Code { get; private set; } = "";

    public long Calls { get; private set; }

    /// <summary>The units the calls consumed (their cost; refused calls consume none but are counted here as asked).</summary>
    public long Units { get; private set; }

    public static DateTimeOffset HourOf(DateTimeOffset moment) =>
        new(moment.UtcTicks - (moment.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
}

/// <summary>A client address a key was used from, with when it was last seen.</summary>
public sealed class KeyClientAddress
{
    public const int AddressMaxLength = 45;

    /// <summary>How many addresses are kept per key (the most recent).</summary>
    public const int KeptPerKey = 10;

    private KeyClientAddress() { }

    public KeyClientAddress(Guid keyId, string address, DateTimeOffset lastSeenAt)
    {
        KeyId = keyId;
        Address = address;
        LastSeenAt = lastSeenAt;
    }

    public long Id { get; private set; }
    public Guid KeyId { get; private set; }
    public string Address { get; private set; } = "";
    public DateTimeOffset LastSeenAt { get; private set; }
}
