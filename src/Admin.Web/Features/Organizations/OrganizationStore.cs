using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Organizations;

/// <summary>Loading an organization aggregate for one of its members; for anyone else it does not exist.</summary>
internal static class OrganizationStore
{
    /// <summary>
    /// The aggregate with its members and invitations when <paramref name="userId"/> is one of its
    /// members, otherwise null (the caller answers 404, not revealing that it exists).
    /// </summary>
    public static async Task<Organization?> FindForMemberAsync(this AdminDbContext db, Guid organizationId, Guid userId,
        CancellationToken ct, bool tracking = true)
    {
        var organization = await db.FindWithMembersAsync(organizationId, ct, tracking);
        return organization is not null && organization.IsMember(userId) ? organization : null;
    }

    /// <summary>The aggregate with its members and invitations, whoever asks (e.g. someone invited to join).</summary>
    public static Task<Organization?> FindWithMembersAsync(this AdminDbContext db, Guid organizationId, CancellationToken ct,
        bool tracking = true) =>
        (tracking ? db.Organizations : db.Organizations.AsNoTracking())
            .Include(o => o.Memberships)
            .Include(o => o.Invitations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == organizationId, ct);

    /// <summary>The invitation whose link carries <paramref name="token"/>, or null.</summary>
    public static async Task<Invitation?> FindInvitationAsync(this AdminDbContext db, string? token, CancellationToken ct)
    {
        // A real token is 43 characters; anything much longer is not worth hashing.
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = InvitationTokens.Hash(token);
        return await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    /// <summary>
    /// Applies one behaviour of the aggregate for one of its members and saves once; the domain
    /// decides the rest (who may, which rule is broken).
    /// </summary>
    public static async Task<Result> ChangeAsync(this AdminDbContext db, Guid organizationId, Guid actorId,
        Func<Organization, Result> change, CancellationToken ct)
    {
        var organization = await db.FindForMemberAsync(organizationId, actorId, ct);
        if (organization is null) return Result.NotFound();

        var outcome = change(organization);
        if (outcome.IsFailure) return outcome;

        return await db.SaveChangesOrConflictAsync(ct, OrganizationErrors.ChangedMeanwhile);
    }
}
