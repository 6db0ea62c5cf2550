using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Admin.Infrastructure.Email;

public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Sends over SMTP when configured and writes an .eml copy when a pickup folder is set.</summary>
public sealed class EmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Smtp.IsConfigured && string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            throw new InvalidOperationException("No e-mail transport configured: set Email:Smtp:Host or Email:PickupDirectory.");
        }

        if (settings.Smtp.IsConfigured)
        {
            using var client = new SmtpClient();
            var security = Enum.TryParse<SecureSocketOptions>(settings.Smtp.Security, true, out var s) ? s : SecureSocketOptions.StartTls;
            await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", ct);
            }

            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
        }

        if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            // Name sorts by time and is unique; the content is the whole RFC 5322 message.
            var fileName = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{message.MessageId}.eml";
            var path = Path.Combine(settings.PickupDirectory, string.Concat(fileName.Split(Path.GetInvalidFileNameChars())));
            // Written aside then renamed, so a reader never sees a half-written .eml.
            var partial = path + ".partial";
            await message.WriteToAsync(partial, ct);
            File.Move(partial, path, overwrite: true);
        }
    }
}
