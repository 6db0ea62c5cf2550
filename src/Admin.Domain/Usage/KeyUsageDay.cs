namespace Admin.Domain.Usage;

/// <summary>
/// How a key was used in one Europe/Paris calendar day, per route or scopes and outcome code: the sum
/// of its hourly rows (<see cref="KeyUsageHour"/>), written by the roll-up job once the day is over. The
/// 90-day charts, the staff pages and the CSV export read these; hourly rows older than the retention
/// are purged once rolled up, the daily ones stay.
/// </summary>
public sealed class KeyUsageDay
{
    private KeyUsageDay() { }

    public KeyUsageDay(Guid keyId, Guid? authorizationId, Guid? organizationId, DateOnly day, string route, string scope, string code, long calls, long units)
    {
        KeyId = keyId;
        AuthorizationId = authorizationId;
        OrganizationId = organizationId;
        Day = day;
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

    /// <summary>The day in Paris.</summary>
    public DateOnly Day { get; private set; }

    public string Route { get; private set; } = "";
    public string Scope { get; private set; } = "";
    public string Code { get; private set; } = "";
    public long Calls { get; private set; }
    public long Units { get; private set; }
}

/// <summary>
/// How far the hourly rows are rolled up into daily ones: every Paris day up to <see cref="RolledUpThrough"/>
/// is complete in <see cref="KeyUsageDay"/>; later days are read from the hourly rows. One row.
/// </summary>
public sealed class UsageRollup
{
    public const int SingletonId = 1;

    private UsageRollup() { }

    public static UsageRollup Create() => new() { Id = SingletonId };

    public int Id { get; private set; }
    public DateOnly? RolledUpThrough { get; private set; }
    public DateTimeOffset? RanAt { get; private set; }

    public void Advance(DateOnly through, DateTimeOffset now)
    {
        if (RolledUpThrough is null || through > RolledUpThrough) RolledUpThrough = through;
        RanAt = now;
    }
}
