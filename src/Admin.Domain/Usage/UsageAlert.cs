using Admin.Domain.Common;

namespace Admin.Domain.Usage;

/// <summary>What a usage alert is about.</summary>
public enum UsageAlertKind
{
    /// <summary>A share of the daily quota (Paris day) was consumed.</summary>
    DailyQuota = 0,

    /// <summary>A share of the monthly quota (Paris month) was consumed.</summary>
    MonthlyQuota = 1,

    /// <summary>Refusals that mean a broken integration (IP_NOT_ALLOWED, INSUFFICIENT_SCOPE, RATE_LIMITED) passed the threshold in one UTC hour.</summary>
    Refusals = 2,
}

/// <summary>
/// A usage alert of one key, raised once per kind, threshold and period (the unique index makes it once
/// across nodes and restarts): 80 % or 100 % of a quota in its day or month, or too many refusals in an hour.
/// Raising it tells the applicant and technical contact (unless the key's preferences say no) and shows it on the partner home.
/// </summary>
public sealed class UsageAlert : Entity
{
    public const int DetailMaxLength = 400;

    /// <summary>The shares of a quota that raise an alert, in percent.</summary>
    public static readonly IReadOnlyList<int> QuotaThresholds = [80, 100];

    /// <summary>The refusal codes whose number in an hour raises an alert.</summary>
    public static readonly IReadOnlyList<string> RefusalCodes = ["IP_NOT_ALLOWED", "INSUFFICIENT_SCOPE", "RATE_LIMITED"];

    private UsageAlert() { }

    public UsageAlert(Guid keyId, Guid authorizationId, Guid organizationId, UsageAlertKind kind, int threshold, DateTimeOffset periodStart,
        long value, long limit, string detail, DateTimeOffset now)
    {
        KeyId = keyId;
        AuthorizationId = authorizationId;
        OrganizationId = organizationId;
        Kind = kind;
        Threshold = threshold;
        PeriodStart = periodStart;
        Value = value;
        Limit = limit;
        Detail = detail.Length <= DetailMaxLength ? detail : detail[..DetailMaxLength];
        RaisedAt = now;
        Raise(new UsageAlertRaised(Id, null, now, keyId, authorizationId, organizationId, kind, threshold, periodStart, value, limit, Detail));
    }

    public Guid KeyId { get; private set; }
    public Guid AuthorizationId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public UsageAlertKind Kind { get; private set; }

    /// <summary>80 or 100 (percent) for a quota; the number of refusals per hour that was passed for refusals.</summary>
    public int Threshold { get; private set; }

    /// <summary>The start of the period (UTC): the Paris day or month of a quota, the UTC hour of refusals.</summary>
    public DateTimeOffset PeriodStart { get; private set; }

    /// <summary>The units consumed (quota) or refusals counted (refusals) when it was raised.</summary>
    public long Value { get; private set; }

    /// <summary>The quota (quota alerts) or the threshold (refusals).</summary>
    public long Limit { get; private set; }

    /// <summary>For refusals: the count of each code ("RATE_LIMITED=120, INSUFFICIENT_SCOPE=3").</summary>
    public string Detail { get; private set; } = "";

    public DateTimeOffset RaisedAt { get; private set; }

    public string Message => Describe(Kind, Threshold, Value, Limit);

    /// <summary>The French sentence of the alert, for the partner home and the e-mail.</summary>
    public static string Describe(UsageAlertKind kind, int threshold, long value, long limit)
    {
        FormattableString text = kind switch
        {
            UsageAlertKind.DailyQuota when threshold >= 100 => $"Le quota journalier est atteint : {value:N0} unités sur {limit:N0}. Les appels suivants sont refusés jusqu'à minuit.",
            UsageAlertKind.DailyQuota => $"{threshold} % du quota journalier sont consommés : {value:N0} unités sur {limit:N0}.",
            UsageAlertKind.MonthlyQuota when threshold >= 100 => $"Le quota mensuel est atteint : {value:N0} unités sur {limit:N0}. Les appels suivants sont refusés jusqu'au 1er du mois prochain.",
            UsageAlertKind.MonthlyQuota => $"{threshold} % du quota mensuel sont consommés : {value:N0} unités sur {limit:N0}.",
            _ => $"{value:N0} appels refusés en une heure (seuil : {limit:N0}) : l'intégration de cette clé semble défaillante.",
        };
        return text.ToString(French);
    }

    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
}

public sealed record UsageAlertRaised(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid KeyId, Guid AuthorizationId, Guid OrganizationId,
    UsageAlertKind Kind, int Threshold, DateTimeOffset PeriodStart, long Value, long Limit, string Detail)
    : DomainEvent(AggregateId, ActorId, OccurredAt)
{
    public override string AggregateType => "UsageAlert";
    public override string Action => "usage_alert.raised";
}

/// <summary>The rule of quota alerts: which thresholds a consumption passes.</summary>
public static class QuotaAlerts
{
    /// <summary>The units at which <paramref name="percent"/> % of <paramref name="quota"/> are consumed (rounded up: 80 % of 9 is 8).</summary>
    public static long UnitsAt(long quota, int percent) => ((quota * percent) + 99) / 100;

    /// <summary>
    /// The thresholds (80, 100) that a call passes when it moves the consumption from <paramref name="before"/>
    /// to <paramref name="after"/>; a call refused by this quota counts as reaching 100 % (a quota can be left
    /// unreached by a call too big for what remains). As a bit set: 1 for 80 %, 2 for 100 %.
    /// </summary>
    public static int Crossed(long quota, long before, long after, bool refusedByQuota)
    {
        if (quota <= 0) return 0;
        var crossed = 0;
        for (var i = 0; i < QuotaThresholdsCount; i++)
        {
            var at = UnitsAt(quota, UsageAlert.QuotaThresholds[i]);
            if ((before < at && after >= at) || (refusedByQuota && i == QuotaThresholdsCount - 1)) crossed |= 1 << i;
        }

        return crossed;
    }

    private const int QuotaThresholdsCount = 2;

    /// <summary>The thresholds of a bit set from <see cref="Crossed"/>.</summary>
    public static IEnumerable<int> Thresholds(int crossed)
    {
        for (var i = 0; i < QuotaThresholdsCount; i++)
        {
            if ((crossed & (1 << i)) != 0) yield return UsageAlert.QuotaThresholds[i];
        }
    }
}
