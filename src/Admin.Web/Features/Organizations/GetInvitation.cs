using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Organizations;

public sealed record InvitationPage(string Token, string OrganizationName, string Siret, MembershipRole Role, string InviterName,
    string InvitedEmail, DateTimeOffset ExpiresAt, string? YourEmail, string? NoLongerValid)
{
    /// <summary>The signed-in account is the one invited (the domain checks it again on acceptance).</summary>
    public bool IsForYou => string.Equals(InvitedEmail, YourEmail, StringComparison.OrdinalIgnoreCase);

    public bool CanAccept => NoLongerValid is null && IsForYou;
}

/// <summary>What an invitation link offers, for the signed-in partner who opened it. An unknown token: 404.</summary>
public static class GetInvitation
{
    public sealed record Query(string Token) : IQuery<Result<InvitationPage>>;

    internal sealed class Handler(AdminDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<Query, Result<InvitationPage>>
    {
        public async ValueTask<Result<InvitationPage>> Handle(Query query, CancellationToken ct)
        {
            var invitation = await db.FindInvitationAsync(query.Token, ct);
            if (invitation is null) return Result<InvitationPage>.From(Result.NotFound());

            var organization = await db.Organizations.AsNoTracking()
                .Where(o => o.Id == invitation.OrganizationId)
                .Select(o => new { o.Name, o.Siret })
                .SingleAsync(ct);
            var inviter = await db.Users.AsNoTracking().Where(u => u.Id == invitation.InvitedBy)
                .Select(u => u.FirstName + " " + u.LastName).FirstOrDefaultAsync(ct);
            var yourEmail = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.Email).FirstOrDefaultAsync(ct);

            return new InvitationPage(query.Token, organization.Name, organization.Siret.Value, invitation.Role,
                string.IsNullOrWhiteSpace(inviter) ? "Un demandeur de l'organisation" : inviter.Trim(),
                invitation.Email, invitation.ExpiresAt, yourEmail, NoLongerValid(invitation, time.GetUtcNow()));
        }

        /// <summary>Why the link no longer works, in the domain's words; null while it is pending.</summary>
        private static string? NoLongerValid(Invitation invitation, DateTimeOffset now) =>
            invitation.RevokedAt is not null ? OrganizationErrors.InvitationNotFound.Message
            : invitation.AcceptedAt is not null ? OrganizationErrors.InvitationAlreadyUsed.Message
            : invitation.IsExpired(now) ? OrganizationErrors.InvitationExpired.Message
            : null;
    }
}
