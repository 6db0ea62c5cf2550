namespace Admin.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Sender address, e.g. "API Particulier &lt;ne-pas-repondre@api.gouv.fr&gt;".</summary>
    public string From { get; set; } = "API Particulier <ne-pas-repondre@api-particulier.localhost>";

    /// <summary>When set, every message is also written there as an .eml file (Development default).</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Absolute base URL used in links sent by e-mail, e.g. https://admin.api.gouv.fr.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>An absolute link for an e-mail: <paramref name="path"/> (starting with '/') on the public URL.</summary>
    public string AbsoluteUrl(string path) => PublicBaseUrl.TrimEnd('/') + path;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>None, StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "StartTls";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
