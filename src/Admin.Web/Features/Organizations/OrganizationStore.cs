using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Organizations;

/// <summary>Loading an organization aggregate: for someone invited to join, and for a change by one of its members.</summary>
internal static class OrganizationStore
{
    /// <summary>The aggregate with its members and invitations, whoever asks (someone invited to join holds its token).</summary>
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
    /// Applies one behaviour of the aggregate when the access service grants <paramref name="need"/>,
    /// and saves once; the domain decides the rest (which rule is broken).
    /// </summary>
    public static async Task<Result> ChangeAsync(this AdminDbContext db, AccessService access, Guid organizationId, Need need,
        Func<Organization, Result> change, CancellationToken ct)
    {
        var allowed = await access.ForOrganizationAsync(organizationId, need, ct);
        if (allowed.IsFailure) return allowed;

        var outcome = change(allowed.Value.Organization);
        if (outcome.IsFailure) return outcome;

        return await db.SaveChangesOrConflictAsync(ct, OrganizationErrors.ChangedMeanwhile);
    }
}
