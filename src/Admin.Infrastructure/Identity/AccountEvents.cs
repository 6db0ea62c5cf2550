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
