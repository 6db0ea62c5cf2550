using Admin.Domain.AccessRequests;
using Admin.Domain.Messages;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Messages;

/// <summary>One message as the thread shows it; <see cref="IsNew"/> for a message of the other side not read before this page.</summary>
public sealed record ThreadMessage(Guid Id, string Author, MessageSide Side, string Body, DateTimeOffset SentAt, bool IsNew,
    AccessRequestTransition? Decision = null)
{
    /// <summary>The decision the message came with, in words, or null for a message of the thread.</summary>
    public string? DecisionLabel => Decision switch
    {
        AccessRequestTransition.RequestChanges => "Demande de modifications",
        AccessRequestTransition.Approve => "Validation",
        AccessRequestTransition.Refuse => "Refus",
        AccessRequestTransition.Revoke => "Révocation",
        _ => null,
    };
}

public sealed record TemplateOption(Guid Id, string Title);

/// <summary>The template list beside a text area: the form field prefix it posts under ("Draft", "Form").</summary>
public sealed record TemplatePicker(string Prefix, IReadOnlyList<TemplateOption> Templates, Guid? Selected);

/// <summary>What the message form posts: the text, and the template to insert when "Insérer" was pressed.</summary>
public sealed record MessageDraft(string? Body = null, Guid? TemplateId = null);

/// <summary>A request's thread for one reader, with the form to answer when they may write.</summary>
public sealed record MessageThread(
    Guid RequestId,
    MessageSide ReaderSide,
    IReadOnlyList<ThreadMessage> Messages,
    bool CanWrite,
    IReadOnlyList<TemplateOption> Templates)
{
    public MessageDraft Draft { get; init; } = new();

    public int NewCount => Messages.Count(m => m.IsNew);

    public string PostUrl => ReaderSide == MessageSide.Staff ? $"/instruction/demandes/{RequestId}/messages" : $"/demandes/{RequestId}/messages";
}

/// <summary>
/// Reads a request's thread and marks it read for the reader; counts what is unread. Unread, for a
/// reader, is a message of the other side sent after their read marker (their own side's messages
/// never are).
/// </summary>
public sealed class MessageThreads(AdminDbContext db)
{
    /// <summary>The thread, oldest first; the reader's marker moves to its last message.</summary>
    public async Task<MessageThread> ReadAsync(AccessRequest request, Guid readerId, MessageSide side, bool canWrite, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var marker = await db.MessageReadMarkers.FirstOrDefaultAsync(m => m.UserId == readerId && m.AccessRequestId == request.Id, ct);
        var rows = await db.RequestMessages.AsNoTracking()
            .Where(m => m.AccessRequestId == request.Id)
            .OrderBy(m => m.SentAt)
            .Select(m => new
            {
                m.Id, m.Side, m.Body, m.SentAt, m.Decision,
                Author = db.Users.Where(u => u.Id == m.AuthorId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var messages = rows.Select(m => new ThreadMessage(m.Id, AuthorName(m.Author, m.Side), m.Side, m.Body, m.SentAt,
            IsNew: m.Side != side && (marker is null || m.SentAt > marker.ReadUpTo), m.Decision)).ToList();

        if (messages.Count > 0) await MarkReadAsync(marker, readerId, request.Id, messages[^1].SentAt, ct);
        var templates = side == MessageSide.Staff && canWrite ? await TemplatesAsync(TemplateKind.Message, ct) : [];
        return new MessageThread(request.Id, side, messages, canWrite, templates);
    }

    /// <summary>The templates offered for <paramref name="kind"/>, by title.</summary>
    public async Task<IReadOnlyList<TemplateOption>> TemplatesAsync(TemplateKind kind, CancellationToken ct)
    {
        var templates = await db.MessageTemplates.AsNoTracking()
            .Where(t => t.Kind == kind && !t.IsRetired)
            .Select(t => new TemplateOption(t.Id, t.Title))
            .ToListAsync(ct);
        return [.. templates.OrderBy(t => t.Title, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))];
    }

    /// <summary>Moves (or creates) the reader's marker; saved at once, on its own.</summary>
    public async Task MarkReadAsync(Guid readerId, Guid requestId, DateTimeOffset upTo, CancellationToken ct)
    {
        var marker = await db.MessageReadMarkers.FirstOrDefaultAsync(m => m.UserId == readerId && m.AccessRequestId == requestId, ct);
        await MarkReadAsync(marker, readerId, requestId, upTo, ct);
    }

    private async Task MarkReadAsync(MessageReadMarker? marker, Guid readerId, Guid requestId, DateTimeOffset upTo, CancellationToken ct)
    {
        if (marker is null) db.MessageReadMarkers.Add(marker = new MessageReadMarker(readerId, requestId, upTo));
        else if (!marker.MoveTo(upTo)) return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same reader in two tabs at once: the other page has just written the marker. Reading
            // must not fail for that; the marker is at least where this page would have put it soon.
            db.Entry(marker).State = EntityState.Detached;
        }
    }

    private static string AuthorName(string? name, MessageSide side)
    {
        var who = string.IsNullOrWhiteSpace(name) ? "Compte supprimé" : name.Trim();
        return side == MessageSide.Staff ? $"{who}, équipe API Particulier" : who;
    }
}

/// <summary>Unread messages as the lists count them.</summary>
public static class UnreadMessages
{
    /// <summary>Messages <paramref name="userId"/>, reading as <paramref name="side"/>, has not read yet (to count per request in a query).</summary>
    public static IQueryable<RequestMessage> UnreadBy(this AdminDbContext db, Guid userId, MessageSide side)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.RequestMessages.Where(m => m.Side != side
            && !db.MessageReadMarkers.Any(r => r.UserId == userId && r.AccessRequestId == m.AccessRequestId && r.ReadUpTo >= m.SentAt));
    }
}
