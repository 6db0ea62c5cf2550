using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Domain.Authorizations;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Review;

public sealed class ReviewTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static string ReviewUrl(AccessRequest r) => $"/instruction/demandes/{r.Id}";
    private static string DecisionUrl(AccessRequest r, string slug) => $"/instruction/demandes/{r.Id}/decision/{slug}";

    [Fact]
    public async Task Get_review_as_auditor_shows_every_section_the_charter_record_and_no_decision()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Ville relue");
        var request = await app.SubmittedAsync(applicant, "Cantine relue");
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var page = await auditor.GetAsync(ReviewUrl(request));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Cantine relue", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("cnaf_quotient_familial", page.Document.GetElementById("scopes")!.TextContent);
        Assert.Contains("acceptée par", page.Document.GetElementById("charter")!.TextContent);
        Assert.Contains(applicant.Email, page.Document.GetElementById("members")!.TextContent);
        Assert.Contains("Demande envoyée pour instruction", page.Document.GetElementById("timeline")!.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll("#decisions a, #decisions button"));
    }

    [Fact]
    public async Task Get_review_as_partner_is_refused_even_for_its_own_request()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedAsync(applicant);
        var partner = await app.SignedInAsync(applicant);

        var page = await partner.GetAsync(ReviewUrl(request));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    [Fact]
    public async Task Get_review_of_a_resubmission_shows_what_changed_field_by_field()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.ChangesRequestedAsync(applicant);
        await app.ThenAsync(request.Id, async (db, r, _, now) =>
        {
            var offerable = await db.OfferableScopesAsync(CancellationToken.None);
            r.SaveScopes(applicant.User.Id, ["cnaf_quotient_familial", "cnaf_enfants"], offerable, now);
            r.SaveDataProtection(applicant.User.Id, new DataProtection("Caisse des écoles", 12, null), now);
            return await db.SubmitAgainAsync(r, applicant.User.Id, now);
        });
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        var page = await instructor.GetAsync(ReviewUrl(request));

        var changes = page.Document.GetElementById("changes")!;
        Assert.Contains("Ce qui a changé depuis l'envoi n° 1", changes.TextContent);
        var rows = changes.QuerySelectorAll("tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Contains(rows, t => t.Contains("(cnaf_enfants)") && t.Contains("Donnée « ") && t.Contains("ajoutée"));
        Assert.Contains(rows, t => t.Contains("Données personnelles : destinataires") && t.Contains("Caisse des écoles"));
        Assert.Contains(rows, t => t.Contains("durée de conservation") && t.Contains("12"));
    }

    [Fact]
    public async Task Post_take_makes_the_request_mine_and_is_audited()
    {
        var request = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync());
        var (instructor, instructorId) = await app.StaffMemberSignedInAsync(Roles.Instructor);
        await instructor.GetAsync(ReviewUrl(request));

        var taken = await instructor.PostAsync($"{ReviewUrl(request)}/prendre", new Dictionary<string, string>());

        Assert.Equal(ReviewUrl(request), taken.Location);
        var stored = await app.StoredAsync(request.Id);
        Assert.Equal(instructorId, stored.AssignedTo);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == request.Id && a.Action == "access_request.assigned" && a.ActorId == instructorId)));
    }

    [Fact]
    public async Task Post_request_changes_without_a_message_shows_the_message_next_to_the_field_and_changes_nothing()
    {
        var request = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync());
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        var page = await instructor.SubmitAsync(DecisionUrl(request, "modifications"), Form(request.Version, ("Message", "  ")));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Expliquez au demandeur les modifications attendues.", page.ErrorsFor("Form.Message"));
        Assert.Equal(AccessRequestStatus.Submitted, (await app.StoredAsync(request.Id)).Status);
    }

    [Fact]
    public async Task Post_request_changes_shows_a_confirmation_first_then_saves_audits_and_tells_the_applicant()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedAsync(applicant);
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);
        var fields = Form(request.Version, ("Message", "Précisez la durée de conservation."));

        var preview = await instructor.SubmitAsync(DecisionUrl(request, "modifications"), fields);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("Précisez la durée de conservation.", preview.Document.GetElementById("confirmation")!.TextContent);
        Assert.Equal(AccessRequestStatus.Submitted, (await app.StoredAsync(request.Id)).Status);

        var done = await instructor.PostAsync(DecisionUrl(request, "modifications"), With(fields, "confirm"));

        Assert.Equal(ReviewUrl(request), done.Location);
        var stored = await app.StoredAsync(request.Id);
        Assert.Equal((AccessRequestStatus.ChangesRequested, "Précisez la durée de conservation."), (stored.Status, stored.DecisionMessage));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == request.Id && a.Action == "access_request.changes_requested")));
        Assert.Contains(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == applicant.Email).Select(m => m.TextBody).ToListAsync()),
            body => body.Contains("Précisez la durée de conservation."));
    }

    [Fact]
    public async Task Post_approve_with_fewer_scopes_and_a_daily_quota_creates_the_authorization()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedWithScopesAsync(applicant, "Cantine", "cnaf_quotient_familial", "cnaf_enfants");
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6).ToString("yyyy-MM-dd");
        var fields = Form(request.Version, ("GrantedScopes", "cnaf_quotient_familial"), ("RatePerSecond", "10"), ("DailyQuota", "500"), ("ExpiresOn", expiry));

        var preview = await instructor.SubmitAsync(DecisionUrl(request, "validation"), fields);
        Assert.Contains("1 sur 2", preview.Document.GetElementById("confirmation")!.TextContent);
        var done = await instructor.PostAsync(DecisionUrl(request, "validation"), With(fields, "confirm"));

        Assert.Equal(ReviewUrl(request), done.Location);
        var stored = await app.StoredAsync(request.Id);
        var authorization = await app.WithDbAsync(db => db.Authorizations.AsNoTracking().SingleAsync(a => a.AccessRequestId == request.Id));
        Assert.Equal((AccessRequestStatus.Approved, authorization.Id), (stored.Status, stored.AuthorizationId));
        Assert.Equal(["cnaf_quotient_familial"], authorization.Scopes);
        Assert.Equal((10, 500L, (long?)null, DateOnly.Parse(expiry)), (authorization.RatePerSecond, authorization.DailyQuota, authorization.MonthlyQuota, authorization.ExpiresOn));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == authorization.Id && a.Action == "authorization.granted")));
    }

    [Theory]
    [InlineData("GrantedScopes", "cnous_statut_boursier", "Form.GrantedScopes", "Seules les données demandées peuvent être accordées.")]
    [InlineData("RatePerSecond", "0", "Form.RatePerSecond", "Le débit doit être compris entre 1 et 1000 appels par seconde.")]
    [InlineData("ExpiresOn", "2099-01-01", "Form.ExpiresOn", "Une habilitation dure au plus 18 mois.")]
    public async Task Post_approve_with_an_invalid_grant_shows_the_message_next_to_the_field(string field, string value, string formField, string message)
    {
        var request = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync());
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);
        var fields = Form(request.Version, ("GrantedScopes", "cnaf_quotient_familial"), ("RatePerSecond", "20"));
        fields["Form." + field] = value;

        var page = await instructor.SubmitAsync(DecisionUrl(request, "validation"), fields);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor(formField));
        Assert.False(await app.WithDbAsync(db => db.Authorizations.AnyAsync(a => a.AccessRequestId == request.Id)));
    }

    [Fact]
    public async Task Post_refuse_then_revoke_need_their_reason_and_end_as_told()
    {
        var refused = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync());
        var approved = await app.ApprovedAsync(await app.PartnerWithOrganizationAsync());
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        var missing = await instructor.SubmitAsync(DecisionUrl(refused, "refus"), Form(refused.Version, ("Reason", "")));
        Assert.Contains("Indiquez le motif du refus : il sera transmis au demandeur.", missing.ErrorsFor("Form.Reason"));
        await instructor.PostAsync(DecisionUrl(refused, "refus"), With(Form(refused.Version, ("Reason", "Hors champ.")), "confirm"));
        await instructor.GetAsync(DecisionUrl(approved, "revocation"));
        await instructor.PostAsync(DecisionUrl(approved, "revocation"), With(Form(approved.Version, ("Reason", "Usage non conforme.")), "confirm"));

        Assert.Equal(AccessRequestStatus.Refused, (await app.StoredAsync(refused.Id)).Status);
        Assert.Equal(AccessRequestStatus.Revoked, (await app.StoredAsync(approved.Id)).Status);
        var authorization = await app.WithDbAsync(db => db.Authorizations.AsNoTracking().SingleAsync(a => a.AccessRequestId == approved.Id));
        Assert.Equal((AuthorizationStatus.Revoked, "Usage non conforme."), (authorization.Status, authorization.RevocationReason));
    }

    [Theory]
    [InlineData("modifications")]
    [InlineData("validation")]
    [InlineData("refus")]
    public async Task Post_decision_as_auditor_is_refused_and_changes_nothing(string slug)
    {
        var request = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync());
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);
        await auditor.GetAsync(ReviewUrl(request));

        var get = await auditor.GetAsync(DecisionUrl(request, slug));
        var post = await auditor.PostAsync(DecisionUrl(request, slug),
            With(Form(request.Version, ("Message", "x"), ("Reason", "x"), ("GrantedScopes", "cnaf_quotient_familial")), "confirm"));

        var edit = await auditor.PostAsync(DecisionUrl(request, slug), With(Form(request.Version, ("Message", "x")), "edit"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (get.Status, post.Status, edit.Status));
        Assert.Equal((AccessRequestStatus.Submitted, request.Version), ((await app.StoredAsync(request.Id)).Status, (await app.StoredAsync(request.Id)).Version));
    }

    [Fact]
    public async Task A_staff_member_of_the_organization_cannot_decide_on_its_request()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedAsync(applicant);
        var (instructor, instructorId) = await app.StaffMemberSignedInAsync(Roles.Instructor);
        await app.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.Include(o => o.Memberships).Include(o => o.Invitations).SingleAsync(o => o.Id == applicant.Organization.Id);
            var email = (await db.Users.SingleAsync(u => u.Id == instructorId)).Email!;
            organization.Invite(applicant.User.Id, email, MembershipRole.BusinessContact, "conflict-token", DateTimeOffset.UtcNow);
            organization.AcceptInvitation("conflict-token", instructorId, email, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var review = await instructor.GetAsync(ReviewUrl(request));
        var post = await instructor.PostAsync(DecisionUrl(request, "refus"), With(Form(request.Version, ("Reason", "x")), "confirm"));

        Assert.NotNull(review.Document.GetElementById("conflict-of-interest"));
        Assert.Empty(review.Document.QuerySelectorAll("#decisions a"));
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Equal(AccessRequestStatus.Submitted, (await app.StoredAsync(request.Id)).Status);
    }

    [Fact]
    public async Task Two_instructors_deciding_at_once_one_succeeds_the_other_is_told_and_nothing_is_overwritten()
    {
        var request = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync());
        var first = await app.StaffWithTwoFactorAsync(Roles.Instructor);
        var second = await app.StaffWithTwoFactorAsync(Roles.Instructor);
        var refusal = Form(request.Version, ("Reason", "Hors champ."));
        var changes = Form(request.Version, ("Message", "Précisez la base légale."));
        await first.SubmitAsync(DecisionUrl(request, "refus"), refusal);
        await second.SubmitAsync(DecisionUrl(request, "modifications"), changes);

        var won = await first.PostAsync(DecisionUrl(request, "refus"), With(refusal, "confirm"));
        var lost = await second.PostAsync(DecisionUrl(request, "modifications"), With(changes, "confirm"));

        Assert.Equal(HttpStatusCode.Redirect, won.Status);
        Assert.Equal(HttpStatusCode.Conflict, lost.Status);
        Assert.Contains("Cette demande a été modifiée entre-temps", lost.Text);
        var stored = await app.StoredAsync(request.Id);
        Assert.Equal((AccessRequestStatus.Refused, "Hors champ."), (stored.Status, stored.DecisionMessage));
    }

    private static Dictionary<string, string> Form(int version, params (string Field, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["Form.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (field, value) in fields) form["Form." + field] = value;
        return form;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> form, string intent) => new(form) { ["intent"] = intent };
}
