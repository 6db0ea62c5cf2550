using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;

namespace Admin.Web.Features.ApiKeys;

/// <summary>A key's state as the gateway will judge it, in French: its own revocation or expiry first, then its authorization's state, then its organization's.</summary>
public static class KeyStatusText
{
    public static string Of(ApiKey key, Authorization authorization, DateTimeOffset now, bool organizationSuspended = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(authorization);
        return key.StatusAt(authorization, now) switch
        {
            ApiKeyStatus.Revoked => "Révoquée",
            ApiKeyStatus.Expired => "Expirée",
            _ => authorization.Status switch
            {
                AuthorizationStatus.Revoked => "Refusée : son habilitation est révoquée",
                AuthorizationStatus.Suspended => "Suspendue : son habilitation est suspendue",
                _ when organizationSuspended => "Suspendue : son organisation est suspendue",
                _ => "Active",
            },
        };
    }

    /// <summary>A line of a key's history in French (the audit action's name, or its code for one not named here yet).</summary>
    public static string ActionName(string action) => action switch
    {
        "api_key.issued" => "Clé créée",
        "api_key.revoked" => "Clé révoquée",
        _ => action,
    };
}
