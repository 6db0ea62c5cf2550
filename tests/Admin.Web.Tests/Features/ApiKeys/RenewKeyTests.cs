using System.Net;
using Admin.Domain.ApiKeys;
using Admin.Infrastructure.Keys;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.ApiKeys;

/// <summary>"Renouveler": a new key shown once, the old one expiring at the chosen moment, on a fake clock.</summary>
public sealed class RenewKeyTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    private static Dictionary<string, string> Overlap(string value) => new() { ["Overlap"] = value };

    [Fact]
    public async Task Post_renew_with_24_hours_shows_the_new_secret_once_and_the_old_key_expires_a_day_later()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (old, oldSecret) = await app.KeyAsync(arranged, ApiKeyEnvironment.Sandbox, name: "Portail famille");
        var browser = await app.SignedInAsync(arranged.Technical);
        await browser.ConfirmIdentityAsync(arranged.Technical.Password, arranged.RenewUrl(old.Id));
        var now = app.Clock.GetUtcNow();

        var created = await browser.ShownSecretAsync(await browser.SubmitAsync(arranged.RenewUrl(old.Id), Overlap("Hours24")));

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Contains("no-store", created.Response.Headers.CacheControl!.ToString());
        var secret = KeyArrange.SecretOn(created);
        Assert.NotEqual(oldSecret, secret);
        Assert.Equal(ApiKeyEnvironment.Sandbox, ApiKeyFormat.Parse(secret)?.Environment);
        Assert.Contains(old.Prefix.Display, created.Document.GetElementById("renewal")!.TextContent);

        var stored = await app.WithDbAsync(db => db.ApiKeys.AsNoTracking().Where(k => k.AuthorizationId == arranged.AuthorizationId).ToListAsync());
        var successor = stored.Single(k => k.Id != old.Id);
        var previous = stored.Single(k => k.Id == old.Id);
        Assert.Equal((ApiKeySecrets.Hash(secret), "Portail famille", ApiKeyEnvironment.Sandbox, arranged.Technical.User.Id),
            (successor.Hash, successor.Name, successor.Environment, successor.CreatedBy));
        Assert.Equal(now.AddHours(24), previous.ExpiresAt, TimeSpan.FromMilliseconds(1)); // SQLite keeps milliseconds
        Assert.Equal(successor.Id, previous.ReplacedById);
        Assert.Null(previous.RevokedAt);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == old.Id && a.Action == "api_key.renewed"
            && a.ActorId == arranged.Technical.User.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == successor.Id && a.Action == "api_key.issued")));

        var page = await browser.GetAsync(arranged.KeysUrl);
        Assert.DoesNotContain(secret[10..], page.Document.DocumentElement.OuterHtml);
        Assert.Contains("Active", page.Document.GetElementById($"key-{old.Id}")!.TextContent);
        Assert.Null(page.Document.GetElementById($"renew-{old.Id}"));
        Assert.NotNull(page.Document.GetElementById($"renew-{successor.Id}"));

        var mails = (await app.DeliverOutboxAsync()).Where(m => m.Kind == ApiKeyNotifications.RenewedKind && m.TextBody.Contains(old.Prefix.Value, StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { arranged.Applicant.Email, LifecycleArrange.TechnicalEmail }.Order(StringComparer.Ordinal), mails.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Contains(successor.Prefix.Value, m.TextBody));
        Assert.All(mails, m => Assert.DoesNotContain(secret[10..], m.TextBody));

        app.Clock.Advance(TimeSpan.FromHours(24));
        browser = await app.SignedInAsync(arranged.Technical); // the session would have ended meanwhile
        Assert.Contains("Expirée", (await browser.GetAsync(arranged.KeysUrl)).Document.GetElementById($"key-{old.Id}")!.TextContent);
    }

    [Fact]
    public async Task Post_renew_without_a_choice_shows_the_error_next_to_the_field_and_creates_nothing()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, _) = await app.KeyAsync(arranged);
        var browser = await app.SignedInAsync(arranged.Applicant);
        await browser.ConfirmIdentityAsync(arranged.Applicant.Password, arranged.RenewUrl(key.Id));

        var page = await browser.SubmitAsync(arranged.RenewUrl(key.Id), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([ApiKeyErrors.OverlapInvalid.Message], page.ErrorsFor("Overlap"));
        Assert.Equal(1, await app.WithDbAsync(db => db.ApiKeys.CountAsync(k => k.AuthorizationId == arranged.AuthorizationId)));
    }

    [Fact]
    public async Task Get_renew_without_a_recent_confirmation_sends_to_confirm_identity_and_a_post_renews_nothing()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, _) = await app.KeyAsync(arranged);
        var browser = await app.SignedInAsync(arranged.Applicant);

        var form = await browser.GetAsync(arranged.RenewUrl(key.Id));
        await browser.GetAsync(arranged.KeysUrl);
        var post = await browser.PostAsync(arranged.RenewUrl(key.Id), Overlap("Days7"));

        Assert.StartsWith("/compte/confirmer-identite?returnUrl=", form.Location);
        Assert.StartsWith("/compte/confirmer-identite", post.Location);
        Assert.Null((await app.StoredKeyAsync(key.Id)).ReplacedById);
    }

    [Fact]
    public async Task Post_renew_twice_is_refused_the_second_time_with_a_message()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, _) = await app.KeyAsync(arranged);
        var browser = await app.SignedInAsync(arranged.Applicant);
        await browser.ConfirmIdentityAsync(arranged.Applicant.Password, arranged.RenewUrl(key.Id));
        await browser.SubmitAsync(arranged.RenewUrl(key.Id), Overlap("Days7"));

        var again = await browser.PostAsync(arranged.RenewUrl(key.Id), Overlap("Days7"));

        Assert.Equal(arranged.KeysUrl, again.Location);
        Assert.Contains(ApiKeyErrors.AlreadyRenewed.Message, (await browser.FollowAsync(again)).Text);
        Assert.Equal(2, await app.WithDbAsync(db => db.ApiKeys.CountAsync(k => k.AuthorizationId == arranged.AuthorizationId)));
    }
}

/// <summary>On a clock of its own, moved to the authorization's last days.</summary>
public sealed class RenewKeyNearExpiryTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    private static Dictionary<string, string> Overlap(string value) => new() { ["Overlap"] = value };

    [Fact]
    public async Task Post_renew_now_expires_the_old_key_at_once_and_30_days_never_outlives_the_authorization()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (first, _) = await app.KeyAsync(arranged);
        var browser = await app.SignedInAsync(arranged.Applicant);
        await browser.ConfirmIdentityAsync(arranged.Applicant.Password, arranged.RenewUrl(first.Id));

        await browser.SubmitAsync(arranged.RenewUrl(first.Id), Overlap("Now"));
        Assert.Equal(app.Clock.GetUtcNow(), (await app.StoredKeyAsync(first.Id)).ExpiresAt, TimeSpan.FromMilliseconds(1));

        var second = await app.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.AuthorizationId == arranged.AuthorizationId && k.Id != first.Id));
        var authorizationEnd = await app.WithDbAsync(db => db.Authorizations.Where(a => a.Id == arranged.AuthorizationId).Select(a => a.ExpiresAt).SingleAsync());
        app.Clock.Advance(authorizationEnd - app.Clock.GetUtcNow() - TimeSpan.FromDays(3));
        browser = await app.SignedInAsync(arranged.Applicant); // months later: a new session
        await browser.ConfirmIdentityAsync(arranged.Applicant.Password, arranged.RenewUrl(second.Id));
        var renewed = await browser.ShownSecretAsync(await browser.SubmitAsync(arranged.RenewUrl(second.Id), Overlap("Days30")));

        Assert.Equal(HttpStatusCode.OK, renewed.Status);
        Assert.Equal(authorizationEnd, (await app.StoredKeyAsync(second.Id)).ExpiresAt);
    }
}
