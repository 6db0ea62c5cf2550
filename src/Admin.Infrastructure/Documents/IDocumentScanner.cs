namespace Admin.Infrastructure.Documents;

/// <summary>
/// Checks an uploaded file before it is accepted. The stream is positioned at the start and left
/// open; the implementation may read it to the end.
/// </summary>
public interface IDocumentScanner
{
    Task<bool> IsCleanAsync(Stream content, CancellationToken ct);
}

/// <summary>
/// Accepts everything. This is where an antivirus plugs in: replace the registration in
/// DependencyInjection with a scanner that streams the file to ClamAV (clamd INSTREAM) and answers
/// false on a "FOUND" reply.
/// </summary>
public sealed class NoOpDocumentScanner : IDocumentScanner
{
    public Task<bool> IsCleanAsync(Stream content, CancellationToken ct) => Task.FromResult(true);
}
