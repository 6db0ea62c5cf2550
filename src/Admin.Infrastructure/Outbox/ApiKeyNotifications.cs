using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Persistence;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// A revoked key is e-mailed to the applicant and the technical contact of its request, who hold
/// the keys (docs/decisions/0009-notifications.md). An issued key tells nobody: whoever created it
/// has just seen it, and the audit trail keeps it. No e-mail ever carries a secret; the prefix is enough.
/// </summary>
public sealed class ApiKeyNotifications(EmailLinks links) : IEventNotifications
{
    public const string RevokedKind = "api_key.revoked";

    public async ValueTask<IReadOnlyList<OutboxMessage>> ComposeAsync(DomainEvent domainEvent, AdminDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (domainEvent is not ApiKeyRevoked revoked) return [];

        var authorization = await db.Authorizations.FindAsync([revoked.AuthorizationId], ct)
            ?? throw new InvalidOperationException("The key's authorization does not exist.");
        var request = await db.AccessRequests.FindAsync([authorization.AccessRequestId], ct)
            ?? throw new InvalidOperationException("The authorization's request does not exist.");
        var applicant = await AccessRequestNotifications.ApplicantEmailAsync(request, db, ct);
        var procedure = request.Procedure.Name ?? "sans nom";
        var by = revoked.ByStaff ? "par l'équipe API Particulier" : "par un membre de votre organisation";
        string[] paragraphs =
        [
            $"La clé d'API « {revoked.Name} » ({revoked.Prefix}…, {revoked.Environment.FrenchLabel().ToLowerInvariant()}) de l'habilitation pour la démarche « {procedure} » a été révoquée {by}.",
            "Elle est refusée dès maintenant. Si un logiciel l'utilise encore, créez une nouvelle clé et remplacez-la.",
            $"Motif : « {revoked.RevocationReason} »",
        ];
        return [.. new[] { applicant, request.Contacts.TechnicalContact.Email }
            .Where(EmailAddress.IsValid)
            .Select(e => e!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(to => EmailComposer.Compose(RevokedKind, to, "Une clé d'API de votre organisation est révoquée", paragraphs,
                new EmailLink("Voir les clés de l'habilitation", links.KeysPage(authorization.Id)), revoked.OccurredAt))];
    }
}
