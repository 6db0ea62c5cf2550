using System.Net;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Features.ApiKeys;

public sealed class IdentityConfirmationTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    [Fact]
    public async Task A_confirmation_counts_for_ten_minutes_then_creating_a_key_asks_again()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var browser = await app.SignedInAsync(arranged.Applicant);
        await browser.ConfirmIdentityAsync(arranged.Applicant.Password, arranged.NewKeyUrl);

        app.Clock.Advance(TimeSpan.FromMinutes(9));
        var within = await browser.GetAsync(arranged.NewKeyUrl);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await browser.GetAsync(arranged.NewKeyUrl);
        var post = await browser.PostAsync(arranged.NewKeyUrl, new Dictionary<string, string> { ["Form.Name"] = "Trop tard", ["Form.Environment"] = "Production" });

        Assert.Equal(HttpStatusCode.OK, within.Status);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/compte/confirmer-identite", after.Location);
        Assert.StartsWith("/compte/confirmer-identite", post.Location);
    }

    [Fact]
    public async Task A_confirmation_belongs_to_its_session_not_to_the_user_s_other_sessions()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var confirmed = await app.SignedInAsync(arranged.Applicant);
        var other = await app.SignedInAsync(arranged.Applicant);

        await confirmed.ConfirmIdentityAsync(arranged.Applicant.Password, arranged.NewKeyUrl);

        Assert.Equal(HttpStatusCode.OK, (await confirmed.GetAsync(arranged.NewKeyUrl)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync(arranged.NewKeyUrl)).Status);
    }
}
