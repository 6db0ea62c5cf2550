using Admin.Domain.Common;

namespace Admin.Domain.Authorizations;

public enum AuthorizationStatus
{
    Active = 1,

    /// <summary>Paused by staff with a reason; its keys answer SUSPENDED until it is resumed.</summary>
    Suspended = 2,

    Revoked = 3,
}

/// <summary>The terms of an authorization at one moment, as kept in the audit trail.</summary>
public sealed record GrantTerms(IReadOnlyList<string> Scopes, int RatePerSecond, long? DailyQuota, long? MonthlyQuota, DateOnly ExpiresOn);

/// <summary>
/// Habilitation: what an approved request lets its organization do. Created by the approval of a
/// request, updated in place by the approval of that request's update (so the keys it carries keep
/// working), revoked with the request. Expiry is a date; past it the authorization is expired
/// whatever its status.
/// </summary>
public sealed class Authorization : Entity
{
    public const int ReasonMaxLength = 4000;

    private readonly List<string> _scopes = [];

    private Authorization() { }

    public Guid OrganizationId { get; private set; }
    public Guid AccessRequestId { get; private set; }
    public IReadOnlyCollection<string> Scopes => _scopes.AsReadOnly();
    public int RatePerSecond { get; private set; }
    public long? DailyQuota { get; private set; }
    public long? MonthlyQuota { get; private set; }
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>End of <see cref="ExpiresOn"/> in Paris, the instant the gateway compares with.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public AuthorizationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid UpdatedBy { get; private set; }
    public DateTimeOffset? SuspendedAt { get; private set; }
    public string? SuspensionReason { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevocationReason { get; private set; }
    public int Version { get; private set; }

    public GrantTerms Terms => new([.. _scopes], RatePerSecond, DailyQuota, MonthlyQuota, ExpiresOn);

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Active and not expired: its keys may be used.</summary>
    public bool IsUsable(DateTimeOffset now) => Status == AuthorizationStatus.Active && !IsExpired(now);

    /// <summary>The first day the prolongation questionnaire may be answered (Paris).</summary>
    public DateOnly ProlongationOpensOn => ExpiresOn.AddDays(-Prolongation.WindowDays);

    /// <summary>Why the questionnaire cannot be answered now (not active, expired, window not open yet), or null.</summary>
    public Error? ProlongationRefusal(DateTimeOffset now) =>
        !IsUsable(now) ? AuthorizationErrors.ProlongationNotPossible
        : ParisTime.Today(now) < ProlongationOpensOn ? AuthorizationErrors.ProlongationNotYetOpen(ProlongationOpensOn)
        : null;

    /// <summary>Called by <c>AccessRequest.AnswerProlongation</c> when every answer is "yes": 18 months from the answer.</summary>
    internal void Prolong(Guid actorId, ProlongationAnswers answers, DateTimeOffset now)
    {
        var previous = ExpiresOn;
        var latest = Grant.LatestExpiry(now);
        ExpiresOn = latest > previous ? latest : previous;
        ExpiresAt = ParisTime.EndOfDay(ExpiresOn);
        Touch(actorId, now);
        Raise(new AuthorizationProlonged(Id, actorId, now, previous, ExpiresOn, answers));
    }

    /// <summary>Called by <c>AccessRequest.AnswerProlongation</c> when an answer is "no": the request goes back through review.</summary>
    internal void RequestProlongationReview(Guid actorId, ProlongationAnswers answers, DateTimeOffset now) =>
        Raise(new AuthorizationProlongationReviewRequested(Id, actorId, now, AccessRequestId, answers));

    /// <summary>Called by <c>AccessRequest.Approve</c> for a first approval.</summary>
    internal static Authorization Create(Guid organizationId, Guid accessRequestId, Grant grant, Guid actorId, DateTimeOffset now)
    {
        var authorization = new Authorization
        {
            OrganizationId = organizationId,
            AccessRequestId = accessRequestId,
            Status = AuthorizationStatus.Active,
            CreatedAt = now,
            CreatedBy = actorId,
        };
        authorization.Apply(grant, actorId, now);
        authorization.Raise(new AuthorizationGranted(authorization.Id, actorId, now, accessRequestId, organizationId, authorization.Terms));
        return authorization;
    }

    /// <summary>Called by <c>AccessRequest.Approve</c> for the approval of an update: new terms, same keys.</summary>
    internal void Update(Grant grant, Guid actorId, DateTimeOffset now)
    {
        if (Status == AuthorizationStatus.Revoked) throw new InvalidOperationException("A revoked authorization cannot be updated.");
        var previous = Terms;
        Apply(grant, actorId, now);
        Raise(new AuthorizationUpdated(Id, actorId, now, previous, Terms));
    }

    /// <summary>Called by <c>AccessRequest.Revoke</c>: the request and its authorization end together.</summary>
    internal void Revoke(Guid actorId, string reason, DateTimeOffset now)
    {
        if (Status == AuthorizationStatus.Revoked) return;
        var from = Status;
        Status = AuthorizationStatus.Revoked;
        RevokedAt = now;
        RevocationReason = reason;
        Touch(actorId, now);
        Raise(new AuthorizationRevoked(Id, actorId, now, from, reason));
    }

    public Result Suspend(Guid staffUserId, string? reason, DateTimeOffset now)
    {
        if (Status != AuthorizationStatus.Active) return Result.Conflict(AuthorizationErrors.NotActive);
        if (!IsValidReason(reason, out var text, out var invalid)) return invalid;
        Status = AuthorizationStatus.Suspended;
        SuspendedAt = now;
        SuspensionReason = text;
        Touch(staffUserId, now);
        Raise(new AuthorizationSuspended(Id, staffUserId, now, text));
        return Result.Ok();
    }

    public Result Resume(Guid staffUserId, DateTimeOffset now)
    {
        if (Status != AuthorizationStatus.Suspended) return Result.Conflict(AuthorizationErrors.NotSuspended);
        Status = AuthorizationStatus.Active;
        SuspendedAt = null;
        SuspensionReason = null;
        Touch(staffUserId, now);
        Raise(new AuthorizationResumed(Id, staffUserId, now));
        return Result.Ok();
    }

    private void Apply(Grant grant, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        _scopes.Clear();
        _scopes.AddRange(grant.Scopes);
        RatePerSecond = grant.RatePerSecond;
        DailyQuota = grant.DailyQuota;
        MonthlyQuota = grant.MonthlyQuota;
        ExpiresOn = grant.ExpiresOn;
        ExpiresAt = grant.ExpiresAt;
        Touch(actorId, now);
    }

    private void Touch(Guid actorId, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = actorId;
        Version++;
    }

    private static bool IsValidReason(string? input, out string text, out Result invalid)
    {
        text = input?.Trim() ?? "";
        invalid = text.Length == 0 ? Result.Invalid(AuthorizationErrors.ReasonRequired.ForField("Reason"))
            : text.Length > ReasonMaxLength ? Result.Invalid(new Error("authorization.reason_too_long", $"Le motif ne doit pas dépasser {ReasonMaxLength} caractères.", "Reason"))
            : Result.Ok();
        return invalid.IsSuccess;
    }
}
