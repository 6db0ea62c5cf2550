using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Admin.Web.Features.Organizations;

/// <summary>
/// The secret of an invitation link: 32 random bytes in base64url, sent by e-mail only. The
/// database keeps its SHA-256 (hex), so a copy of the database cannot be used to join.
/// </summary>
internal static class InvitationTokens
{
    public static (string Token, string Hash) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
