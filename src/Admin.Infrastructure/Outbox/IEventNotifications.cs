using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// Decides who must be told about a domain event and composes those e-mails. Implementations are
/// registered in dependency injection; each ignores the events it does not handle.
/// </summary>
public interface IEventNotifications
{
    ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct);
}

/// <summary>Asks for the outbox to be delivered soon (after a commit that added messages).</summary>
public interface IOutboxTrigger
{
    void Kick();
}
