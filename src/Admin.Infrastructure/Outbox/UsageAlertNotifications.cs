using Admin.Domain.Common;
using Admin.Domain.Usage;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// A usage alert (80 % or 100 % of a quota, refusals that look like a broken integration) is e-mailed to the
/// applicant and the technical contact who hold the key, unless the key's preferences say no for that kind;
/// it is on the partner home either way. Once per alert: the alert itself is unique per key, kind, threshold and period.
/// </summary>
public sealed class UsageAlertNotifications(EmailLinks links) : IEventNotifications
{
    public const string Kind = "usage.alert";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (domainEvent is not UsageAlertRaised alert) return [];
        var key = await db.ApiKeys.AsNoTracking().Where(k => k.Id == alert.KeyId)
            .Select(k => new { k.Name, Prefix = k.Prefix, k.QuotaAlerts, k.RefusalAlerts }).SingleOrDefaultAsync(ct);
        if (key is null) return [];
        var wanted = alert.Kind == UsageAlertKind.Refusals ? key.RefusalAlerts : key.QuotaAlerts;
        if (!wanted) return [];

        var (_, request, holders) = await ApiKeyNotifications.KeyHoldersAsync(db, alert.AuthorizationId, ct);
        var procedure = request.Procedure.Name ?? "sans nom";
        var subject = alert.Kind switch
        {
            UsageAlertKind.DailyQuota => $"Clé « {key.Name} » : {alert.Threshold} % du quota journalier",
            UsageAlertKind.MonthlyQuota => $"Clé « {key.Name} » : {alert.Threshold} % du quota mensuel",
            _ => $"Clé « {key.Name} » : de nombreux appels refusés",
        };
        var period = alert.Kind switch
        {
            UsageAlertKind.DailyQuota => $"Journée du {FrenchDates.Day(alert.PeriodStart)}.",
            UsageAlertKind.MonthlyQuota => $"Mois commencé le {FrenchDates.Day(alert.PeriodStart)}.",
            _ => $"Heure commencée le {FrenchDates.DayAndTime(alert.PeriodStart)} ; détail par motif : {alert.Detail}.",
        };
        var paragraphs = new List<string>
        {
            $"La clé d'API « {key.Name} » ({key.Prefix.Display}…) de l'habilitation pour la démarche « {procedure} » : "
                + UsageAlert.Describe(alert.Kind, alert.Threshold, alert.Value, alert.Limit),
            period,
            alert.Kind == UsageAlertKind.Refusals
                ? "Vérifiez la configuration de votre logiciel : adresses IP autorisées, données demandées, cadence des appels."
                : "Si ce volume est normal, demandez une hausse du quota à l'équipe API Particulier en répondant sur votre demande.",
            $"Vous recevez ce message au plus une fois par période et par seuil. Pour choisir les alertes de cette clé : {links.AlertSettings(alert.AuthorizationId, alert.KeyId)}",
        };
        return [.. holders.Select(to => EmailComposer.Compose(Kind, to, subject, paragraphs,
            new EmailLink("Voir la consommation de la clé", links.UsagePage(alert.AuthorizationId, alert.KeyId)), alert.OccurredAt))];
    }
}
