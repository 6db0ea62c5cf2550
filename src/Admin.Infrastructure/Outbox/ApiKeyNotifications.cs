using Admin.Domain.AccessRequests;
using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// A revoked or renewed key is e-mailed to the applicant and the technical contact of its request, who hold
/// the keys (docs/decisions/0009-notifications.md). An issued key tells nobody: whoever created it
/// has just seen it, and the audit trail keeps it. No e-mail ever carries a secret; the prefix is enough.
/// </summary>
public sealed class ApiKeyNotifications(EmailLinks links) : IEventNotifications
{
    public const string RevokedKind = "api_key.revoked";
    public const string RenewedKind = "api_key.renewed";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (domainEvent is not (ApiKeyRevoked or ApiKeyRenewed)) return [];
        var keyEvent = (ApiKeyEvent)domainEvent;

        var (authorization, request, holders) = await KeyHoldersAsync(db, keyEvent.AuthorizationId, ct);
        var procedure = request.Procedure.Name ?? "sans nom";
        var key = $"La clé d'API « {keyEvent.Name} » ({keyEvent.Prefix}…, {keyEvent.Environment.FrenchLabel().ToLowerInvariant()}) de l'habilitation pour la démarche « {procedure} »";
        var (kind, subject, paragraphs) = domainEvent switch
        {
            ApiKeyRevoked revoked => (RevokedKind, "Une clé d'API de votre organisation est révoquée", new[]
            {
                $"{key} a été révoquée {(revoked.ByStaff ? "par l'équipe API Particulier" : "par un membre de votre organisation")}.",
                "Elle est refusée dès maintenant. Si un logiciel l'utilise encore, créez une nouvelle clé et remplacez-la.",
                $"Motif : « {revoked.RevocationReason} »",
            }),
            ApiKeyRenewed renewed => (RenewedKind, "Une clé d'API de votre organisation est renouvelée", new[]
            {
                $"{key} a été renouvelée par un membre de votre organisation : la nouvelle clé commence par {renewed.NewPrefix}….",
                renewed.OldKeyExpiresAt <= renewed.OccurredAt
                    ? "L'ancienne clé est refusée dès maintenant."
                    : $"L'ancienne clé fonctionne encore jusqu'au {FrenchDates.DayAndTime(renewed.OldKeyExpiresAt)}, puis elle sera refusée : remplacez-la d'ici là dans vos logiciels.",
                "Si vous n'êtes pas à l'origine de ce renouvellement, révoquez la nouvelle clé et prévenez l'équipe API Particulier.",
            }),
            _ => throw new InvalidOperationException("Unreachable."),
        };
        return [.. holders.Select(to => EmailComposer.Compose(kind, to, subject, paragraphs,
                new EmailLink("Voir les clés de l'habilitation", links.KeysPage(authorization.Id)), keyEvent.OccurredAt))];
    }

    /// <summary>
    /// An authorization, its request and who holds its keys: the request's applicant and technical contact,
    /// each address once, an empty or invalid one skipped. Shared with <see cref="AuthorizationNotifications"/>.
    /// </summary>
    internal static async Task<(Authorization Authorization, AccessRequest Request, IReadOnlyList<string> To)> KeyHoldersAsync(
        AdminDbContext db, Guid authorizationId, CancellationToken ct)
    {
        var authorization = await db.Authorizations.FindAsync([authorizationId], ct)
            ?? throw new InvalidOperationException("The authorization does not exist.");
        var request = await db.AccessRequests.FindAsync([authorization.AccessRequestId], ct)
            ?? throw new InvalidOperationException("The authorization's request does not exist.");
        var applicant = await AccessRequestNotifications.ApplicantEmailAsync(request, db, ct);
        return (authorization, request, [.. Recipients.Usable([applicant, request.Contacts.TechnicalContact.Email])]);
    }
}
