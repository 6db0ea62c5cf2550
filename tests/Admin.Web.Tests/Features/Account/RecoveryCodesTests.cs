using System.Net;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Features.Account;

/// <summary>The recovery codes, shown once after they are generated, with "Copier les codes" and "Télécharger les codes".</summary>
public sealed class RecoveryCodesTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Enabling_two_factor_shows_the_codes_with_copy_and_download_controls_never_cached()
    {
        var (_, page) = await PartnerWithNewCodesAsync();

        var codes = page.Document.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        var copy = page.Document.GetElementById("copy-codes")!;
        Assert.Equal("Copier les codes", copy.TextContent.Trim());
        Assert.Equal("recovery-codes", copy.GetAttribute("data-copy-target"));
        Assert.Contains(page.Document.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/copy.js", StringComparison.Ordinal));
        Assert.Empty(page.Document.QuerySelectorAll("script:not([src])"));
        var download = page.Document.GetElementById("download-codes")!;
        Assert.Equal("/compte/double-authentification/codes-de-recuperation/telecharger", download.GetAttribute("action"));
        Assert.Contains("Télécharger les codes", download.TextContent);
        Assert.Equal(codes, download.QuerySelectorAll("input[name='codes']").Select(i => i.GetAttribute("value")));
        Assert.Contains("no-store", page.Response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Post_download_answers_a_no_store_text_file_with_the_codes()
    {
        var (browser, page) = await PartnerWithNewCodesAsync();
        var codes = page.Document.QuerySelectorAll("#download-codes input[name='codes']").Select(i => i.GetAttribute("value")!).ToList();

        var token = page.Document.QuerySelector("#download-codes input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var response = await browser.Client.PostAsync("/compte/double-authentification/codes-de-recuperation/telecharger",
            new FormUrlEncodedContent([.. codes.Select(c => KeyValuePair.Create("codes", c)), KeyValuePair.Create("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var text = await response.Content.ReadAsStringAsync();
        Assert.All(codes, code => Assert.Contains(code + "\r\n", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_download_with_anything_but_recovery_codes_is_refused()
    {
        var (browser, _) = await PartnerWithNewCodesAsync();

        var page = await browser.PostAsync("/compte/double-authentification/codes-de-recuperation/telecharger",
            new Dictionary<string, string> { ["codes"] = "<script>alert(1)</script>" });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.DoesNotContain("<script>alert(1)</script>", page.Document.DocumentElement.OuterHtml);
    }

    private async Task<(Browser Browser, Page Codes)> PartnerWithNewCodesAsync()
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(partner);
        var setup = await browser.GetAsync("/compte/double-authentification");
        var key = setup.Document.GetElementById("shared-key")!.TextContent;
        var page = await browser.PostAsync("/compte/double-authentification/activer", new Dictionary<string, string> { ["Code"] = Accounts.TotpCode(key) });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (browser, page);
    }
}
