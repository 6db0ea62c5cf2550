using Admin.Domain.Common;
using static Admin.Domain.AccessRequests.SectionRules;

namespace Admin.Domain.AccessRequests;

/// <summary>Step 2, "Cadre juridique": the text that allows the procedure, as a link or an uploaded PDF.</summary>
public sealed record LegalBasis
{
    public const int TitleMaxLength = 300;
    public const int UrlMaxLength = 2000;

    private LegalBasis() { }

    public LegalBasis(string? title, string? url, LegalDocument? document)
    {
        Title = Clean(title);
        Url = Clean(url);
        Document = document;
    }

    internal static LegalBasis Empty() => new();

    public string? Title { get; private set; }
    public string? Url { get; private set; }
    public LegalDocument? Document { get; private set; }

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        RequiredText(errors, nameof(Title), Title, TitleMaxLength, AccessRequestErrors.LegalTitleRequired, AccessRequestErrors.LegalTitleTooLong);
        OptionalHttpUrl(errors, nameof(Url), Url, UrlMaxLength, AccessRequestErrors.LegalUrlInvalid, AccessRequestErrors.LegalUrlTooLong);
        if (Url is null && Document is null)
            errors.Add(AccessRequestErrors.LegalSourceRequired.ForField(nameof(Url)));
        if (Document is not null)
            errors.AddRange(Document.Validate().Select(e => e.ForField(nameof(Document))));
        return errors;
    }

    internal LegalBasis Copy() => this with { Document = Document is null ? null : Document with { } };
}

/// <summary>
/// An uploaded file kept by the infrastructure; the request only references it. Its size and hash
/// are computed by our code from the stored bytes, its name comes from the user.
/// </summary>
public sealed record LegalDocument
{
    public const long MaxSizeBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 255;

    private LegalDocument() { }

    public LegalDocument(Guid documentId, string fileName, long sizeBytes, string sha256)
    {
        if (documentId == Guid.Empty) throw new ArgumentException("A stored document has an id.", nameof(documentId));
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);
        if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigit))
            throw new ArgumentException("Expected a SHA-256 as 64 hexadecimal digits.", nameof(sha256));

        DocumentId = documentId;
        var name = Path.GetFileName(fileName.Trim());
        FileName = name.Length <= FileNameMaxLength ? name : name[^FileNameMaxLength..];
        SizeBytes = sizeBytes;
        Sha256 = sha256.ToLowerInvariant();
    }

    public Guid DocumentId { get; private set; }
    public string FileName { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";

    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (!FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) errors.Add(AccessRequestErrors.LegalDocumentNotPdf);
        if (SizeBytes == 0) errors.Add(AccessRequestErrors.LegalDocumentEmpty);
        else if (SizeBytes > MaxSizeBytes) errors.Add(AccessRequestErrors.LegalDocumentTooLarge);
        return errors;
    }
}
