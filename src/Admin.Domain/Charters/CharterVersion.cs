using Admin.Domain.Common;

namespace Admin.Domain.Charters;

/// <summary>How a new version differs from the current one.</summary>
public enum CharterChange
{
    /// <summary>Wording: the acceptances of the current major version still hold.</summary>
    Minor,

    /// <summary>New commitments: every partner must accept again before their next submission.</summary>
    Major,
}

/// <summary>
/// One published version of the charter (charte / CGU). A partner accepts a version; a new
/// <em>major</em> version requires accepting again, a minor one (wording) does not.
/// </summary>
public sealed class CharterVersion
{
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 100_000;

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

    /// <summary>
    /// The version that follows this one: a major change bumps the major number and starts the minor
    /// one again at 0 (1.3 → 2.0), a minor change bumps the minor number (1.3 → 1.4).
    /// </summary>
    public Result<CharterVersion> Next(CharterChange? change, string? title, string? body, DateTimeOffset now)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(CharterErrors.TitleRequired.ForField("Title"));
        else if (title.Trim().Length > TitleMaxLength) errors.Add(CharterErrors.TitleTooLong.ForField("Title"));
        if (string.IsNullOrWhiteSpace(body)) errors.Add(CharterErrors.BodyRequired.ForField("Body"));
        else if (body.Trim().Length > BodyMaxLength) errors.Add(CharterErrors.BodyTooLong.ForField("Body"));
        if (change is not (CharterChange.Minor or CharterChange.Major)) errors.Add(CharterErrors.ChangeRequired.ForField("Change"));
        if (errors.Count > 0) return Result<CharterVersion>.Failure(ErrorKind.Validation, errors);

        return change == CharterChange.Major
            ? new CharterVersion(Major + 1, 0, title!.Trim(), body!.Trim(), now)
            : new CharterVersion(Major, Minor + 1, title!.Trim(), body!.Trim(), now);
    }

    /// <summary>Whether an acceptance of <paramref name="accepted"/> still holds under this version.</summary>
    public bool IsCoveredByAcceptanceOf(int acceptedMajor) => acceptedMajor == Major;
}

public static class CharterErrors
{
    public static readonly Error TitleRequired = new("charter.title_required", "Saisissez le titre de la charte.");
    public static readonly Error TitleTooLong = new("charter.title_too_long", $"Le titre ne peut pas dépasser {CharterVersion.TitleMaxLength} caractères.");
    public static readonly Error BodyRequired = new("charter.body_required", "Saisissez le texte de la charte.");
    public static readonly Error BodyTooLong = new("charter.body_too_long", $"Le texte ne peut pas dépasser {CharterVersion.BodyMaxLength} caractères.");
    public static readonly Error ChangeRequired = new("charter.change_required", "Indiquez s'il s'agit d'une version mineure ou majeure.");
    public static readonly Error PublishedMeanwhile = new("charter.published_meanwhile", "Une autre version de la charte vient d'être publiée. Relisez-la avant de publier la vôtre.");
}
