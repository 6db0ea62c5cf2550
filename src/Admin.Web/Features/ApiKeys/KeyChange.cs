using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.ApiKeys;

/// <summary>
/// A change to one key by its organization's applicant or technical contact: checked for the key's
/// authorization, made by the domain, saved (or reported as a conflict).
/// </summary>
internal static class KeyChange
{
    public static async Task<Result> ApplyAsync(AdminDbContext db, AccessService access, Guid authorizationId, Guid keyId,
        Func<ApiKey, Organization, Result> change, CancellationToken ct)
    {
        var allowed = await access.ForAuthorizationAsync(authorizationId, Need.IssueKeys, ct);
        if (allowed.IsFailure) return allowed;
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.AuthorizationId == authorizationId, ct);
        if (key is null) return Result.NotFound();

        var outcome = change(key, allowed.Value.Organization);
        if (outcome.IsFailure) return outcome;
        return await db.SaveChangesOrConflictAsync(ct);
    }
}
