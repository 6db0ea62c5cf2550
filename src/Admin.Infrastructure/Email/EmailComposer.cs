using System.Net;
using System.Text;
using Admin.Infrastructure.Outbox;

namespace Admin.Infrastructure.Email;

/// <summary>A call to action in an e-mail: a button in HTML, a bare URL in text.</summary>
public sealed record EmailLink(string Text, string Url);

/// <summary>
/// Builds the French e-mails of the back-office in one sober layout, as text and HTML, ready for
/// the outbox. Everything interpolated is HTML-encoded.
/// </summary>
public static class EmailComposer
{
    public static OutboxMessage Compose(string kind, string to, string subject, IReadOnlyList<string> paragraphs,
        EmailLink? link, DateTimeOffset now)
    {
        var text = new StringBuilder();
        text.AppendLine("Bonjour,").AppendLine();
        foreach (var p in paragraphs)
        {
            text.AppendLine(p).AppendLine();
        }

        if (link is not null)
        {
            text.AppendLine($"{link.Text} : {link.Url}").AppendLine();
        }

        text.AppendLine("L'équipe API Particulier").AppendLine("Ce message est envoyé automatiquement, merci de ne pas y répondre.");

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject))
            .Append("</title></head><body style=\"font-family:Marianne,Arial,sans-serif;color:#161616\">")
            .Append("<p><strong>API Particulier</strong></p><p>Bonjour,</p>");
        foreach (var p in paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(p)).Append("</p>");
        }

        if (link is not null)
        {
            var url = WebUtility.HtmlEncode(link.Url);
            html.Append("<p><a href=\"").Append(url).Append("\" style=\"background:#000091;color:#fff;padding:8px 16px;text-decoration:none\">")
                .Append(WebUtility.HtmlEncode(link.Text)).Append("</a></p>")
                .Append("<p>Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br>").Append(url).Append("</p>");
        }

        html.Append("<p>L'équipe API Particulier</p><p><small>Ce message est envoyé automatiquement, merci de ne pas y répondre.</small></p></body></html>");

        return new OutboxMessage(to, subject, text.ToString(), html.ToString(), now, kind);
    }
}
