using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Review;

/// <summary>"Préparer une demande pour une organisation": staff prepare a draft, one of its applicants takes it over and sends it.</summary>
public sealed class PrepareDraftTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private const string SearchUrl = "/instruction/demandes/preparer";
    private static string FormUrl(Organization o) => $"/instruction/demandes/preparer/{o.Id}";

    private static Dictionary<string, string> Form(Guid applicantId, string name = "Inscription au conservatoire", string scope = "cnaf_quotient_familial") =>
        new() { ["Form.ApplicantId"] = applicantId.ToString(), ["Form.Name"] = name, ["Form.Description"] = "", ["Form.Scopes"] = scope };

    [Fact]
    public async Task An_instructor_prepares_a_draft_the_applicant_takes_over_then_sends()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Commune aidée");
        var (instructor, instructorId) = await app.StaffMemberSignedInAsync(Roles.Instructor);

        var search = await instructor.GetAsync($"{SearchUrl}?q={applicant.Organization.Siret.Value}");
        Assert.NotNull(search.Document.QuerySelector($"#organizations a[href='{FormUrl(applicant.Organization)}']"));
        var prepared = await instructor.SubmitAsync(FormUrl(applicant.Organization), Form(applicant.User.Id));

        var request = await app.WithDbAsync(db => db.AccessRequests.AsNoTracking().SingleAsync(r => r.OrganizationId == applicant.Organization.Id));
        Assert.Equal($"/instruction/demandes/{request.Id}", prepared.Location);
        Assert.Equal((AccessRequestStatus.Draft, (Guid?)instructorId, applicant.User.Id, "Inscription au conservatoire"),
            (request.Status, request.PreparedBy, request.ApplicantId, request.Procedure.Name));
        Assert.Equal(["cnaf_quotient_familial"], request.Scopes);
        Assert.True(await AuditedAsync(request, "access_request.prepared"));
        var invitation = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Kind == AccessRequestNotifications.PreparedKind && m.To == applicant.Email));
        Assert.Contains($"/demandes/{request.Id}", invitation.TextBody);

        var partner = await app.SignedInAsync(applicant);
        var page = await partner.GetAsync($"/demandes/{request.Id}");
        Assert.Contains("Préparée par l'équipe API Particulier", page.Document.GetElementById("prepared")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector($"a[href='/demandes/{request.Id}/reprendre']"));
        Assert.Null(page.Document.QuerySelector($"a[href='/demandes/{request.Id}/etapes/demarche']"));

        var taken = await partner.SubmitAsync($"/demandes/{request.Id}/reprendre", new Dictionary<string, string>());
        Assert.Equal($"/demandes/{request.Id}", taken.Location);
        Assert.NotNull((await app.StoredAsync(request.Id)).TakenOverAt);
        Assert.True(await AuditedAsync(request, "access_request.taken_over"));

        foreach (var (step, form) in RequestArrange.ValidForms)
        {
            var saved = await partner.SubmitAsync(RequestArrange.StepUrl(request, step), form.Continue());
            Assert.True(saved.Status == HttpStatusCode.Redirect, $"{step} answered {(int)saved.Status}");
        }

        var summary = await partner.GetAsync($"/demandes/{request.Id}/recapitulatif");
        var version = summary.Document.QuerySelector($"form[action='/demandes/{request.Id}/soumettre'] input[name='version']")!.GetAttribute("value")!;
        await partner.PostAsync($"/demandes/{request.Id}/soumettre", new Dictionary<string, string> { ["version"] = version });

        var sent = await app.StoredAsync(request.Id);
        Assert.Equal((AccessRequestStatus.Submitted, applicant.User.Id), (sent.Status, sent.ApplicantId));
        var timeline = (await partner.GetAsync($"/demandes/{request.Id}")).Document.GetElementById("timeline")!.TextContent;
        Assert.Contains("Demande préparée par l'équipe API Particulier", timeline);
        Assert.Contains("Demande reprise par un demandeur de l'organisation", timeline);
        Assert.Contains("Demande envoyée pour instruction", timeline);
    }

    [Fact]
    public async Task Post_prepare_without_a_name_and_for_a_business_contact_shows_each_message_next_to_its_field()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var business = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        var page = await instructor.SubmitAsync(FormUrl(applicant.Organization), Form(business.User.Id, name: "  ", scope: RequestArrange.RetiredScope));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Choisissez un membre de l'organisation qui a le rôle de demandeur.", page.ErrorsFor("Form.ApplicantId"));
        Assert.Contains("Indiquez le nom de la démarche.", page.ErrorsFor("Form.Name"));
        Assert.Contains("n'existe pas ou n'est plus proposée", page.Document.GetElementById("Form_Scopes-messages")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.AccessRequests.AnyAsync(r => r.OrganizationId == applicant.Organization.Id)));
    }

    [Fact]
    public async Task A_staff_member_of_the_organization_cannot_prepare_its_request()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Commune de l'agent");
        var (instructor, instructorId) = await app.StaffMemberSignedInAsync(Roles.Instructor);
        await app.WithDbAsync(async db =>
        {
            var email = (await db.Users.SingleAsync(u => u.Id == instructorId)).Email!;
            var organization = await db.Organizations.Include(o => o.Memberships).Include(o => o.Invitations).SingleAsync(o => o.Id == applicant.Organization.Id);
            organization.Invite(applicant.User.Id, email, MembershipRole.Applicant, "hash-agent", DateTimeOffset.UtcNow);
            organization.AcceptInvitation("hash-agent", instructorId, email, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var search = await instructor.GetAsync($"{SearchUrl}?q=Commune de l'agent");
        var form = await instructor.GetAsync(FormUrl(applicant.Organization));
        await instructor.GetAsync(SearchUrl);
        var post = await instructor.PostAsync(FormUrl(applicant.Organization), Form(applicant.User.Id));

        Assert.Contains("Vous en êtes membre", search.Document.GetElementById("organizations")!.TextContent);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (form.Status, post.Status));
        Assert.False(await app.WithDbAsync(db => db.AccessRequests.AnyAsync(r => r.OrganizationId == applicant.Organization.Id)));
    }

    [Fact]
    public async Task Get_and_post_prepare_as_an_auditor_answer_403()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var search = await auditor.GetAsync(SearchUrl);
        await auditor.GetAsync("/instruction");
        var post = await auditor.PostAsync(FormUrl(applicant.Organization), Form(applicant.User.Id));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (search.Status, post.Status));
        Assert.False(await app.WithDbAsync(db => db.AccessRequests.AnyAsync(r => r.OrganizationId == applicant.Organization.Id)));
    }

    [Fact]
    public async Task Post_take_over_as_a_business_contact_answers_403()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var business = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);
        await instructor.SubmitAsync(FormUrl(applicant.Organization), Form(applicant.User.Id));
        var request = await app.WithDbAsync(db => db.AccessRequests.AsNoTracking().SingleAsync(r => r.OrganizationId == applicant.Organization.Id));
        var browser = await app.SignedInAsync(business);
        await browser.GetAsync($"/demandes/{request.Id}");

        var post = await browser.PostAsync($"/demandes/{request.Id}/reprendre", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Null((await app.StoredAsync(request.Id)).TakenOverAt);
    }

    private Task<bool> AuditedAsync(AccessRequest request, string action) =>
        app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == request.Id && a.Action == action));
}
