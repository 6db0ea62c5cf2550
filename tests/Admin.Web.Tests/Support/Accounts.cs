using System.Text.RegularExpressions;
using Admin.Infrastructure.Outbox;
using OtpNet;

namespace Admin.Web.Tests.Support;

public static partial class Accounts
{
    public const string StrongPassword = "Correct-Horse-42";

    public static Dictionary<string, string> RegistrationForm(string email, string password = StrongPassword) => new()
    {
        ["FirstName"] = "Camille",
        ["LastName"] = "Martin",
        ["Email"] = email,
        ["Password"] = password,
        ["ConfirmPassword"] = password,
    };

    /// <summary>The first link of the given path found in the message's text body, made relative.</summary>
    public static string LinkIn(OutboxMessage message, string path)
    {
        var match = LinkPattern().Matches(message.TextBody).Select(m => m.Value).FirstOrDefault(u => u.Contains(path, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No {path} link in the e-mail.");
        return new Uri(match).PathAndQuery;
    }

    public static string TotpCode(string sharedKey) => TotpCode(sharedKey, DateTimeOffset.UtcNow);

    /// <summary>The code an authenticator app shows at <paramref name="at"/>.</summary>
    public static string TotpCode(string sharedKey, DateTimeOffset at) =>
        new Totp(Base32Encoding.ToBytes(sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(at.UtcDateTime);

    public static async Task<Page> SignInAsync(Browser browser, string email, string password) =>
        await browser.SubmitAsync("/compte/connexion", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex LinkPattern();
}
