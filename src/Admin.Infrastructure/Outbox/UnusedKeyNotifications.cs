using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// "Écrire aux détenteurs" from the staff usage page: the applicant and the technical contact who hold a key
/// unused for 30 days are asked to use it or revoke it (an unused key that leaks is a risk nobody watches).
/// One e-mail per key and holder; never the secret, the prefix is enough.
/// </summary>
public sealed class UnusedKeyNotifications(EmailLinks links) : IEventNotifications
{
    public const string Kind = "api_key.unused_reminded";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (domainEvent is not ApiKeyUnusedReminded reminded) return [];

        var (authorization, request, holders) = await ApiKeyNotifications.KeyHoldersAsync(db, reminded.AuthorizationId, ct);
        var procedure = request.Procedure.Name ?? "sans nom";
        var since = reminded.LastUsedAt is { } last
            ? $"n'a pas servi depuis le {FrenchDates.Day(last)}"
            : $"n'a jamais servi depuis sa création le {FrenchDates.Day(reminded.CreatedAt)}";
        string[] paragraphs =
        [
            $"La clé d'API « {reminded.Name} » ({reminded.Prefix}…, {reminded.Environment.FrenchLabel().ToLowerInvariant()}) de l'habilitation pour la démarche « {procedure} » {since}.",
            "Une clé qui ne sert pas reste valable : si elle fuitait, personne ne le remarquerait. Si votre logiciel n'en a plus besoin, révoquez-la ; si elle doit servir bientôt, vous pouvez ignorer ce message.",
            "L'équipe API Particulier",
        ];
        return [.. holders.Select(to => EmailComposer.Compose(Kind, to, $"Votre clé d'API « {reminded.Name} » ne sert pas", paragraphs,
            new EmailLink("Voir les clés de l'habilitation", links.KeysPage(authorization.Id)), reminded.OccurredAt))];
    }
}
