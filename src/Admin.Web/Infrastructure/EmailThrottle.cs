using System.Threading.RateLimiting;

namespace Admin.Web.Infrastructure;

/// <summary>
/// Caps the e-mails our forms queue, per recipient and per client address, so that nobody can
/// flood an inbox (or our mail relay) through "mot de passe oublié", "renvoyer la confirmation",
/// sign-up or invitations. A throttled e-mail is simply not queued: the form answers exactly as
/// if it had been, so the throttle tells nothing about the address (docs/decisions/0006-email-throttle.md).
/// </summary>
public interface IEmailThrottle
{
    /// <summary>True when an e-mail to <paramref name="recipient"/>, asked from <paramref name="clientAddress"/>, may be queued now.</summary>
    bool TryAcquire(string recipient, string? clientAddress);
}

/// <summary>
/// In memory, per node: two token buckets, one per recipient and one per client address; an
/// e-mail needs a token from both. System.Threading.RateLimiting reads the monotonic clock itself
/// (it takes no TimeProvider, dotnet/runtime#106447), so tests check the caps within one window.
/// </summary>
public sealed class EmailThrottle : IEmailThrottle, IDisposable
{
    /// <summary>Three e-mails at once to one address, then one more every 5 minutes: 3 per 15 minutes.</summary>
    public const int PerRecipientBurst = 3;
    public static readonly TimeSpan PerRecipientRefill = TimeSpan.FromMinutes(5);

    /// <summary>Twenty e-mails at once from one client address, then one more every 45 seconds: 20 per 15 minutes.</summary>
    public const int PerClientBurst = 20;
    public static readonly TimeSpan PerClientRefill = TimeSpan.FromSeconds(45);

    private const string UnknownClient = "unknown";

    private readonly PartitionedRateLimiter<Attempt> _limiter = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<Attempt, string>(a =>
            RateLimitPartition.GetTokenBucketLimiter(a.Recipient, _ => Bucket(PerRecipientBurst, PerRecipientRefill))),
        PartitionedRateLimiter.Create<Attempt, string>(a =>
            RateLimitPartition.GetTokenBucketLimiter(a.Client, _ => Bucket(PerClientBurst, PerClientRefill))));

    public bool TryAcquire(string recipient, string? clientAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        using var lease = _limiter.AttemptAcquire(new Attempt(recipient.Trim().ToLowerInvariant(), clientAddress ?? UnknownClient));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static TokenBucketRateLimiterOptions Bucket(int burst, TimeSpan refill) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = refill,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private readonly record struct Attempt(string Recipient, string Client);
}
