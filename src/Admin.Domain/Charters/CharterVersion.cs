namespace Admin.Domain.Charters;

/// <summary>
/// One published version of the charter (charte / CGU). A partner accepts a version; a new
/// <em>major</em> version requires accepting again, a minor one (wording) does not.
/// </summary>
public sealed class CharterVersion
{
    private CharterVersion() { }

    public CharterVersion(int major, int minor, string title, string body, DateTimeOffset publishedAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(major, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        Major = major;
        Minor = minor;
        Title = title;
        Body = body;
        PublishedAt = publishedAt;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public int Major { get; private set; }
    public int Minor { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }

    public string Label => $"{Major}.{Minor}";

    /// <summary>Whether an acceptance of <paramref name="accepted"/> still holds under this version.</summary>
    public bool IsCoveredByAcceptanceOf(int acceptedMajor) => acceptedMajor == Major;
}
