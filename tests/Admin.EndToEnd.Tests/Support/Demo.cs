using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Admin.Infrastructure.Seed;
using Microsoft.Playwright;

namespace Admin.EndToEnd.Tests.Support;

/// <summary>The demo data's partner and gateway, as the browser tests use them.</summary>
public static class Demo
{
    public const string PartnerEmail = "partenaire@demo.api-particulier.fr";
    public const string PartnerPassword = "Partenaire-Demo-2026";

    /// <summary>Signs the demo partner in through the sign-in form and waits for their home.</summary>
    public static async Task SignInPartnerAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(PartnerEmail);
        await page.Locator("#Password").FillAsync(PartnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/espace-partenaire$"));
    }

    /// <summary>A one-page PDF put in a file input (the legal basis step's document).</summary>
    public static Task AttachPdfAsync(ILocator input, string name = "deliberation.pdf")
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.SetInputFilesAsync(new FilePayload
        {
            Name = name,
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
        });
    }

    /// <summary>The wizard's next button ("Vérifier et envoyer" on the last step), then the expected step.</summary>
    public static async Task ContinueAsync(IPage page, string nextPath)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(nextPath);
        var last = nextPath.EndsWith("/recapitulatif", StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = last ? "Vérifier et envoyer" : "Étape suivante" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(nextPath) + "$"));
    }

    /// <summary>The code the gateway API gives for <paramref name="key"/> (and the scopes asked), with the demo production gateway credential.</summary>
    public static async Task<string> GatewayCodeAsync(HttpClient http, string key, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/gateway/v1/keys/verify")
        {
            Content = JsonContent.Create(scopes.Length == 0 ? (object)new { key } : new { key, scopes }),
        };
        request.Headers.Add("X-Gateway-Credential", DemoSecrets.ProductionGatewayCredential);
        using var response = await http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("code").GetString()!;
    }
}
