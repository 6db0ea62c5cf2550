using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// Delivers pending outbox messages. Runs as a Hangfire job, kicked after each commit that adds
/// messages and swept every minute; a message that fails stays pending and the job is retried.
/// </summary>
public sealed class OutboxDispatcher(
    AdminDbContext db,
    IEmailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    public const int BatchSize = 50;

    [AutomaticRetry(Attempts = 10)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task DeliverPendingAsync(CancellationToken ct)
    {
        var failures = await DeliverBatchAsync(ct);
        if (failures > 0)
        {
            // Let Hangfire retry with back-off; the messages stay pending in the meantime.
            throw new OutboxDeliveryException(failures);
        }
    }

    /// <summary>Delivers up to <see cref="BatchSize"/> pending messages, returns how many failed.</summary>
    public async Task<int> DeliverBatchAsync(CancellationToken ct)
    {
        var pending = await db.OutboxMessages
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.CreatedAt)
            .Take(BatchSize)
            .ToListAsync(ct);

        var failures = 0;
        foreach (var message in pending)
        {
            try
            {
                await transport.SendAsync(ToMime(message), ct);
                message.MarkSent(time.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures++;
                message.MarkFailed(ex.GetType().Name + ": " + ex.Message);
                logger.LogWarning("Outbox message {MessageId} of kind {Kind} failed (attempt {Attempts}): {Error}",
                    message.Id, message.Kind, message.Attempts, ex.GetType().Name);
            }

            await db.SaveChangesAsync(ct);
        }

        return failures;
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.MessageId = $"{message.Id:N}@api-particulier-admin";
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}

public sealed class OutboxDeliveryException(int failures)
    : Exception($"{failures} outbox message(s) could not be delivered; they stay pending.");
