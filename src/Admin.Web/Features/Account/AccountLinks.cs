using System.Text;
using Admin.Infrastructure.Email;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Admin.Web.Features.Account;

/// <summary>
/// Absolute links sent by e-mail. They are built on the configured public URL, never on the
/// request's Host header, so a forged Host cannot poison a reset link.
/// </summary>
public sealed class AccountLinks(IOptions<EmailOptions> options)
{
    public string ConfirmEmail(Guid userId, string token) =>
        options.Value.AbsoluteUrl($"/compte/confirmer?userId={userId}&code={Encode(token)}");

    public string ResetPassword(string email, string token) =>
        options.Value.AbsoluteUrl($"/compte/nouveau-mot-de-passe?email={Uri.EscapeDataString(email)}&code={Encode(token)}");

    public string SignIn => options.Value.AbsoluteUrl("/compte/connexion");

    public string ForgotPassword => options.Value.AbsoluteUrl("/compte/mot-de-passe-oublie");

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
