using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Infrastructure.Outbox;

/// <summary>
/// Who holds the keys of many authorizations at once, for lists and exports: as
/// <see cref="ApiKeyNotifications.KeyHoldersAsync"/> (the request's applicant and technical contact, each
/// address once, an empty or invalid one skipped), in two queries whatever the number of authorizations.
/// </summary>
public static class KeyHolders
{
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> OfAuthorizationsAsync(AdminDbContext db,
        IReadOnlyCollection<Guid> authorizationIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = authorizationIds.Distinct().ToList();
        var requests = await db.Authorizations.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Join(db.AccessRequests.AsNoTracking(), a => a.AccessRequestId, r => r.Id,
                (a, r) => new { AuthorizationId = a.Id, r.ApplicantId, Technical = r.Contacts.TechnicalContact.Email })
            .ToListAsync(ct);
        var applicantIds = requests.Select(r => r.ApplicantId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => applicantIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        return requests.ToDictionary(r => r.AuthorizationId,
            r => (IReadOnlyList<string>)[.. Recipients.Usable([emails.GetValueOrDefault(r.ApplicantId), r.Technical])]);
    }
}
