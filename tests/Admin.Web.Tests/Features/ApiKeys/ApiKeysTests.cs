using System.Net;
using Admin.Domain.ApiKeys;
using Admin.Domain.Users;
using Admin.Infrastructure.Keys;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.ApiKeys;

public sealed class ApiKeysTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Get_key_page_as_applicant_shows_french_scope_names_limits_expiry_and_keys_by_prefix_only()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, secret) = await app.KeyAsync(arranged, name: "Logiciel enfance");
        var browser = await app.SignedInAsync(arranged.Applicant);

        var page = await browser.GetAsync(arranged.KeysUrl);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Quotient familial", page.Document.GetElementById("granted-scopes")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("20 appels par seconde", page.Document.GetElementById("limits")!.TextContent);
        Assert.Contains("Valable jusqu'au", page.Document.GetElementById("expiry")!.TextContent);
        var row = page.Document.GetElementById($"key-{key.Id}")!.TextContent;
        Assert.Contains("Logiciel enfance", row);
        Assert.Contains(secret[..14] + "…", row);
        Assert.Contains("Production", row);
        Assert.Contains("jamais", row);
        Assert.Contains("Active", row);
        Assert.DoesNotContain(secret[10..], page.Document.DocumentElement.OuterHtml);
        Assert.NotNull(page.Document.GetElementById("new-key"));
    }

    [Fact]
    public async Task Get_request_page_links_to_the_keys_for_the_technical_contact_but_not_for_the_business_contact()
    {
        var arranged = await app.ApprovedWithMembersAsync();

        var technical = await (await app.SignedInAsync(arranged.Technical)).GetAsync($"/demandes/{arranged.Request.Id}");
        var business = await (await app.SignedInAsync(arranged.Business)).GetAsync($"/demandes/{arranged.Request.Id}");

        Assert.Equal(arranged.KeysUrl, technical.Document.GetElementById("keys-link")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, business.Status);
        Assert.Null(business.Document.GetElementById("keys-link"));
    }

    [Fact]
    public async Task Get_new_key_without_a_recent_confirmation_sends_to_confirm_identity_and_a_post_creates_nothing()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var browser = await app.SignedInAsync(arranged.Applicant);

        var form = await browser.GetAsync(arranged.NewKeyUrl);
        await browser.GetAsync(arranged.KeysUrl);
        var post = await browser.PostAsync(arranged.NewKeyUrl, new Dictionary<string, string> { ["Form.Name"] = "Sans confirmation", ["Form.Environment"] = "Production" });

        Assert.Equal(HttpStatusCode.Redirect, form.Status);
        Assert.StartsWith("/compte/confirmer-identite?returnUrl=", form.Location);
        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        Assert.StartsWith("/compte/confirmer-identite", post.Location);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApiKeys.CountAsync(k => k.AuthorizationId == arranged.AuthorizationId)));
    }

    [Fact]
    public async Task Post_confirmation_with_a_wrong_password_shows_the_error_next_to_the_field_and_does_not_count()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var browser = await app.SignedInAsync(arranged.Applicant);

        var wrong = await browser.ConfirmIdentityAsync("Pas-Le-Bon-42", arranged.NewKeyUrl);
        var form = await browser.GetAsync(arranged.NewKeyUrl);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(["Le mot de passe est incorrect."], wrong.ErrorsFor("Password"));
        Assert.Equal(HttpStatusCode.Redirect, form.Status);
        Assert.StartsWith("/compte/confirmer-identite", form.Location);
        Assert.Equal(1, (await app.FindUserAsync(arranged.Applicant.Email))!.AccessFailedCount);
    }

    [Fact]
    public async Task Post_confirmation_with_two_factor_asks_the_code_refuses_a_wrong_one_next_to_it_and_accepts_the_next()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var browser = await app.SignedInAsync(arranged.Applicant);
        var sharedKey = (await browser.GetAsync("/compte/double-authentification")).Document.GetElementById("shared-key")!.TextContent;
        await browser.PostAsync("/compte/double-authentification/activer", new Dictionary<string, string> { ["Code"] = Accounts.TotpCode(sharedKey) });

        var form = await browser.GetAsync($"/compte/confirmer-identite?returnUrl={Uri.EscapeDataString(arranged.NewKeyUrl)}");
        var wrong = await browser.PostAsync("/compte/confirmer-identite", new Dictionary<string, string> { ["Code"] = "12345", ["returnUrl"] = arranged.NewKeyUrl });
        // The code of the current step was used to turn two-factor on: the next step's code is the one still unused.
        var right = await browser.PostAsync("/compte/confirmer-identite", new Dictionary<string, string>
            { ["Code"] = Accounts.TotpCode(sharedKey, DateTimeOffset.UtcNow.AddSeconds(30)), ["returnUrl"] = arranged.NewKeyUrl });

        Assert.NotNull(form.Document.QuerySelector("input[name='Code']"));
        Assert.Null(form.Document.QuerySelector("input[name='Password']"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal([Admin.Web.Features.Account.ConfirmIdentity.CodeRequired.Message], wrong.ErrorsFor("Code"));
        Assert.Equal(arranged.NewKeyUrl, right.Location);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(arranged.NewKeyUrl)).Status);
    }

    [Fact]
    public async Task Post_new_key_after_confirmation_shows_the_secret_once_uncached_and_then_only_its_prefix()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var browser = await app.SignedInAsync(arranged.Technical);

        var confirmed = await browser.ConfirmIdentityAsync(arranged.Technical.Password, arranged.NewKeyUrl);
        Assert.Equal(arranged.NewKeyUrl, confirmed.Location);
        var posted = await browser.SubmitAsync(arranged.NewKeyUrl, new Dictionary<string, string> { ["Form.Name"] = " Portail famille ", ["Form.Environment"] = "Sandbox" });
        var created = await browser.ShownSecretAsync(posted);
        var reloaded = await browser.GetAsync(posted.Location!);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        // Reloading the page neither shows the secret again nor creates a second key.
        Assert.Equal(arranged.KeysUrl, reloaded.Location);
        Assert.Contains("no-store", created.Response.Headers.CacheControl!.ToString());
        var secret = KeyArrange.SecretOn(created);
        var parsed = ApiKeyFormat.Parse(secret);
        Assert.Equal(ApiKeyEnvironment.Sandbox, parsed?.Environment);
        Assert.Contains($"X-Api-Key: {secret}", created.Document.GetElementById("curl-example")!.TextContent);
        Assert.Contains("staging.particulier.api.gouv.fr", created.Document.GetElementById("curl-example")!.TextContent);
        Assert.NotNull(created.Document.QuerySelector("button[data-copy-target='secret']"));
        Assert.NotNull(created.Document.QuerySelector("script[src^='/js/copy.js']"));
        Assert.Empty(created.Document.QuerySelectorAll("script:not([src])"));

        var stored = await app.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.AuthorizationId == arranged.AuthorizationId));
        Assert.Equal(("Portail famille", ApiKeyEnvironment.Sandbox, arranged.Technical.User.Id), (stored.Name, stored.Environment, stored.CreatedBy));
        Assert.Equal(ApiKeySecrets.Hash(secret), stored.Hash);
        Assert.Equal(secret[..14], stored.Prefix.Value);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateType == "ApiKey" && a.AggregateId == stored.Id
            && a.Action == "api_key.issued" && a.ActorId == arranged.Technical.User.Id)));

        var again = await browser.GetAsync(arranged.KeysUrl);
        Assert.Contains(stored.Prefix.Display, again.Document.GetElementById($"key-{stored.Id}")!.TextContent);
        Assert.DoesNotContain(secret[10..], again.Document.DocumentElement.OuterHtml);
        var js = await browser.Client.GetAsync("/js/copy.js");
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }

    [Fact]
    public async Task Post_new_key_without_a_name_or_environment_shows_the_errors_next_to_the_fields()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var browser = await app.SignedInAsync(arranged.Applicant);
        await browser.ConfirmIdentityAsync(arranged.Applicant.Password, arranged.NewKeyUrl);

        var page = await browser.SubmitAsync(arranged.NewKeyUrl, new Dictionary<string, string> { ["Form.Name"] = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([ApiKeyErrors.NameRequired.Message], page.ErrorsFor("Form.Name"));
        Assert.Equal([ApiKeyErrors.EnvironmentInvalid.Message], page.ErrorsFor("Form.Environment"));
        Assert.Equal(0, await app.WithDbAsync(db => db.ApiKeys.CountAsync(k => k.AuthorizationId == arranged.AuthorizationId)));
    }

    [Fact]
    public async Task Post_new_key_on_a_revoked_authorization_is_refused_with_a_message()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        await app.ThenAsync(arranged.Request.Id, (_, r, authorization, now) =>
            Task.FromResult(r.Revoke(LifecycleArrange.SomeInstructor, "Fin du service", authorization!, now)));
        var browser = await app.SignedInAsync(arranged.Applicant);
        await browser.ConfirmIdentityAsync(arranged.Applicant.Password, arranged.KeysUrl);
        await browser.GetAsync(arranged.KeysUrl);

        var page = await browser.PostAsync(arranged.NewKeyUrl, new Dictionary<string, string> { ["Form.Name"] = "Trop tard", ["Form.Environment"] = "Production" });

        Assert.Equal(arranged.KeysUrl, page.Location);
        Assert.Contains(ApiKeyErrors.AuthorizationNotActive.Message, (await browser.FollowAsync(page)).Text);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApiKeys.CountAsync(k => k.AuthorizationId == arranged.AuthorizationId)));
    }

    [Fact]
    public async Task Post_revoke_by_the_applicant_needs_a_reason_then_revokes_audits_and_emails_applicant_and_technical_contact()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, _) = await app.KeyAsync(arranged, name: "Ancien logiciel");
        var browser = await app.SignedInAsync(arranged.Applicant);

        var blank = await browser.SubmitAsync(arranged.RevokeUrl(key.Id), new Dictionary<string, string> { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.Equal([ApiKeyErrors.ReasonRequired.Message], blank.ErrorsFor("Reason"));
        Assert.Null((await app.StoredKeyAsync(key.Id)).RevokedAt);

        var revoked = await browser.SubmitAsync(arranged.RevokeUrl(key.Id), new Dictionary<string, string> { ["Reason"] = "Logiciel retiré" });

        Assert.Equal(arranged.KeysUrl, revoked.Location);
        var stored = await app.StoredKeyAsync(key.Id);
        Assert.Equal(((Guid?)arranged.Applicant.User.Id, "Logiciel retiré"), (stored.RevokedBy, stored.RevocationReason));
        Assert.Contains("Révoquée", (await browser.FollowAsync(revoked)).Document.GetElementById($"key-{key.Id}")!.TextContent);
        await AssertRevocationAuditedAndEmailedAsync(arranged, key.Id, arranged.Applicant.User.Id, "Logiciel retiré", "par un membre de votre organisation");
    }

    [Fact]
    public async Task Post_revoke_by_an_instructor_revokes_any_key_audits_and_emails()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, _) = await app.KeyAsync(arranged);
        var (instructor, instructorId) = await app.StaffMemberSignedInAsync(Roles.Instructor);

        var review = await instructor.GetAsync($"/instruction/demandes/{arranged.Request.Id}");
        Assert.Equal($"/instruction/habilitations/{arranged.AuthorizationId}/cles", review.Document.GetElementById("keys-link")?.GetAttribute("href"));
        var list = await instructor.GetAsync($"/instruction/habilitations/{arranged.AuthorizationId}/cles");
        Assert.True(list.Status == HttpStatusCode.OK, $"{list.Status} {list.Location} {list.Text[..Math.Min(3000, list.Text.Length)]}");
        Assert.Contains(arranged.StaffRevokeUrl(key.Id), list.Document.DocumentElement.OuterHtml);
        var revoked = await instructor.SubmitAsync(arranged.StaffRevokeUrl(key.Id), new Dictionary<string, string> { ["Reason"] = "Clé publiée sur un dépôt public" });

        Assert.Equal($"/instruction/habilitations/{arranged.AuthorizationId}/cles", revoked.Location);
        Assert.Equal((Guid?)instructorId, (await app.StoredKeyAsync(key.Id)).RevokedBy);
        await AssertRevocationAuditedAndEmailedAsync(arranged, key.Id, instructorId, "Clé publiée sur un dépôt public", "par l'équipe API Particulier");
    }

    [Fact]
    public async Task Post_revoke_twice_is_refused_the_second_time_and_audited_once()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, _) = await app.KeyAsync(arranged);
        var browser = await app.SignedInAsync(arranged.Technical);
        await browser.SubmitAsync(arranged.RevokeUrl(key.Id), new Dictionary<string, string> { ["Reason"] = "Première fois" });

        var again = await browser.PostAsync(arranged.RevokeUrl(key.Id), new Dictionary<string, string> { ["Reason"] = "Deuxième fois" });

        Assert.Equal(arranged.KeysUrl, again.Location);
        Assert.Equal("Première fois", (await app.StoredKeyAsync(key.Id)).RevocationReason);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.AggregateId == key.Id && a.Action == "api_key.revoked")));
    }

    [Fact]
    public async Task Lookup_finds_a_key_by_its_secret_only_in_its_environment_and_never_a_mistyped_one()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, secret) = await app.KeyAsync(arranged, ApiKeyEnvironment.Sandbox);
        var typo = secret[..20] + (secret[20] == 'a' ? 'b' : 'a') + secret[21..];

        var found = await app.WithDbAsync(db => ApiKeyLookup.FindAsync(db, secret, ApiKeyEnvironment.Sandbox, CancellationToken.None));
        var otherEnvironment = await app.WithDbAsync(db => ApiKeyLookup.FindAsync(db, secret, ApiKeyEnvironment.Production, CancellationToken.None));
        var mistyped = await app.WithDbAsync(db => ApiKeyLookup.FindAsync(db, typo, ApiKeyEnvironment.Sandbox, CancellationToken.None));

        Assert.Equal(key.Id, found?.Id);
        Assert.Null(otherEnvironment);
        Assert.Null(mistyped);
    }

    private async Task AssertRevocationAuditedAndEmailedAsync(KeyArrangement arranged, Guid keyId, Guid actorId, string reason, string by)
    {
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateType == "ApiKey" && a.AggregateId == keyId
            && a.Action == "api_key.revoked" && a.ActorId == actorId && a.Reason == reason)));
        var mails = (await app.DeliverOutboxAsync()).Where(m => m.Kind == ApiKeyNotifications.RevokedKind && m.TextBody.Contains(reason, StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { arranged.Applicant.Email, LifecycleArrange.TechnicalEmail }.Order(StringComparer.Ordinal), mails.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Contains(by, m.TextBody));
        Assert.All(mails, m => Assert.Contains(arranged.KeysUrl, m.TextBody));
    }
}
