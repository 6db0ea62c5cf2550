using Hangfire;

namespace Admin.Infrastructure.Outbox;

public sealed class HangfireOutboxTrigger(IBackgroundJobClient jobs) : IOutboxTrigger
{
    public void Kick() => jobs.Enqueue<OutboxDispatcher>(d => d.DeliverPendingAsync(CancellationToken.None));
}
