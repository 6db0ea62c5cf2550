using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Sirene;
using Mediator;

namespace Admin.Web.Features.Organizations;

/// <summary>
/// "Rechercher" beside the SIRET of the registration form: the State's directory (Sirene) gives the name, the street, the
/// postal code, the city and the legal category (read as a kind); what it does not give stays as typed, and the partner
/// can still correct everything. A closed establishment is said, not refused; a directory that is not configured, too
/// slow or unreadable leaves the form to be filled by hand, with a note.
/// </summary>
public static class LookUpSiret
{
    public sealed record Query(string? Siret) : IQuery<Result<SiretLookup>>;

    internal sealed class Handler(IEstablishmentDirectory directory) : IQueryHandler<Query, Result<SiretLookup>>
    {
        public async ValueTask<Result<SiretLookup>> Handle(Query query, CancellationToken ct)
        {
            var siret = Siret.Parse(query.Siret);
            if (siret.IsFailure) return Result<SiretLookup>.Failure(ErrorKind.Validation, [.. siret.Errors]);

            var answer = await directory.FindAsync(siret.Value, ct);
            return new SiretLookup(answer.Status, answer.Establishment);
        }
    }
}

/// <summary>What the directory said about one SIRET, and the note shown below the field.</summary>
public sealed record SiretLookup(DirectoryStatus Status, Establishment? Establishment)
{
    /// <summary>The key under which the registration view finds the lookup's note.</summary>
    public const string ViewDataKey = nameof(SiretLookup);

    public const string UnavailableNote = "Le service de recherche est indisponible, saisissez les informations.";

    public const string ClosedNote = "Cet établissement est fermé d'après le répertoire Sirene : vérifiez le numéro SIRET, " +
        "ou indiquez celui d'un établissement en activité. Vous pouvez corriger les informations reprises ci-dessous.";

    public const string FoundNote = "Les informations de l'établissement ont été reprises du répertoire Sirene : vérifiez-les " +
        "et corrigez-les si besoin.";

    public const string NotFoundNote = "Aucun établissement ne porte ce numéro SIRET dans le répertoire Sirene : vérifiez le numéro, " +
        "ou saisissez les informations.";

    public bool Closed => Establishment?.Closed == true;

    public string Note => Status switch
    {
        DirectoryStatus.Found when Closed => ClosedNote,
        DirectoryStatus.Found => FoundNote,
        DirectoryStatus.NotFound => NotFoundNote,
        _ => UnavailableNote,
    };

    /// <summary>The form with the directory's values where it has one; the rest as typed.</summary>
    public RegisterOrganization.Command Fill(RegisterOrganization.Command typed)
    {
        var address = typed.Address ?? RegisterOrganization.Command.Empty.Address!;
        if (Establishment is not { } found) return typed with { Address = address };

        return typed with
        {
            Name = Given(found.Name) ?? typed.Name,
            Kind = LegalCategories.KindOf(found.LegalCategory) ?? typed.Kind,
            Address = new RegisterOrganization.AddressInput(
                Given(found.Street) ?? address.Street, Given(found.PostalCode) ?? address.PostalCode, Given(found.City) ?? address.City),
        };
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
