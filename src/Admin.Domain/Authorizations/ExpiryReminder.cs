using Admin.Domain.Common;

namespace Admin.Domain.Authorizations;

/// <summary>
/// One expiry reminder sent for one authorization's expiry date: the record that makes each
/// reminder go exactly once. Unique on (authorization, expiry date, days before), written in the
/// transaction of its e-mails, so a second run (or a concurrent one) cannot add it again, and a
/// prolongation (a new expiry date) starts a new series. Days are Paris dates (ADR 0015).
/// </summary>
public sealed class ExpiryReminder : Entity
{
    /// <summary>Days before the expiry date on which the applicant and technical contact are reminded (domain guide).</summary>
    public static readonly IReadOnlyList<int> Schedule = [90, 60, 30, 15, 7, 0];

    private ExpiryReminder() { }

    public Guid AuthorizationId { get; private set; }
    public DateOnly ExpiresOn { get; private set; }
    public int DaysBefore { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>
    /// The reminder due today for an authorization expiring on <paramref name="expiresOn"/>: the latest
    /// step of the schedule reached (90 days before at most, the expiry day itself at least), or null.
    /// A step missed while nothing ran is replaced by the one due now, never sent late on top of it.
    /// </summary>
    public static int? DueStep(DateOnly expiresOn, DateOnly today)
    {
        var left = expiresOn.DayNumber - today.DayNumber;
        if (left < 0 || left > Schedule[0]) return null;
        return Schedule.Last(step => step >= left);
    }

    /// <summary>The reminder to record for <paramref name="authorization"/> at <paramref name="now"/>, or null when none is due.</summary>
    public static ExpiryReminder? DueFor(Authorization authorization, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (authorization.Status != AuthorizationStatus.Active || authorization.IsExpired(now)) return null;
        var today = ParisTime.Today(now);
        if (DueStep(authorization.ExpiresOn, today) is not { } step) return null;

        var reminder = new ExpiryReminder
        {
            AuthorizationId = authorization.Id,
            ExpiresOn = authorization.ExpiresOn,
            DaysBefore = step,
            SentAt = now,
        };
        reminder.Raise(new AuthorizationExpiryReminded(authorization.Id, null, now, authorization.ExpiresOn, step,
            authorization.ExpiresOn.DayNumber - today.DayNumber));
        return reminder;
    }
}
