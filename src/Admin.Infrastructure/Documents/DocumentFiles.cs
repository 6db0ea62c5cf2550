namespace Admin.Infrastructure.Documents;

/// <summary>
/// Where the bytes of a <see cref="StoredDocument"/> live: the uploads folder of the data
/// directory, outside the web root, under the document id only (never a name a user chose).
/// </summary>
public static class DocumentFiles
{
    public static string PathOf(DataPaths paths, Guid documentId)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Path.Combine(paths.Uploads, documentId.ToString("N"));
    }

    /// <summary>Writes the content under the document id; the folder is created if needed.</summary>
    public static async Task WriteAsync(DataPaths paths, Guid documentId, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(paths.Uploads);
        await using var file = new FileStream(PathOf(paths, documentId), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, ct);
    }

    /// <summary>The stored bytes, or null when the file is missing.</summary>
    public static Stream? OpenRead(DataPaths paths, Guid documentId)
    {
        var path = PathOf(paths, documentId);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public static void Delete(DataPaths paths, Guid documentId) => File.Delete(PathOf(paths, documentId));
}
