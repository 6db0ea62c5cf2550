using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// An authorization's expiry reminder goes to the applicant and the technical contact of its request,
/// who hold the keys (docs/decisions/0009-notifications.md, 0014).
/// </summary>
public sealed class AuthorizationNotifications(EmailLinks links) : IEventNotifications
{
    public const string ExpiryReminderKind = "authorization.expiry_reminder";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (domainEvent is not AuthorizationExpiryReminded reminded) return [];

        var (authorization, request, holders) = await ApiKeyNotifications.KeyHoldersAsync(db, reminded.AggregateId, ct);
        var procedure = request.Procedure.Name ?? "sans nom";
        var day = FrenchDates.Day(ParisTime.StartOfDay(reminded.ExpiresOn));
        var when = reminded.DaysLeft switch
        {
            0 => $"expire aujourd'hui, le {day} à minuit",
            1 => $"expire demain, le {day} à minuit",
            var n => $"expire dans {n} jours, le {day} à minuit",
        };
        var subject = reminded.DaysLeft == 0 ? "Votre habilitation API Particulier expire aujourd'hui" : $"Votre habilitation API Particulier expire dans {reminded.DaysLeft} jour{(reminded.DaysLeft > 1 ? "s" : "")}";
        string[] paragraphs =
        [
            $"L'habilitation de votre organisation pour la démarche « {procedure} » {when}.",
            "Ses clés d'API seront alors refusées. Pour continuer à utiliser API Particulier, demandez sa prolongation avant cette date.",
        ];
        return [.. holders.Select(to => EmailComposer.Compose(ExpiryReminderKind, to, subject, paragraphs,
                new EmailLink("Voir l'habilitation et ses clés", links.KeysPage(authorization.Id)), reminded.OccurredAt))];
    }
}
