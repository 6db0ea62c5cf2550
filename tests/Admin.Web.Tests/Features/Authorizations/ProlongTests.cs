using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Authorizations;

/// <summary>The questionnaire inside its window: the fake clock is moved to 89 days before the expiry of the authorizations approved today.</summary>
public sealed class ProlongTests(ClockedWebFactory app) : IClassFixture<ClockedWebFactory>
{
    private static string ProlongUrl(KeyArrangement arranged) => $"/habilitations/{arranged.AuthorizationId}/prolonger";

    private static Dictionary<string, string> Answers(string organization = "true", string purpose = "true", string contacts = "true", string scopes = "true") => new()
    {
        ["SameOrganization"] = organization, ["SamePurpose"] = purpose, ["SameContacts"] = contacts, ["SameScopes"] = scopes,
    };

    /// <summary>An approved request with a key, the clock moved into its prolongation window (never backwards: the classes' tests share it).</summary>
    private async Task<(KeyArrangement Arranged, ApiKey Key, Admin.Domain.Authorizations.Authorization Before)> InWindowAsync(string name)
    {
        var arranged = await app.ApprovedWithMembersAsync(name);
        var (key, _) = await app.KeyAsync(arranged);
        var before = await StoredAuthorizationAsync(arranged);
        var target = ParisTime.StartOfDay(before.ProlongationOpensOn.AddDays(1)).AddHours(10);
        if (app.Clock.GetUtcNow() < target) app.Clock.SetUtcNow(target);
        return (arranged, key, before);
    }

    [Fact]
    public async Task Post_all_yes_moves_the_expiry_of_the_authorization_and_its_keys_audits_and_emails()
    {
        var (arranged, key, before) = await InWindowAsync("Commune qui prolonge");
        var applicant = await app.SignedInAsync(arranged.Applicant);
        Assert.Equal(ProlongUrl(arranged), (await applicant.GetAsync(arranged.KeysUrl)).Document.GetElementById("prolong-link")?.GetAttribute("href"));

        var answered = await applicant.SubmitAsync(ProlongUrl(arranged), Answers());

        Assert.Equal(arranged.KeysUrl, answered.Location);
        var after = await StoredAuthorizationAsync(arranged);
        var expected = ParisTime.Today(app.Clock.GetUtcNow()).AddMonths(Grant.MaxValidityMonths);
        Assert.Equal((expected, ParisTime.EndOfDay(expected), AuthorizationStatus.Active), (after.ExpiresOn, after.ExpiresAt, after.Status));
        Assert.True(after.ExpiresOn > before.ExpiresOn);
        var stored = await app.StoredKeyAsync(key.Id);
        Assert.Equal(after.ExpiresAt, stored.ExpiresAtWith(after));
        Assert.Equal(after.ExpiresAt, stored.ExpiresAt);
        Assert.Equal(AccessRequestStatus.Approved, (await StoredRequestAsync(arranged)).Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == arranged.AuthorizationId
            && a.Action == "authorization.prolonged" && a.ActorId == arranged.Applicant.User.Id)));
        var mails = (await app.DeliverOutboxAsync()).Where(m => m.Kind == AuthorizationNotifications.ProlongedKind && m.TextBody.Contains(arranged.KeysUrl)).ToList();
        Assert.Equal(new[] { arranged.Applicant.Email, LifecycleArrange.TechnicalEmail }.Order(StringComparer.Ordinal), mails.Select(m => m.To).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Post_one_no_reopens_the_request_for_review_and_the_keys_keep_working()
    {
        var (arranged, key, before) = await InWindowAsync("Commune qui a changé");
        var applicant = await app.SignedInAsync(arranged.Applicant);

        var answered = await applicant.SubmitAsync(ProlongUrl(arranged), Answers(contacts: "false"));

        Assert.Equal($"/demandes/{arranged.Request.Id}", answered.Location);
        var request = await StoredRequestAsync(arranged);
        Assert.Equal((AccessRequestStatus.Draft, true), (request.Status, request.IsReopening));
        var after = await StoredAuthorizationAsync(arranged);
        Assert.Equal((before.ExpiresOn, AuthorizationStatus.Active), (after.ExpiresOn, after.Status));
        Assert.True(after.IsUsable(app.Clock.GetUtcNow()));
        Assert.Equal(ApiKeyStatus.Active, (await app.StoredKeyAsync(key.Id)).StatusAt(after, app.Clock.GetUtcNow()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == arranged.AuthorizationId
            && a.Action == "authorization.prolongation_review_requested" && a.ActorId == arranged.Applicant.User.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == arranged.Request.Id && a.Action == "access_request.reopened")));
        var mails = (await app.DeliverOutboxAsync()).Where(m => m.Kind == AuthorizationNotifications.ProlongationReviewKind
            && m.TextBody.Contains($"/demandes/{arranged.Request.Id}")).ToList();
        Assert.Equal(new[] { arranged.Applicant.Email, LifecycleArrange.TechnicalEmail }.Order(StringComparer.Ordinal), mails.Select(m => m.To).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Post_without_an_answer_shows_the_error_next_to_that_question_and_changes_nothing()
    {
        var (arranged, _, before) = await InWindowAsync("Commune distraite");
        var applicant = await app.SignedInAsync(arranged.Applicant);
        var answers = Answers();
        answers.Remove("SamePurpose");

        var page = await applicant.SubmitAsync(ProlongUrl(arranged), answers);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([AuthorizationErrors.AnswerRequired.Message], page.ErrorsFor("SamePurpose"));
        Assert.Empty(page.ErrorsFor("SameOrganization"));
        Assert.Equal(before.ExpiresOn, (await StoredAuthorizationAsync(arranged)).ExpiresOn);
    }

    [Fact]
    public async Task Post_as_business_or_technical_contact_is_forbidden_and_as_another_organization_not_found()
    {
        var (arranged, _, before) = await InWindowAsync("Commune aux contacts");
        var stranger = await app.SignedInAsync(await app.PartnerWithOrganizationAsync("Autre commune"));

        foreach (var member in new[] { arranged.Business, arranged.Technical })
        {
            var browser = await app.SignedInAsync(member);
            await browser.GetAsync("/espace-partenaire");
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(ProlongUrl(arranged))).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync(ProlongUrl(arranged), Answers())).Status);
        }
        await stranger.GetAsync("/espace-partenaire");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(ProlongUrl(arranged))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(ProlongUrl(arranged), Answers())).Status);

        Assert.Equal(before.ExpiresOn, (await StoredAuthorizationAsync(arranged)).ExpiresOn);
        Assert.Equal(AccessRequestStatus.Approved, (await StoredRequestAsync(arranged)).Status);
    }

    private Task<Admin.Domain.Authorizations.Authorization> StoredAuthorizationAsync(KeyArrangement arranged) =>
        app.WithDbAsync(db => db.Authorizations.AsNoTracking().SingleAsync(a => a.Id == arranged.AuthorizationId));

    private Task<AccessRequest> StoredRequestAsync(KeyArrangement arranged) =>
        app.WithDbAsync(db => db.AccessRequests.AsNoTracking().SingleAsync(r => r.Id == arranged.Request.Id));
}

/// <summary>Before the window: the real clock, an authorization of 18 months.</summary>
public sealed class ProlongBeforeWindowTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Post_before_the_90_day_window_is_refused_and_the_page_says_from_which_date()
    {
        var arranged = await app.ApprovedWithMembersAsync("Commune en avance");
        var before = await app.WithDbAsync(db => db.Authorizations.AsNoTracking().SingleAsync(a => a.Id == arranged.AuthorizationId));
        var applicant = await app.SignedInAsync(arranged.Applicant);
        var url = $"/habilitations/{arranged.AuthorizationId}/prolonger";

        var page = await applicant.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"à partir du {before.ProlongationOpensOn:dd/MM/yyyy}", page.Document.GetElementById("prolongation-closed")!.TextContent);
        Assert.Null(page.Document.GetElementById("prolongation"));

        var refused = await applicant.PostAsync(url, new Dictionary<string, string>
        {
            ["SameOrganization"] = "true", ["SamePurpose"] = "true", ["SameContacts"] = "true", ["SameScopes"] = "true",
        });

        Assert.Equal(url, refused.Location);
        Assert.Contains($"à partir du {before.ProlongationOpensOn:dd/MM/yyyy}", (await applicant.FollowAsync(refused)).Text);
        var after = await app.WithDbAsync(db => db.Authorizations.AsNoTracking().SingleAsync(a => a.Id == arranged.AuthorizationId));
        Assert.Equal(before.ExpiresOn, after.ExpiresOn);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == arranged.AuthorizationId && a.Action == "authorization.prolonged")));
    }
}
