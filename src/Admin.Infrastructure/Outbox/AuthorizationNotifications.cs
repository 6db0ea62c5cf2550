using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// An authorization's expiry reminder, and the answer to its prolongation questionnaire (prolonged, or
/// sent back through review), go to the applicant and the technical contact of its request, who hold
/// the keys (docs/decisions/0009-notifications.md, 0014, 0016).
/// </summary>
public sealed class AuthorizationNotifications(EmailLinks links) : IEventNotifications
{
    public const string ExpiryReminderKind = "authorization.expiry_reminder";
    public const string ProlongedKind = "authorization.prolonged";
    public const string ProlongationReviewKind = "authorization.prolongation_review";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (domainEvent is AuthorizationProlonged or AuthorizationProlongationReviewRequested) return await ProlongationAsync(domainEvent, db, ct);
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

    private async Task<IReadOnlyList<OutboxMessage>> ProlongationAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        var (authorization, request, holders) = await ApiKeyNotifications.KeyHoldersAsync(db, domainEvent.AggregateId, ct);
        var what = $"L'habilitation de votre organisation pour la démarche « {request.Procedure.Name ?? "sans nom"} »";
        var (kind, subject, paragraphs, link) = domainEvent is AuthorizationProlonged prolonged
            ? (ProlongedKind, "Votre habilitation API Particulier est prolongée", new[]
            {
                $"{what} est prolongée jusqu'au {FrenchDates.Day(ParisTime.StartOfDay(prolonged.ExpiresOn))} inclus (elle se terminait le {FrenchDates.Day(ParisTime.StartOfDay(prolonged.PreviousExpiresOn))}).",
                "Ses clés d'API sont prolongées avec elle : rien à changer dans vos logiciels.",
            }, new EmailLink("Voir l'habilitation et ses clés", links.KeysPage(authorization.Id)))
            : (ProlongationReviewKind, "Votre demande API Particulier est rouverte pour la prolongation", new[]
            {
                $"{what} ne peut pas être prolongée telle quelle : le questionnaire de prolongation signale un changement.",
                "La demande est rouverte : mettez à jour ce qui a changé, puis soumettez-la à nouveau pour instruction. Les clés d'API continuent de fonctionner pendant ce temps, jusqu'à la fin de l'habilitation.",
            }, new EmailLink("Mettre à jour la demande", links.RequestPage(request.Id)));
        return [.. holders.Select(to => EmailComposer.Compose(kind, to, subject, paragraphs, link, domainEvent.OccurredAt))];
    }
}
