using Admin.Infrastructure.Email;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MailKit.Net.Smtp;
using MimeKit;

namespace Admin.Web.Tests.Outbox;

public sealed class OutboxDispatcherTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Failing_transport_keeps_message_pending_until_its_back_off_and_a_later_run_delivers_it_once()
    {
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var to = $"outbox.{Guid.NewGuid():N}@mairie-exemple.fr";
        await AddAsync(EmailComposer.Compose("test", to, "Sujet", ["Bonjour"], null, now));
        var transport = new FlakyTransport(failures: 1);

        await RunAsync(transport, now);

        var pending = await FindAsync(to);
        Assert.Null(pending.SentAt);
        Assert.Null(pending.FailedAt);
        Assert.Equal(1, pending.Attempts);
        Assert.Contains("SMTP down", pending.LastError);
        Assert.Equal(now.AddMinutes(1), pending.NextAttemptAt);

        await RunAsync(transport, now.AddSeconds(59));
        Assert.Null((await FindAsync(to)).SentAt);

        await RunAsync(transport, now.AddMinutes(1));
        await RunAsync(transport, now.AddMinutes(2));

        var sent = await FindAsync(to);
        Assert.Equal(now.AddMinutes(1), sent.SentAt);
        Assert.Equal(1, transport.Delivered.Count(m => m.To.Mailboxes.Single().Address == to));
    }

    [Fact]
    public async Task Sixty_poisoned_messages_are_set_aside_with_their_error_and_a_good_one_queued_after_them_still_goes_out()
    {
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var tag = Guid.NewGuid().ToString("N")[..8];
        // Addresses that slipped in before the one e-mail rule: MailKit cannot even parse them.
        for (var i = 0; i < 60; i++)
        {
            await AddAsync(EmailComposer.Compose("test", $"x<script>alert({i})</script>{tag}@example.com", "Poison", ["x"], null, now.AddSeconds(i)));
        }

        var good = $"good.{tag}@mairie-exemple.fr";
        await AddAsync(EmailComposer.Compose("test", good, "Bienvenue", ["Bonjour"], null, now.AddMinutes(5)));
        var transport = new FlakyTransport(failures: 0);

        await RunAsync(transport, now.AddMinutes(5));

        Assert.Equal(good, Assert.Single(transport.Delivered).To.Mailboxes.Single().Address);
        var poisoned = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To.Contains(tag) && m.Subject == "Poison").ToListAsync());
        Assert.Equal(60, poisoned.Count);
        Assert.All(poisoned, m =>
        {
            Assert.Null(m.SentAt);
            Assert.Equal(now.AddMinutes(5), m.FailedAt);
            Assert.Equal(1, m.Attempts);
            Assert.StartsWith("ParseException", m.LastError);
        });
    }

    [Fact]
    public async Task Message_refused_by_the_server_again_and_again_is_set_aside_after_the_last_attempt_without_blocking_the_next()
    {
        var now = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var refused = $"refused.{Guid.NewGuid():N}@mairie-exemple.fr";
        await AddAsync(EmailComposer.Compose("test", refused, "Refusé", ["x"], null, now));
        var transport = new FlakyTransport(failures: 0) { Refuse = refused };

        var clock = now;
        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            await RunAsync(transport, clock);
            var message = await FindAsync(refused);
            Assert.Equal(attempt, message.Attempts);
            if (attempt < OutboxMessage.MaxAttempts)
            {
                Assert.Null(message.FailedAt);
                Assert.Equal(clock + OutboxMessage.RetryDelay(attempt), message.NextAttemptAt);
                // Meanwhile a new message is not held back.
                var other = $"other{attempt}.{Guid.NewGuid():N}@mairie-exemple.fr";
                await AddAsync(EmailComposer.Compose("test", other, "Autre", ["x"], null, clock));
                await RunAsync(transport, clock);
                Assert.Contains(transport.Delivered, m => m.To.Mailboxes.Single().Address == other);
                clock = message.NextAttemptAt!.Value;
            }
            else
            {
                Assert.Equal(clock, message.FailedAt);
                Assert.Contains("mailbox busy", message.LastError);
            }
        }

        await RunAsync(transport, clock.AddDays(1));
        Assert.Equal(OutboxMessage.MaxAttempts, (await FindAsync(refused)).Attempts);
    }

    [Fact]
    public async Task Recipient_refused_with_a_permanent_code_is_set_aside_at_once()
    {
        var now = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        var unknown = $"inconnu.{Guid.NewGuid():N}@mairie-exemple.fr";
        await AddAsync(EmailComposer.Compose("test", unknown, "Inconnu", ["x"], null, now));
        var transport = new FlakyTransport(failures: 0) { Refuse = unknown, RefusalCode = SmtpStatusCode.MailboxUnavailable };

        await RunAsync(transport, now);

        var message = await FindAsync(unknown);
        Assert.Equal(now, message.FailedAt);
        Assert.Equal(1, message.Attempts);
    }

    [Fact]
    public async Task Unreachable_mail_server_stops_the_run_after_one_attempt_and_leaves_the_others_untouched()
    {
        var now = new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++)
        {
            await AddAsync(EmailComposer.Compose("test", $"down{i}.{tag}@mairie-exemple.fr", "Panne", ["x"], null, now.AddSeconds(i)));
        }

        await RunAsync(new FlakyTransport(failures: 100), now.AddMinutes(1));

        var messages = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To.Contains(tag)).ToListAsync());
        Assert.Equal([1, 0, 0], messages.OrderBy(m => m.To).Select(m => m.Attempts));
        Assert.All(messages, m => Assert.Null(m.FailedAt));
    }

    [Theory]
    [InlineData("prenom.nom@mairie.fr")]
    [InlineData("o'neil+tag@sous.domaine.gouv.fr")]
    [InlineData("a_b-c{d}~e@mairie-03.fr")]
    [InlineData("x<script>alert(1)</script>@example.com")]
    [InlineData("\"quoted\"@mairie.fr")]
    [InlineData("prénom@mairie.fr")]
    [InlineData("a@b@mairie.fr")]
    [InlineData("a(b)@mairie.fr")]
    [InlineData("a,b@mairie.fr")]
    [InlineData("a@mairie.fr>")]
    public void Every_address_the_app_accepts_is_one_MailKit_can_send_to_unchanged(string input)
    {
        var accepted = Admin.Domain.Organizations.EmailAddress.Parse(input);
        if (accepted.IsFailure) return;

        Assert.True(MailboxAddress.TryParse(accepted.Value.Value, out var mailbox), $"MailKit cannot parse {input}");
        Assert.Equal(accepted.Value.Value, mailbox.Address);
    }

    [Fact]
    public void The_address_rule_refuses_what_MailKit_would_choke_on()
    {
        Assert.True(Admin.Domain.Organizations.EmailAddress.Parse("x<script>alert(1)</script>@example.com").IsFailure);
        Assert.True(Admin.Domain.Organizations.EmailAddress.Parse("prenom.nom@mairie.fr").IsSuccess);
    }

    [Fact]
    public async Task Pickup_folder_receives_a_readable_eml_file()
    {
        var to = $"eml.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(EmailComposer.Compose("test", to, "Confirmez votre adresse", ["Cliquez."], new EmailLink("Confirmer", "http://localhost/x?a=1&b=2"), DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        await app.DeliverOutboxAsync();

        var file = Directory.GetFiles(app.EmailDirectory, "*.eml").Single(f => File.ReadAllText(f).Contains(to));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Confirmez votre adresse", message.Subject);
        Assert.Contains("http://localhost/x?a=1&b=2", message.TextBody);
        Assert.Contains("http://localhost/x?a=1&amp;b=2", message.HtmlBody);
    }

    private Task<int> AddAsync(OutboxMessage message) => app.WithDbAsync(db =>
    {
        db.OutboxMessages.Add(message);
        return db.SaveChangesAsync();
    });

    private Task<OutboxMessage> FindAsync(string to) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == to));

    private async Task RunAsync(IEmailTransport transport, DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var dispatcher = new OutboxDispatcher(sp.GetRequiredService<Admin.Infrastructure.Persistence.AdminDbContext>(), transport,
            sp.GetRequiredService<IOptions<EmailOptions>>(), new FakeTimeProvider(now), NullLogger<OutboxDispatcher>.Instance);
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
    }

    /// <summary>Fails the first <c>failures</c> sends as a dead server would; refuses one recipient as a server would.</summary>
    private sealed class FlakyTransport(int failures) : IEmailTransport
    {
        private int _failuresLeft = failures;
        public List<MimeMessage> Delivered { get; } = [];
        public string? Refuse { get; init; }
        public SmtpStatusCode RefusalCode { get; init; } = SmtpStatusCode.MailboxBusy;

        public Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            if (_failuresLeft-- > 0) throw new IOException("SMTP down");
            var to = message.To.Mailboxes.Single();
            if (to.Address == Refuse)
                throw new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, RefusalCode, to, "mailbox busy or unknown");
            Delivered.Add(message);
            return Task.CompletedTask;
        }
    }
}
