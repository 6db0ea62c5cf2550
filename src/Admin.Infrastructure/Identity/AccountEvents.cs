using System.Text.Json.Serialization;
using Admin.Domain.Common;

namespace Admin.Infrastructure.Identity;

/// <summary>
/// What happens to an account (an Identity user, not an aggregate of ours), raised by the account
/// handlers through <c>AdminDbContext.Raise</c>: audited and notified like any domain event. A link
/// token is a secret: it is [JsonIgnore], so it never reaches the audit trail, and it is null when
/// the e-mail throttle held the e-mail back (then nothing is queued).
/// </summary>
/// <remarks>The actor is the account's owner when they are signed in or signing up; null for what anyone can ask.</remarks>
public abstract record AccountEvent(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt) : DomainEvent(AggregateId, ActorId, OccurredAt)
{
    public sealed override string AggregateType => "User";
}

/// <summary>A partner created an account; the confirmation link goes with <paramref name="ConfirmationToken"/>.</summary>
public sealed record AccountRegistered(Guid AggregateId, DateTimeOffset OccurredAt,
    [property: JsonIgnore] string? ConfirmationToken) : AccountEvent(AggregateId, AggregateId, OccurredAt)
{
    public override string Action => "account.registered";
}

/// <summary>Someone tried to sign up again with this account's address: its owner is warned.</summary>
public sealed record AccountRegistrationRepeated(Guid AggregateId, DateTimeOffset OccurredAt) : AccountEvent(AggregateId, null, OccurredAt)
{
    public override string Action => "account.registration_repeated";
}

/// <summary>A new confirmation link was asked for.</summary>
public sealed record AccountConfirmationResent(Guid AggregateId, DateTimeOffset OccurredAt,
    [property: JsonIgnore] string ConfirmationToken) : AccountEvent(AggregateId, null, OccurredAt)
{
    public override string Action => "account.confirmation_resent";
}

/// <summary>A password reset link was asked for.</summary>
public sealed record AccountPasswordResetRequested(Guid AggregateId, DateTimeOffset OccurredAt,
    [property: JsonIgnore] string ResetToken) : AccountEvent(AggregateId, null, OccurredAt)
{
    public override string Action => "account.password_reset_requested";
}

/// <summary>The signed-in user changed their password: they are told, in case it was not them.</summary>
public sealed record AccountPasswordChanged(Guid AggregateId, DateTimeOffset OccurredAt) : AccountEvent(AggregateId, AggregateId, OccurredAt)
{
    public override string Action => "account.password_changed";
}

/// <summary>The signed-in user corrected their first or last name.</summary>
public sealed record AccountNameChanged(Guid AggregateId, DateTimeOffset OccurredAt, string FirstName, string LastName)
    : AccountEvent(AggregateId, AggregateId, OccurredAt)
{
    public override string Action => "account.name_changed";
}

/// <summary>
/// The signed-in user asked to use <paramref name="NewEmail"/>: the link goes to that address, a notice
/// to the current one. The token is null when no link may be sent (the address belongs to another
/// account, or the e-mail throttle held it back): the user's answer and the notice stay the same.
/// </summary>
public sealed record AccountEmailChangeRequested(Guid AggregateId, DateTimeOffset OccurredAt, string NewEmail,
    [property: JsonIgnore] string? ChangeToken) : AccountEvent(AggregateId, AggregateId, OccurredAt)
{
    public override string Action => "account.email_change_requested";
}

/// <summary>
/// Another account asked to take this account's address: its owner is warned, as sign-up warns the owner of
/// an address typed again. The actor is the account that asked.
/// </summary>
public sealed record AccountEmailClaimedByAnother(Guid AggregateId, Guid? ActorId, DateTimeOffset OccurredAt)
    : AccountEvent(AggregateId, ActorId, OccurredAt)
{
    public override string Action => "account.email_claimed_by_another";
}

/// <summary>The link sent to the new address was opened: the account's address (and user name) changed.</summary>
public sealed record AccountEmailChanged(Guid AggregateId, DateTimeOffset OccurredAt, string PreviousEmail, string NewEmail)
    : AccountEvent(AggregateId, AggregateId, OccurredAt)
{
    public override string Action => "account.email_changed";
}

/// <summary>
/// The partner deleted their account: it is anonymized, not removed, so the audit trail keeps
/// pointing at a row. The former address and first name only travel to the confirmation e-mail
/// ([JsonIgnore]): this row adds no personal data to the trail.
/// </summary>
public sealed record AccountDeleted(Guid AggregateId, DateTimeOffset OccurredAt,
    [property: JsonIgnore] string FormerEmail, [property: JsonIgnore] string FormerFirstName) : AccountEvent(AggregateId, AggregateId, OccurredAt)
{
    public override string Action => "account.deleted";
}

/// <summary>A first ProConnect sign-in created this partner account (address verified by ProConnect, no password).</summary>
public sealed record AccountRegisteredWithProConnect(Guid AggregateId, DateTimeOffset OccurredAt) : AccountEvent(AggregateId, AggregateId, OccurredAt)
{
    public override string Action => "account.proconnect_registered";
}

/// <summary>
/// A first ProConnect sign-in linked this existing account, found by its address. <paramref name="PasswordRemoved"/>: the
/// account had never confirmed its address, so its password, which anyone could have chosen, was removed.
/// </summary>
public sealed record AccountLinkedToProConnect(Guid AggregateId, DateTimeOffset OccurredAt, bool PasswordRemoved)
    : AccountEvent(AggregateId, AggregateId, OccurredAt)
{
    public override string Action => "account.proconnect_linked";
}
