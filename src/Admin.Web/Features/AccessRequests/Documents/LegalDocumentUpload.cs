using System.Security.Cryptography;
using System.Text;
using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Infrastructure;
using Admin.Infrastructure.Documents;
using Admin.Infrastructure.Persistence;

namespace Admin.Web.Features.AccessRequests.Documents;

/// <summary>
/// Accepts the PDF of a legal basis: at most 10 MB, a PDF by its content (not its name or the
/// type the browser claims), clean for the scanner. The bytes go to the uploads folder under a new
/// id and a <see cref="StoredDocument"/> row is added to the caller's unit of work.
/// </summary>
internal sealed class LegalDocumentUpload(AdminDbContext db, DataPaths paths, IDocumentScanner scanner)
{
    public const string ContentType = "application/pdf";

    public static readonly Error Infected = new("access_request.legal_document_infected",
        "Le document a été refusé par l'analyse antivirus. Vérifiez le fichier ou joignez-en un autre.");

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private Guid? _written;

    public async Task<Result<LegalDocument>> AcceptAsync(IFormFile file, AccessRequest request, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(request);
        if (file.Length == 0) return Refused(AccessRequestErrors.LegalDocumentEmpty);
        if (file.Length > LegalDocument.MaxSizeBytes) return Refused(AccessRequestErrors.LegalDocumentTooLarge);

        // At most 10 MB: simpler and safer to check, scan, hash and write the same bytes in memory.
        using var content = new MemoryStream((int)file.Length);
        await using (var upload = file.OpenReadStream())
        {
            await upload.CopyToAsync(content, ct);
        }

        if (content.Length > LegalDocument.MaxSizeBytes) return Refused(AccessRequestErrors.LegalDocumentTooLarge);
        if (!content.GetBuffer().AsSpan(0, (int)content.Length).StartsWith(PdfSignature)) return Refused(AccessRequestErrors.LegalDocumentNotPdf);

        content.Position = 0;
        if (!await scanner.IsCleanAsync(content, ct)) return Refused(Infected);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length)));
        var name = SafeFileName(file.FileName);
        var stored = new StoredDocument(request.OrganizationId, request.Id, name, ContentType, content.Length, sha256, userId, now);
        content.Position = 0;
        await DocumentFiles.WriteAsync(paths, stored.Id, content, ct);
        _written = stored.Id;
        db.Documents.Add(stored);
        return new LegalDocument(stored.Id, name, content.Length, sha256);
    }

    /// <summary>Removes the file written by <see cref="AcceptAsync"/> when the change is not saved after all.</summary>
    public void Discard()
    {
        if (_written is { } id) DocumentFiles.Delete(paths, id);
        _written = null;
    }

    /// <summary>
    /// The name shown and offered on download: the last segment of what the browser sent, letters,
    /// digits and a few signs only, ending in ".pdf". It never becomes part of a path on disk.
    /// </summary>
    internal static string SafeFileName(string? clientName)
    {
        var last = (clientName ?? "").Split('/', '\\').Last().Trim();
        var safe = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            safe.Append(char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '(' or ')' ? c : '_');
        }

        var name = safe.ToString().Trim(' ', '.');
        if (name.Length == 0) name = "document";
        if (!name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) name += ".pdf";
        return name.Length <= LegalDocument.FileNameMaxLength ? name : name[^LegalDocument.FileNameMaxLength..];
    }

    private static Result<LegalDocument> Refused(Error error) => Result<LegalDocument>.From(Result.Invalid(error));
}
