using System.Net.Http.Json;
using System.Text.Json;
using Admin.Domain.Organizations;
using Microsoft.Extensions.Logging;

namespace Admin.Infrastructure.Sirene;

/// <summary>
/// API Recherche d'entreprises (<c>GET /search?q=&lt;siret&gt;</c>): the legal units whose establishments match, each with its
/// head office (<c>siege</c>) and matching establishments. The establishment with this exact SIRET is the answer; a 3-second
/// timeout (the typed client's), an error status or an answer of another shape is <see cref="DirectoryStatus.Unavailable"/>.
/// </summary>
internal sealed class SireneDirectory(HttpClient http, ILogger<SireneDirectory> logger) : IEstablishmentDirectory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public bool IsConfigured => true;

    public async Task<DirectoryAnswer> FindAsync(Siret siret, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync($"search?q={siret.Value}&per_page=5", ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The Sirene directory answered {Status}", (int)response.StatusCode);
                return DirectoryAnswer.Unavailable;
            }

            var answer = await response.Content.ReadFromJsonAsync<SearchAnswer>(Json, ct);
            if (answer?.Results is null)
            {
                logger.LogWarning("The Sirene directory's answer has no results list");
                return DirectoryAnswer.Unavailable;
            }

            return Find(answer.Results, siret.Value);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException
                                      || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            // Unreachable, too slow or unreadable: the partner types the information by hand.
            logger.LogWarning("The Sirene directory could not be read: {Error}", e.GetType().Name);
            return DirectoryAnswer.Unavailable;
        }
    }

    private static DirectoryAnswer Find(IEnumerable<LegalUnit?> units, string siret)
    {
        foreach (var unit in units.OfType<LegalUnit>())
        {
            var establishment = new[] { unit.Siege }.Concat(unit.MatchingEtablissements ?? [])
                .FirstOrDefault(e => e?.Siret == siret);
            if (establishment is null) continue;

            return new DirectoryAnswer(DirectoryStatus.Found, new Establishment(siret, unit.NomComplet?.Trim() ?? "",
                StreetOf(establishment), establishment.CodePostal?.Trim(), establishment.LibelleCommune?.Trim(),
                Closed: establishment.EtatAdministratif == "F", unit.NatureJuridique?.Trim()));
        }

        return DirectoryAnswer.NotFound;
    }

    /// <summary>"adresse" is the whole line ("PLACE LAZARE GOUJON 69100 VILLEURBANNE"): the form wants the street alone.</summary>
    private static string? StreetOf(EstablishmentAnswer establishment)
    {
        var address = establishment.Adresse?.Trim();
        if (string.IsNullOrEmpty(address)) return null;

        var tail = $"{establishment.CodePostal} {establishment.LibelleCommune}".Trim();
        return tail.Length > 0 && address.EndsWith(tail, StringComparison.OrdinalIgnoreCase) && address.Length > tail.Length
            ? address[..^tail.Length].Trim()
            : address;
    }

    private sealed record SearchAnswer(List<LegalUnit?>? Results);

    private sealed record LegalUnit(string? NomComplet, string? NatureJuridique, EstablishmentAnswer? Siege,
        List<EstablishmentAnswer?>? MatchingEtablissements);

    private sealed record EstablishmentAnswer(string? Siret, string? Adresse, string? CodePostal, string? LibelleCommune,
        string? EtatAdministratif);
}
