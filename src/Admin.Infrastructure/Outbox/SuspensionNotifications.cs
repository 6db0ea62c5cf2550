using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// A suspension or its end, of one authorization or of a whole organization, is e-mailed to the
/// applicant and the technical contact of each request concerned, who hold the keys
/// (docs/decisions/0009-notifications.md); for an organization, each address once.
/// </summary>
public sealed class SuspensionNotifications(EmailLinks links) : IEventNotifications
{
    public const string SuspendedKind = "authorization.suspended";
    public const string ResumedKind = "authorization.resumed";
    public const string OrganizationSuspendedKind = "organization.suspended";
    public const string OrganizationResumedKind = "organization.resumed";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return domainEvent switch
        {
            AuthorizationSuspended or AuthorizationResumed => await ForAuthorizationAsync(domainEvent, db, ct),
            OrganizationSuspended or OrganizationResumed => await ForOrganizationAsync(domainEvent, db, ct),
            _ => [],
        };
    }

    private async Task<IReadOnlyList<OutboxMessage>> ForAuthorizationAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        var (authorization, request, holders) = await ApiKeyNotifications.KeyHoldersAsync(db, domainEvent.AggregateId, ct);
        var what = $"L'habilitation de votre organisation pour la démarche « {request.Procedure.Name ?? "sans nom"} »";
        var (kind, subject, paragraphs) = domainEvent is AuthorizationSuspended suspended
            ? (SuspendedKind, "Votre habilitation API Particulier est suspendue", new[]
            {
                $"{what} a été suspendue par l'équipe API Particulier.",
                "Ses clés d'API sont refusées dès maintenant, et aucune clé ne peut être créée, jusqu'à la reprise de l'habilitation.",
                $"Motif : « {suspended.SuspensionReason} »",
            })
            : (ResumedKind, "Votre habilitation API Particulier est reprise", new[]
            {
                $"{what} a été reprise par l'équipe API Particulier.",
                "Ses clés d'API sont de nouveau acceptées.",
            });
        return [.. holders.Select(to => EmailComposer.Compose(kind, to, subject, paragraphs,
                new EmailLink("Voir l'habilitation et ses clés", links.KeysPage(authorization.Id)), domainEvent.OccurredAt))];
    }

    private async Task<IReadOnlyList<OutboxMessage>> ForOrganizationAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        var organization = await db.Organizations.FindAsync([domainEvent.AggregateId], ct)
            ?? throw new InvalidOperationException("The organization does not exist.");
        var authorizationIds = await db.Authorizations.AsNoTracking()
            .Where(a => a.OrganizationId == organization.Id && a.Status != AuthorizationStatus.Revoked)
            .OrderBy(a => a.CreatedAt).Select(a => a.Id).ToListAsync(ct);

        // Each holder once, with a link to the first of their authorizations.
        var firstKeysPage = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in authorizationIds)
        {
            var (_, _, holders) = await ApiKeyNotifications.KeyHoldersAsync(db, id, ct);
            foreach (var to in holders) firstKeysPage.TryAdd(to, id);
        }

        var (kind, subject, paragraphs) = domainEvent is OrganizationSuspended suspended
            ? (OrganizationSuspendedKind, "Votre organisation est suspendue sur API Particulier", new[]
            {
                $"L'organisation {organization.Name} a été suspendue par l'équipe API Particulier.",
                "Toutes ses clés d'API sont refusées dès maintenant, et aucune clé ne peut être créée, jusqu'à la reprise de l'organisation.",
                $"Motif : « {suspended.SuspensionReason} »",
            })
            : (OrganizationResumedKind, "Votre organisation est reprise sur API Particulier", new[]
            {
                $"L'organisation {organization.Name} a été reprise par l'équipe API Particulier.",
                "Ses clés d'API sont de nouveau acceptées, sauf celles d'une habilitation elle-même suspendue, révoquée ou expirée.",
            });
        return [.. firstKeysPage.Select(pair => EmailComposer.Compose(kind, pair.Key, subject, paragraphs,
                new EmailLink("Voir les habilitations et leurs clés", links.KeysPage(pair.Value)), domainEvent.OccurredAt))];
    }
}
