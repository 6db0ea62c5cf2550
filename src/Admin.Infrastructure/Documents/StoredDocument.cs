namespace Admin.Infrastructure.Documents;

/// <summary>
/// An uploaded file's metadata. The bytes live in the data folder (outside the web root) under
/// <see cref="Id"/>; only the organization's members and staff may download them.
/// </summary>
public sealed class StoredDocument
{
    private StoredDocument() { }

    public StoredDocument(Guid organizationId, Guid accessRequestId, string fileName, string contentType, long sizeBytes,
        string sha256, Guid uploadedBy, DateTimeOffset uploadedAt)
    {
        OrganizationId = organizationId;
        AccessRequestId = accessRequestId;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OrganizationId { get; private set; }
    public Guid AccessRequestId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public Guid UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
