using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Options;

namespace Admin.Infrastructure.Email;

/// <summary>
/// The one table of the links our e-mails carry, absolute on the configured public URL (never on a
/// request's Host header, so a forged Host cannot poison a reset link). A route that moves changes here.
/// </summary>
public sealed class EmailLinks(IOptions<EmailOptions> options)
{
    /// <summary>A request's page, for its organization's members.</summary>
    public string RequestPage(Guid requestId) => Absolute($"/demandes/{requestId}");

    /// <summary>The keys of an authorization, for its organization's applicant and technical contact.</summary>
    public string KeysPage(Guid authorizationId) => Absolute($"/habilitations/{authorizationId}/cles");

    /// <summary>The usage of one key of an authorization, for its organization's applicant and technical contact.</summary>
    public string UsagePage(Guid authorizationId, Guid keyId) => Absolute($"/habilitations/{authorizationId}/consommation/{keyId}");

    /// <summary>Where the holders choose which alerts of a key they receive.</summary>
    public string AlertSettings(Guid authorizationId, Guid keyId) => Absolute($"/habilitations/{authorizationId}/cles/{keyId}/alertes");

    /// <summary>A request's review page, for staff.</summary>
    public string StaffRequestPage(Guid requestId) => Absolute($"/instruction/demandes/{requestId}");

    /// <summary>The staff's list of requests awaiting review.</summary>
    public string StaffQueue => Absolute("/instruction");

    public string SignIn => Absolute("/compte/connexion");

    public string Register => Absolute("/compte/inscription");

    public string ForgotPassword => Absolute("/compte/mot-de-passe-oublie");

    public string ConfirmEmail(Guid userId, string token) =>
        Absolute($"/compte/confirmer?userId={userId}&code={EncodeToken(token)}");

    /// <summary>The link sent to a new address; the token is bound to that address, so the address travels with it.</summary>
    public string ConfirmEmailChange(Guid userId, string newEmail, string token) =>
        Absolute($"/compte/adresse/confirmer?userId={userId}&email={Uri.EscapeDataString(newEmail)}&code={EncodeToken(token)}");

    public string ResetPassword(string email, string token) =>
        Absolute($"/compte/nouveau-mot-de-passe?email={Uri.EscapeDataString(email)}&code={EncodeToken(token)}");

    /// <summary>An invitation's page; the token is already URL-safe (base64url).</summary>
    public string Invitation(string token) => Absolute($"/invitations/{token}");

    /// <summary>An Identity token as it travels in a link (base64url of its UTF-8).</summary>
    public static string EncodeToken(string token) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    /// <summary>The token a link carried, or null when it is not base64url.</summary>
    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code) || !Base64Url.IsValid(code)) return null;
        return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(code));
    }

    private string Absolute(string path) => options.Value.AbsoluteUrl(path);
}
