using Admin.Domain.Audit;
using Admin.Domain.Common;
using Admin.Infrastructure.Outbox;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Outbox;

/// <summary>
/// The e-mails the dispatcher gave up on (invalid address, refused by the server, too many
/// attempts), for administrators: what, to whom, why, and a way to put one back in the queue.
/// </summary>
public static class FailedEmails
{
    public const int PageSize = 50;

    public sealed record Query(int Page = 1) : IQuery<Result<View>>;

    public sealed record Row(Guid Id, string Kind, string To, string Subject, DateTimeOffset CreatedAt, DateTimeOffset FailedAt, int Attempts, string? LastError);

    public sealed record View(IReadOnlyList<Row> Rows, int Total, int Pending, int Page, int PageCount);

    public sealed record Retry(Guid MessageId) : ICommand<Result>;

    /// <summary>How many messages are set aside: the figure shown on the jobs dashboard.</summary>
    public static int Count(AdminDbContext db) => db.OutboxMessages.Count(m => m.FailedAt != null);

    internal sealed class ListHandler(AdminDbContext db) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var failed = db.OutboxMessages.AsNoTracking().Where(m => m.FailedAt != null);
            var total = await failed.CountAsync(ct);
            var pending = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.FailedAt == null, ct);
            var (page, pageCount) = ListQueries.Paging(total, query.Page, PageSize);
            var rows = await failed
                .OrderByDescending(m => m.FailedAt)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(m => new Row(m.Id, m.Kind, m.To, m.Subject, m.CreatedAt, m.FailedAt!.Value, m.Attempts, m.LastError))
                .ToListAsync(ct);
            return new View(rows, total, pending, page, pageCount);
        }
    }

    internal sealed class RetryHandler(AdminDbContext db, ICurrentUser user, IOutboxTrigger trigger, TimeProvider time)
        : ICommandHandler<Retry, Result>
    {
        public async ValueTask<Result> Handle(Retry command, CancellationToken ct)
        {
            var message = await db.OutboxMessages.FindAsync([command.MessageId], ct);
            var now = time.GetUtcNow();
            if (message is null || !message.Retry(now)) return Result.NotFound();

            db.AuditEvents.Add(new AuditEvent("OutboxMessage", message.Id, "outbox.retried", user.Id, now));
            await db.SaveChangesAsync(ct);
            trigger.Kick();
            return Result.Ok();
        }
    }
}
