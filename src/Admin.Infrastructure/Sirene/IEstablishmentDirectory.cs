using Admin.Domain.Organizations;

namespace Admin.Infrastructure.Sirene;

/// <summary>
/// The State's directory of establishments (API Recherche d'entreprises, fed by Sirene), asked for one SIRET so that
/// the registration form can be pre-filled. Never throws for the directory's faults: they are <see cref="DirectoryStatus.Unavailable"/>.
/// </summary>
public interface IEstablishmentDirectory
{
    /// <summary>False when <c>Sirene:BaseUrl</c> is not set: the form offers no "Rechercher".</summary>
    bool IsConfigured { get; }

    Task<DirectoryAnswer> FindAsync(Siret siret, CancellationToken ct);
}

public enum DirectoryStatus
{
    Found,
    NotFound,
    /// <summary>Not configured, unreachable, too slow, or an answer we cannot read.</summary>
    Unavailable,
}

/// <summary>One establishment as the directory describes it; <see cref="LegalCategory"/> is the INSEE catégorie juridique.</summary>
public sealed record Establishment(string Siret, string Name, string? Street, string? PostalCode, string? City, bool Closed,
    string? LegalCategory);

public sealed record DirectoryAnswer(DirectoryStatus Status, Establishment? Establishment = null)
{
    public static DirectoryAnswer Unavailable { get; } = new(DirectoryStatus.Unavailable);
    public static DirectoryAnswer NotFound { get; } = new(DirectoryStatus.NotFound);
}

/// <summary>When <c>Sirene:BaseUrl</c> is not set: the form is filled by hand.</summary>
internal sealed class NoEstablishmentDirectory : IEstablishmentDirectory
{
    public bool IsConfigured => false;

    public Task<DirectoryAnswer> FindAsync(Siret siret, CancellationToken ct) => Task.FromResult(DirectoryAnswer.Unavailable);
}

public sealed class SireneOptions
{
    public const string Section = "Sirene";

    /// <summary>For instance https://recherche-entreprises.api.gouv.fr; unset, there is no lookup.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Beyond this, the partner types the information by hand.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
}
