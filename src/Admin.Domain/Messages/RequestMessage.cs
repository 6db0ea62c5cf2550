using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.Users;

namespace Admin.Domain.Messages;

/// <summary>Who wrote a message: a member of the organization, or API Particulier's staff.</summary>
public enum MessageSide
{
    Partner = 1,
    Staff = 2,
}

/// <summary>
/// One message of a request's thread between the organization's members and staff. A message is
/// never edited nor deleted: the thread is part of the record of the instruction.
/// </summary>
public sealed class RequestMessage : Entity
{
    public const int BodyMaxLength = AccessRequest.MessageMaxLength;

    private RequestMessage() { }

    public Guid AccessRequestId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public Guid AuthorId { get; private set; }
    public MessageSide Side { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>
    /// The decision this message came with (changes requested, approval, refusal, revocation), null for
    /// a message written in the thread. The decision's own e-mail carries it: it is not e-mailed again.
    /// </summary>
    public AccessRequestTransition? Decision { get; private set; }

    /// <summary>A member of the request's organization writes to staff.</summary>
    public static Result<RequestMessage> FromMember(AccessRequest request, Organization organization, Guid memberId, string? body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(organization);
        if (organization.Id != request.OrganizationId || organization.RoleOf(memberId) is null)
            return Result<RequestMessage>.From(Result.Forbidden());
        return Write(request, memberId, MessageSide.Partner, body, now);
    }

    /// <summary>
    /// An instructor or administrator writes to the organization. Auditors only read; a staff member
    /// who belongs to the organization writes as its member, never as staff.
    /// </summary>
    public static Result<RequestMessage> FromStaff(AccessRequest request, StaffMember staff, string? body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(staff);
        if (!staff.CanReview || staff.IsMemberOf(request.OrganizationId))
            return Result<RequestMessage>.From(Result.Forbidden());
        return Write(request, staff.UserId, MessageSide.Staff, body, now);
    }

    /// <summary>
    /// The message a staff decision carried, added to the thread so the exchange reads whole and the
    /// partner can answer it there. Written by the handler that saved the decision.
    /// </summary>
    public static Result<RequestMessage> ForDecision(AccessRequest request, StaffMember staff, AccessRequestTransition decision, string? body,
        DateTimeOffset now)
    {
        if (decision is not (AccessRequestTransition.RequestChanges or AccessRequestTransition.Approve
            or AccessRequestTransition.Refuse or AccessRequestTransition.Revoke))
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "Only a staff decision carries a message.");
        var written = FromStaff(request, staff, body, now);
        if (written.IsSuccess) written.Value.Decision = decision;
        return written;
    }

    private static Result<RequestMessage> Write(AccessRequest request, Guid authorId, MessageSide side, string? body, DateTimeOffset now)
    {
        if (request.Status == AccessRequestStatus.Archived) return Result<RequestMessage>.From(Result.Conflict(MessageErrors.RequestArchived));
        var text = body?.Trim();
        if (string.IsNullOrEmpty(text)) return Result<RequestMessage>.From(Result.Invalid(MessageErrors.BodyRequired.ForField(nameof(Body))));
        if (text.Length > BodyMaxLength) return Result<RequestMessage>.From(Result.Invalid(MessageErrors.BodyTooLong.ForField(nameof(Body))));

        var message = new RequestMessage
        {
            AccessRequestId = request.Id,
            OrganizationId = request.OrganizationId,
            AuthorId = authorId,
            Side = side,
            Body = text,
            SentAt = now,
        };
        message.Raise(new RequestMessagePosted(request.Id, authorId, now, message.Id, side));
        return message;
    }
}

/// <summary>
/// How far one person has read one request's thread: messages of the other side sent after
/// <see cref="ReadUpTo"/> are unread for them.
/// </summary>
public sealed class MessageReadMarker
{
    private MessageReadMarker() { }

    public MessageReadMarker(Guid userId, Guid accessRequestId, DateTimeOffset readUpTo)
    {
        UserId = userId;
        AccessRequestId = accessRequestId;
        ReadUpTo = readUpTo;
    }

    public Guid UserId { get; private set; }
    public Guid AccessRequestId { get; private set; }
    public DateTimeOffset ReadUpTo { get; private set; }

    /// <summary>Moves the marker forward only: an older page shown later does not make messages unread again.</summary>
    public bool MoveTo(DateTimeOffset readUpTo)
    {
        if (readUpTo <= ReadUpTo) return false;
        ReadUpTo = readUpTo;
        return true;
    }
}

/// <summary>A message was added to a request's thread. Audited on the request; its text stays in the thread.</summary>
public sealed record RequestMessagePosted(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt, Guid MessageId, MessageSide Side)
    : DomainEvent(AggregateId, ActorId, OccurredAt)
{
    public const string ActionName = "access_request.message_posted";

    public override string AggregateType => "AccessRequest";
    public override string Action => ActionName;
}

public static class MessageErrors
{
    public static readonly Error BodyRequired = new("message.body_required", "Saisissez votre message.");
    public static readonly Error BodyTooLong = new("message.body_too_long", $"Le message ne peut pas dépasser {RequestMessage.BodyMaxLength} caractères.");
    public static readonly Error RequestArchived = new("message.request_archived", "Cette demande est archivée : on ne peut plus y écrire.");
}
