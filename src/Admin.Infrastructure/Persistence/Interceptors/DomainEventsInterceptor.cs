using System.Text.Json;
using Admin.Domain.Audit;
using Admin.Domain.Common;
using Admin.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Admin.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Turns the events raised by tracked aggregates into audit rows and, when someone must be told,
/// outbox rows, inside the transaction of the change itself. After commit it wakes the outbox job.
/// </summary>
public sealed class DomainEventsInterceptor(IEnumerable<IEventNotifications> notifications, IOutboxTrigger outboxTrigger)
    : AfterCommitInterceptor
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private bool _outboxPending;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AdminDbContext db)
        {
            await CaptureAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("Use SaveChangesAsync: events may need asynchronous look-ups.");

    // The job must see the rows: it is woken once they are committed (AfterCommitInterceptor).
    protected override void Committed()
    {
        if (_outboxPending)
        {
            _outboxPending = false;
            outboxTrigger.Kick();
        }
    }

    protected override void Discarded() => _outboxPending = false;

    private async Task CaptureAsync(AdminDbContext db, CancellationToken ct)
    {
        var raised = db.ChangeTracker.Entries<Entity>()
            .SelectMany(entry => entry.Entity.DomainEvents.Select(e => (Entity: (Entity?)entry.Entity, Event: e)))
            .Concat(db.TakeRaised().Select(e => (Entity: (Entity?)null, Event: e)))
            .ToList();

        foreach (var (_, domainEvent) in raised)
        {
            db.AuditEvents.Add(AuditEvent.From(domainEvent, JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), JsonOptions)));
            foreach (var notification in notifications)
            {
                foreach (var message in await notification.ComposeAsync(domainEvent, db, ct))
                {
                    db.OutboxMessages.Add(message);
                }
            }
        }

        foreach (var entity in raised.Select(r => r.Entity).OfType<Entity>().Distinct())
        {
            entity.ClearDomainEvents();
        }

        _outboxPending |= db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
    }
}
