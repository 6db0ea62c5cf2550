using System.Net.Sockets;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;
using Hangfire;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// Delivers the outbox messages that are due. Runs as a Hangfire job, kicked after each commit that
/// adds messages and swept every minute. A message that fails waits longer before each new attempt
/// and is set aside after <see cref="OutboxMessage.MaxAttempts"/> attempts, or at once when no
/// server will ever take it (an invalid address, a recipient refused with a 5xx code): one bad
/// message never holds back the others. When the mail server itself cannot be reached, the run
/// stops and the remaining messages wait for the next one.
/// </summary>
public sealed class OutboxDispatcher(
    AdminDbContext db,
    IEmailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    public const int BatchSize = 50;

    /// <summary>A run handles at most this many batches, so a very long queue shares the worker.</summary>
    public const int MaxBatchesPerRun = 20;

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task DeliverPendingAsync(CancellationToken ct)
    {
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var outcome = await DeliverBatchAsync(ct);
            if (outcome.Attempted < BatchSize || outcome.TransportDown) return;
        }
    }

    /// <summary>Tries up to <see cref="BatchSize"/> due messages, oldest due first.</summary>
    public async Task<OutboxBatch> DeliverBatchAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .Take(BatchSize)
            .ToListAsync(ct);

        var sent = 0;
        var failed = 0;
        var attempted = 0;
        var transportDown = false;
        foreach (var message in due)
        {
            attempted++;
            try
            {
                await transport.SendAsync(ToMime(message), ct);
                message.MarkSent(time.GetUtcNow());
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                var failure = Classify(ex);
                message.MarkFailed(ex.GetType().Name + ": " + ex.Message, failure == Failure.Permanent, time.GetUtcNow());
                logger.LogWarning("Outbox message {MessageId} of kind {Kind} failed (attempt {Attempts}, {Failure}): {Error}",
                    message.Id, message.Kind, message.Attempts, message.FailedAt is null ? "will retry" : "set aside", ex.GetType().Name);
                transportDown = failure == Failure.TransportDown;
            }

            await db.SaveChangesAsync(ct);
            if (transportDown) break;
        }

        return new OutboxBatch(attempted, sent, failed, transportDown);
    }

    private enum Failure { Transient, Permanent, TransportDown }

    /// <summary>
    /// Permanent: the message itself can never go (address MailKit cannot parse, recipient or
    /// message refused with a 5xx code). Transport down: nothing can go right now (no server, no
    /// connection, bad credentials), so trying the rest of the batch is pointless.
    /// </summary>
    private static Failure Classify(Exception ex) => ex switch
    {
        ParseException or FormatException => Failure.Permanent,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } smtp
            when (int)smtp.StatusCode >= 500 => Failure.Permanent,
        SmtpCommandException => Failure.Transient,
        SocketException or IOException or SmtpProtocolException or AuthenticationException or ServiceNotConnectedException
            or SslHandshakeException or InvalidOperationException => Failure.TransportDown,
        _ => Failure.Transient,
    };

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

/// <summary>What one batch did: messages tried, sent and failed, and whether the mail server was unreachable.</summary>
public sealed record OutboxBatch(int Attempted, int Sent, int Failed, bool TransportDown);
