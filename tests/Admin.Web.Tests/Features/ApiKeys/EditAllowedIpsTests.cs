using System.Net;
using Admin.Domain.ApiKeys;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.ApiKeys;

/// <summary>A key's IP allow-list, edited from the key page.</summary>
public sealed class EditAllowedIpsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static Dictionary<string, string> List(string text) => new() { ["AllowedIps"] = text };

    [Fact]
    public async Task Post_allow_list_by_the_technical_contact_stores_canonical_entries_audits_and_shows_them_on_the_key_page()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, _) = await app.KeyAsync(arranged);
        var browser = await app.SignedInAsync(arranged.Technical);
        var keys = await browser.GetAsync(arranged.KeysUrl);
        Assert.Contains("Adresses IP : toutes", keys.Document.GetElementById($"ips-{key.Id}")!.TextContent);
        Assert.Equal(arranged.AllowedIpsUrl(key.Id), keys.Document.GetElementById($"edit-ips-{key.Id}")?.GetAttribute("href"));

        var saved = await browser.SubmitAsync(arranged.AllowedIpsUrl(key.Id), List("203.0.113.0/24\r\n2001:DB8::1"));

        Assert.Equal(arranged.KeysUrl, saved.Location);
        Assert.Equal(["203.0.113.0/24", "2001:db8::1"], (await app.StoredKeyAsync(key.Id)).AllowedIps);
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == key.Id && a.Action == "api_key.allow_list_changed"));
        Assert.Equal(arranged.Technical.User.Id, audit.ActorId);
        Assert.Contains("2001:db8::1", audit.Data!, StringComparison.Ordinal);
        Assert.Contains("203.0.113.0/24, 2001:db8::1", (await browser.FollowAsync(saved)).Document.GetElementById($"ips-{key.Id}")!.TextContent);

        var again = await browser.GetAsync(arranged.AllowedIpsUrl(key.Id));
        Assert.Equal("203.0.113.0/24\n2001:db8::1", again.Document.QuerySelector("textarea[name='AllowedIps']")!.TextContent.Trim());
        var emptied = await browser.SubmitAsync(arranged.AllowedIpsUrl(key.Id), List(""));
        Assert.Equal(arranged.KeysUrl, emptied.Location);
        Assert.Empty((await app.StoredKeyAsync(key.Id)).AllowedIps);
    }

    [Fact]
    public async Task Post_invalid_entries_shows_one_french_message_per_entry_next_to_the_field_keeps_the_text_and_saves_nothing()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, _) = await app.KeyAsync(arranged);
        var browser = await app.SignedInAsync(arranged.Applicant);
        const string typed = "203.0.113.7\n203.0.113.300\n10.0.0.0/33\n203.0.113.7";

        var page = await browser.SubmitAsync(arranged.AllowedIpsUrl(key.Id), List(typed));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(
            [ApiKeyErrors.IpInvalid("203.0.113.300").Message, ApiKeyErrors.IpPrefixOutOfRange("10.0.0.0/33", 32).Message, ApiKeyErrors.IpDuplicate("203.0.113.7").Message],
            page.ErrorsFor("AllowedIps"));
        Assert.Equal(typed, page.Document.QuerySelector("textarea[name='AllowedIps']")!.TextContent.Trim().ReplaceLineEndings("\n"));
        Assert.Empty((await app.StoredKeyAsync(key.Id)).AllowedIps);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == key.Id && a.Action == "api_key.allow_list_changed")));
    }

    [Fact]
    public async Task Post_allow_list_on_a_revoked_key_is_refused_with_a_message()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, _) = await app.KeyAsync(arranged);
        var browser = await app.SignedInAsync(arranged.Applicant);
        await browser.SubmitAsync(arranged.RevokeUrl(key.Id), new Dictionary<string, string> { ["Reason"] = "Logiciel retiré" });

        var page = await browser.PostAsync(arranged.AllowedIpsUrl(key.Id), List("203.0.113.7"));

        Assert.Equal(arranged.KeysUrl, page.Location);
        Assert.Contains(ApiKeyErrors.AlreadyRevoked.Message, (await browser.FollowAsync(page)).Text);
        Assert.Empty((await app.StoredKeyAsync(key.Id)).AllowedIps);
    }
}
