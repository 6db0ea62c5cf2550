using Admin.Domain.Common;

namespace Admin.Domain.AccessRequests;

public abstract record AccessRequestEvent(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt)
    : DomainEvent(AggregateId, ActorId, OccurredAt)
{
    public sealed override string AggregateType => "AccessRequest";
}

/// <summary>A change of status; the audit trail records From and To.</summary>
public abstract record AccessRequestTransitioned(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt,
    AccessRequestStatus From, AccessRequestStatus To)
    : AccessRequestEvent(AggregateId, ActorId, OccurredAt)
{
    public sealed override string? FromState => From.ToString();
    public sealed override string? ToState => To.ToString();
}

/// <param name="UseCaseCode">The use case it was started from; null for a free request or a copy.</param>
public sealed record AccessRequestCreated(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid OrganizationId, Guid? CopiedFromId,
    string? UseCaseCode = null)
    : AccessRequestEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "access_request.created";
    public override string? ToState => nameof(AccessRequestStatus.Draft);
}

public sealed record AccessRequestSubmitted(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, AccessRequestStatus From, bool IsUpdate)
    : AccessRequestTransitioned(AggregateId, ActorId, OccurredAt, From, AccessRequestStatus.Submitted)
{
    public override string Action => "access_request.submitted";
}

public sealed record AccessRequestChangesRequested(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, AccessRequestStatus From, string Message)
    : AccessRequestTransitioned(AggregateId, ActorId, OccurredAt, From, AccessRequestStatus.ChangesRequested)
{
    public override string Action => "access_request.changes_requested";
    public override string? Reason => Message;
}

/// <summary>
/// <paramref name="IsUpdate"/>: the approval of a reopened request, which supersedes the
/// authorization granted before.
/// </summary>
public sealed record AccessRequestApproved(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, AccessRequestStatus From,
    IReadOnlyList<string> GrantedScopes, bool IsUpdate, Guid AuthorizationId, string? Message = null)
    : AccessRequestTransitioned(AggregateId, ActorId, OccurredAt, From, AccessRequestStatus.Approved)
{
    public override string Action => "access_request.approved";
    public override string? Reason => Message;
}

/// <summary>
/// <paramref name="IsUpdate"/>: the refusal of a reopened request, which returns to Approved with
/// its authorization unchanged.
/// </summary>
public sealed record AccessRequestRefused(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, AccessRequestStatus From,
    AccessRequestStatus To, string RefusalReason, bool IsUpdate)
    : AccessRequestTransitioned(AggregateId, ActorId, OccurredAt, From, To)
{
    public override string Action => IsUpdate ? "access_request.update_refused" : "access_request.refused";
    public override string? Reason => RefusalReason;
}

/// <summary><paramref name="From"/> is Approved, or the state of an update under review that revocation closes.</summary>
public sealed record AccessRequestRevoked(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, AccessRequestStatus From, string RevocationReason)
    : AccessRequestTransitioned(AggregateId, ActorId, OccurredAt, From, AccessRequestStatus.Revoked)
{
    public override string Action => "access_request.revoked";
    public override string? Reason => RevocationReason;
}

public sealed record AccessRequestReopened(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt)
    : AccessRequestTransitioned(AggregateId, ActorId, OccurredAt, AccessRequestStatus.Approved, AccessRequestStatus.Draft)
{
    public override string Action => "access_request.reopened";
}

public sealed record AccessRequestArchived(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, AccessRequestStatus From)
    : AccessRequestTransitioned(AggregateId, ActorId, OccurredAt, From, AccessRequestStatus.Archived)
{
    public override string Action => "access_request.archived";
}

/// <summary>Someone took the request or was given it; the previous assignee, if any, is kept.</summary>
public sealed record AccessRequestAssigned(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid AssigneeId, Guid? PreviousAssigneeId)
    : AccessRequestEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "access_request.assigned";
}

/// <summary>The applicant was reminded that the request waits for their changes since <paramref name="WaitingSince"/>.</summary>
public sealed record AccessRequestReminderSent(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, DateTimeOffset WaitingSince)
    : AccessRequestEvent(AggregateId, ActorId, OccurredAt)
{
    public const string ActionName = "access_request.reminder_sent";
    public override string Action => ActionName;
}

/// <summary>A staff member prepared a draft for the organization; <paramref name="ApplicantId"/> is invited to take it over.</summary>
public sealed record AccessRequestPrepared(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid OrganizationId, Guid ApplicantId)
    : AccessRequestEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "access_request.prepared";
    public override string? ToState => nameof(AccessRequestStatus.Draft);
}

/// <summary>A member took over the draft staff prepared and became its applicant (the actor).</summary>
public sealed record AccessRequestTakenOver(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid PreviousApplicantId)
    : AccessRequestEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "access_request.taken_over";
}

/// <summary>The request changed hands within its organization; <paramref name="Message"/> is the optional word to the new applicant.</summary>
public sealed record AccessRequestTransferred(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid PreviousApplicantId,
    Guid NewApplicantId, string? Message)
    : AccessRequestEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "access_request.transferred";
    public override string? Reason => Message;
}
