using Admin.Infrastructure.Email;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Admin.Web.Tests.Outbox;

public sealed class OutboxDispatcherTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Failing_transport_keeps_message_pending_and_a_later_run_delivers_it_once()
    {
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var to = $"outbox.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(EmailComposer.Compose("test", to, "Sujet", ["Bonjour"], null, now));
            return await db.SaveChangesAsync();
        });
        var transport = new FlakyTransport(failures: 1);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var dispatcher = Dispatcher(scope.ServiceProvider, transport, now);
            await Assert.ThrowsAsync<OutboxDeliveryException>(() => dispatcher.DeliverPendingAsync(CancellationToken.None));
        }

        var pending = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == to));
        Assert.Null(pending.SentAt);
        Assert.Equal(1, pending.Attempts);
        Assert.Contains("SMTP down", pending.LastError);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await Dispatcher(scope.ServiceProvider, transport, now.AddMinutes(1)).DeliverPendingAsync(CancellationToken.None);
            await Dispatcher(scope.ServiceProvider, transport, now.AddMinutes(2)).DeliverPendingAsync(CancellationToken.None);
        }

        var sent = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == to));
        Assert.Equal(now.AddMinutes(1), sent.SentAt);
        Assert.Equal(1, transport.Delivered.Count(m => m.To.Mailboxes.Single().Address == to));
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

    private static OutboxDispatcher Dispatcher(IServiceProvider sp, IEmailTransport transport, DateTimeOffset now) =>
        new(sp.GetRequiredService<Admin.Infrastructure.Persistence.AdminDbContext>(), transport,
            sp.GetRequiredService<IOptions<EmailOptions>>(), new FakeTimeProvider(now), NullLogger<OutboxDispatcher>.Instance);

    private sealed class FlakyTransport(int failures) : IEmailTransport
    {
        private int _failuresLeft = failures;
        public List<MimeMessage> Delivered { get; } = [];

        public Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            if (_failuresLeft-- > 0) throw new IOException("SMTP down");
            Delivered.Add(message);
            return Task.CompletedTask;
        }
    }
}
