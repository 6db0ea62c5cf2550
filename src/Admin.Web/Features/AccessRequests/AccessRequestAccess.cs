using Admin.Domain.AccessRequests;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.AccessRequests;

public sealed record MemberRequest(AccessRequest Request, MembershipRole Role)
{
    /// <summary>Editing, submitting, reopening and archiving are the applicant's.</summary>
    public bool IsApplicant => Role == MembershipRole.Applicant;
}

/// <summary>
/// Loads a request for the signed-in partner. Another organization's request is reported as
/// missing (the caller answers 404), never as forbidden, so its existence is not revealed.
/// </summary>
public sealed class AccessRequestAccess(AdminDbContext db, PartnerContext partner)
{
    public async Task<MemberRequest?> FindAsync(Guid requestId, CancellationToken ct, bool tracking = true)
    {
        var query = tracking ? db.AccessRequests : db.AccessRequests.AsNoTracking();
        var request = await query.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return null;
        var role = await partner.RoleInAsync(request.OrganizationId, ct);
        return role is null ? null : new MemberRequest(request, role.Value);
    }
}
