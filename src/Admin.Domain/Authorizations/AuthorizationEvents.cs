using Admin.Domain.Common;

namespace Admin.Domain.Authorizations;

public abstract record AuthorizationEvent(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt)
    : DomainEvent(AggregateId, ActorId, OccurredAt)
{
    public sealed override string AggregateType => "Authorization";
}

public sealed record AuthorizationGranted(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid AccessRequestId, Guid OrganizationId, GrantTerms Terms)
    : AuthorizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "authorization.granted";
    public override string? ToState => nameof(AuthorizationStatus.Active);
}

/// <summary>The approval of an update: the audit row keeps the previous terms beside the new ones.</summary>
public sealed record AuthorizationUpdated(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, GrantTerms Previous, GrantTerms Terms)
    : AuthorizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "authorization.updated";
}

public sealed record AuthorizationRevoked(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, AuthorizationStatus From, string RevocationReason)
    : AuthorizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "authorization.revoked";
    public override string? FromState => From.ToString();
    public override string? ToState => nameof(AuthorizationStatus.Revoked);
    public override string? Reason => RevocationReason;
}

public sealed record AuthorizationSuspended(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, string SuspensionReason)
    : AuthorizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "authorization.suspended";
    public override string? FromState => nameof(AuthorizationStatus.Active);
    public override string? ToState => nameof(AuthorizationStatus.Suspended);
    public override string? Reason => SuspensionReason;
}

public sealed record AuthorizationResumed(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt)
    : AuthorizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "authorization.resumed";
    public override string? FromState => nameof(AuthorizationStatus.Suspended);
    public override string? ToState => nameof(AuthorizationStatus.Active);
}

/// <summary>The expiry reminder of <paramref name="DaysBefore"/> (a step of the schedule) was sent, <paramref name="DaysLeft"/> days before <paramref name="ExpiresOn"/>.</summary>
public sealed record AuthorizationExpiryReminded(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, DateOnly ExpiresOn, int DaysBefore, int DaysLeft)
    : AuthorizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "authorization.expiry_reminded";
}

/// <summary>Every answer of the prolongation questionnaire was "yes": the expiry moved from <paramref name="PreviousExpiresOn"/> to <paramref name="ExpiresOn"/>.</summary>
public sealed record AuthorizationProlonged(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, DateOnly PreviousExpiresOn, DateOnly ExpiresOn,
    ProlongationAnswers Answers)
    : AuthorizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "authorization.prolonged";
}

/// <summary>An answer of the prolongation questionnaire was "no": the request is reopened for review, the authorization unchanged meanwhile.</summary>
public sealed record AuthorizationProlongationReviewRequested(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid AccessRequestId,
    ProlongationAnswers Answers)
    : AuthorizationEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "authorization.prolongation_review_requested";
}
