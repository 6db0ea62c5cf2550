using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.AccessRequests;
using Admin.Web.Features.AccessRequests.Steps;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.ApiKeys;

/// <summary>
/// An authorization's key page: what it grants (French scope names, limits, expiry) and its keys
/// (name, visible prefix, environment, created, last used, expiry, status), never a secret. For the
/// organization's applicants and technical contacts at /habilitations/{id}/cles, for staff at
/// /instruction/habilitations/{id}/cles.
/// </summary>
public static class KeyPage
{
    public sealed record Query(Guid AuthorizationId, bool AsStaff) : IQuery<Result<View>>;

    public sealed record KeyRow(Guid Id, string Name, string Prefix, ApiKeyEnvironment Environment, DateTimeOffset CreatedAt,
        DateTimeOffset? LastUsedAt, DateTimeOffset ExpiresAt, ApiKeyStatus Status, DateTimeOffset? RevokedAt, string? RevocationReason, bool Renewed,
        IReadOnlyList<string> AllowedIps)
    {
        /// <summary>Active and not yet replaced: "Renouveler" is offered.</summary>
        public bool CanBeRenewed => Status == ApiKeyStatus.Active && !Renewed;
    }

    public sealed record View(
        Authorization Authorization,
        Guid RequestId,
        string RequestTitle,
        string OrganizationName,
        IReadOnlyDictionary<string, string> ScopeLabels,
        IReadOnlyList<KeyRow> Keys,
        bool AsStaff,
        bool CanIssue,
        bool CanRevoke,
        bool IsUsable,
        string? OrganizationSuspensionReason = null,
        bool CanSuspend = false,
        bool CanProlong = false)
    {
        /// <summary>Its keys answer SUSPENDED: the authorization or its whole organization is suspended.</summary>
        public bool IsSuspended => Authorization.Status == AuthorizationStatus.Suspended || OrganizationSuspensionReason is not null;

        /// <summary>The authorization's state in French, as its keys are judged: revoked, suspended, expired or current.</summary>
        public string StateText =>
            Authorization.Status == AuthorizationStatus.Revoked ? "révoquée"
            : IsSuspended ? "suspendue"
            : !IsUsable ? "expirée"
            : "en cours";

        public string ScopeName(string code) => ScopeLabels.GetValueOrDefault(code) is { Length: > 0 } label ? label : code;

        /// <summary>Where this page and its actions live, for partners or for staff.</summary>
        public string BasePath => KeyRoutes.Keys(Authorization.Id, AsStaff);

        public string RequestPath => AsStaff ? $"/instruction/demandes/{RequestId}" : $"/demandes/{RequestId}";
    }

    internal sealed class Handler(AdminDbContext db, AccessService access, TimeProvider time) : IQueryHandler<Query, Result<View>>
    {
        public async ValueTask<Result<View>> Handle(Query query, CancellationToken ct)
        {
            var allowed = await access.ForAuthorizationAsync(query.AuthorizationId, Need.SeeKeys, ct);
            if (allowed.IsFailure) return Result<View>.From(allowed);
            return await BuildAsync(db, allowed.Value, query.AsStaff, time.GetUtcNow(), ct);
        }
    }

    /// <summary>One key on its authorization's page, when the user may act on it for <paramref name="need"/>: the forms of a key.</summary>
    internal static async Task<Result<(View Page, KeyRow Key)>> ForKeyAsync(AdminDbContext db, AccessService access, Guid authorizationId, Guid keyId,
        Need need, DateTimeOffset now, CancellationToken ct)
    {
        var allowed = await access.ForAuthorizationAsync(authorizationId, need, ct);
        if (allowed.IsFailure) return Result<(View, KeyRow)>.From(allowed);
        var page = await BuildAsync(db, allowed.Value, asStaff: false, now, ct);
        var key = page.Keys.FirstOrDefault(k => k.Id == keyId);
        return key is null ? Result<(View, KeyRow)>.From(Result.NotFound()) : (page, key);
    }

    /// <summary>The page for an authorization the user was allowed to see; shared with the revocation page.</summary>
    internal static async Task<View> BuildAsync(AdminDbContext db, AuthorizationAccess found, bool asStaff, DateTimeOffset now, CancellationToken ct)
    {
        var authorization = found.Authorization;
        var procedure = await db.AccessRequests.AsNoTracking().Where(r => r.Id == authorization.AccessRequestId)
            .Select(r => r.Procedure.Name).SingleAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.AuthorizationId == authorization.Id).ToListAsync(ct);
        var rows = keys
            .OrderBy(k => k.StatusAt(authorization, now)).ThenByDescending(k => k.CreatedAt)
            .Select(k => new KeyRow(k.Id, k.Name, k.Prefix.Display, k.Environment, k.CreatedAt, k.LastUsedAt, k.ExpiresAtWith(authorization),
                k.StatusAt(authorization, now), k.RevokedAt, k.RevocationReason, k.ReplacedById is not null, k.AllowedIps))
            .ToList();
        var organization = found.Organization;
        var usable = authorization.IsUsable(now) && !organization.IsSuspended;
        var canRevoke = asStaff ? found.Staff is { CanReview: true } : found.ManagesKeys;
        return new View(authorization, authorization.AccessRequestId, RequestTitle.Of(procedure), organization.Name,
            await db.ScopeLabelsAsync(ct), rows, asStaff, CanIssue: !asStaff && found.ManagesKeys && usable, canRevoke, usable,
            organization.IsSuspended ? organization.SuspensionReason ?? "" : null,
            CanSuspend: asStaff && found.Staff is { CanReview: true } && found.Role is null,
            CanProlong: !asStaff && found.Role == Admin.Domain.Organizations.MembershipRole.Applicant && usable);
    }
}

/// <summary>The key pages' addresses, for partners and for staff.</summary>
public static class KeyRoutes
{
    public static string Keys(Guid authorizationId, bool asStaff) =>
        asStaff ? $"/instruction/habilitations/{authorizationId}/cles" : $"/habilitations/{authorizationId}/cles";

    public static string NewKey(Guid authorizationId) => $"/habilitations/{authorizationId}/cles/nouvelle";

    public static string Renew(Guid authorizationId, Guid keyId) => $"{Keys(authorizationId, asStaff: false)}/{keyId}/renouveler";

    public static string AllowedIps(Guid authorizationId, Guid keyId) => $"{Keys(authorizationId, asStaff: false)}/{keyId}/adresses-ip";

    public static string Revoke(Guid authorizationId, Guid keyId, bool asStaff) => $"{Keys(authorizationId, asStaff)}/{keyId}/revoquer";

    /// <summary>The prolongation questionnaire (applicants).</summary>
    public static string Prolong(Guid authorizationId) => $"/habilitations/{authorizationId}/prolonger";
}

/// <summary>Where the example call of a new key goes: API Particulier's environment of the key.</summary>
public static class KeyExamples
{
    public const string ProductionBaseUrl = "https://particulier.api.gouv.fr";
    public const string SandboxBaseUrl = "https://staging.particulier.api.gouv.fr";

    public static string BaseUrl(Admin.Domain.ApiKeys.ApiKeyEnvironment environment) =>
        environment == Admin.Domain.ApiKeys.ApiKeyEnvironment.Sandbox ? SandboxBaseUrl : ProductionBaseUrl;
}
