using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.AccessRequests;

/// <summary>Handing a request to another applicant of the organization: from the request page, and by an administrator.</summary>
public sealed class TransferTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static string PartnerUrl(AccessRequest r) => $"/demandes/{r.Id}/transferer";
    private static string StaffUrl(AccessRequest r) => $"/admin/demandes/{r.Id}/transfert";

    private static Dictionary<string, string> Form(Guid to, string message = "") =>
        new() { ["Form.NewApplicantId"] = to.ToString(), ["Form.Message"] = message };

    [Fact]
    public async Task Post_transfer_by_the_applicant_hands_it_over_audits_it_and_tells_both_people()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var colleague = await app.MemberOfAsync(applicant, MembershipRole.Applicant);
        var request = await app.SubmittedAsync(applicant, "Cantine transférée");
        var browser = await app.SignedInAsync(applicant);

        var done = await browser.SubmitAsync(PartnerUrl(request), Form(colleague.User.Id, "Je quitte mon poste le 30 juin."));

        Assert.Equal($"/demandes/{request.Id}", done.Location);
        Assert.Equal(colleague.User.Id, (await app.StoredAsync(request.Id)).ApplicantId);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a =>
            a.AggregateId == request.Id && a.Action == "access_request.transferred" && a.ActorId == applicant.User.Id)));
        var mails = await MailsAsync(request);
        Assert.Contains(mails, m => m.Kind == AccessRequestNotifications.TransferredToKind && m.To == colleague.Email && m.TextBody.Contains("Je quitte mon poste le 30 juin."));
        Assert.Contains(mails, m => m.Kind == AccessRequestNotifications.TransferredFromKind && m.To == applicant.Email);
        var page = await browser.FollowAsync(done);
        Assert.Contains("Demande transférée à un autre demandeur de l'organisation", page.Document.GetElementById("timeline")!.TextContent);
        Assert.Contains("Je quitte mon poste le 30 juin.", page.Document.GetElementById("timeline")!.TextContent);
    }

    [Fact]
    public async Task After_a_transfer_the_new_applicant_is_the_one_told_of_a_decision()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var colleague = await app.MemberOfAsync(applicant, MembershipRole.Applicant);
        var request = await app.SubmittedAsync(applicant);
        await (await app.SignedInAsync(applicant)).SubmitAsync(PartnerUrl(request), Form(colleague.User.Id));

        await app.ThenAsync(request.Id, (_, r, _, now) => Task.FromResult(r.RequestChanges(LifecycleArrange.SomeInstructor, "Précisez la base légale.", now)));

        var changes = (await MailsAsync(request)).Where(m => m.Kind == AccessRequestNotifications.ChangesRequestedKind).Select(m => m.To).ToList();
        Assert.Contains(colleague.Email, changes);
        Assert.DoesNotContain(applicant.Email, changes);
    }

    [Fact]
    public async Task Post_transfer_by_an_administrator_from_the_review_page_tells_both_people()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var colleague = await app.MemberOfAsync(applicant, MembershipRole.Applicant);
        var request = await app.SubmittedAsync(applicant);
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);

        var review = await administrator.GetAsync($"/instruction/demandes/{request.Id}");
        Assert.NotNull(review.Document.QuerySelector($"#decisions a[href='{StaffUrl(request)}']"));
        var done = await administrator.SubmitAsync(StaffUrl(request), Form(colleague.User.Id));

        Assert.Equal($"/instruction/demandes/{request.Id}", done.Location);
        Assert.Equal(colleague.User.Id, (await app.StoredAsync(request.Id)).ApplicantId);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a =>
            a.AggregateId == request.Id && a.Action == "access_request.transferred" && a.ActorId == administratorId)));
        var mails = await MailsAsync(request);
        Assert.Contains(mails, m => m.Kind == AccessRequestNotifications.TransferredToKind && m.To == colleague.Email);
        Assert.Contains(mails, m => m.Kind == AccessRequestNotifications.TransferredFromKind && m.To == applicant.Email);
    }

    [Theory]
    [InlineData(MembershipRole.BusinessContact)]
    [InlineData(null)]
    public async Task Post_transfer_to_a_non_applicant_or_a_non_member_shows_the_message_next_to_the_field(MembershipRole? role)
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var target = role is { } r
            ? (await app.MemberOfAsync(applicant, r)).User.Id
            : (await app.PartnerWithOrganizationAsync("Autre commune")).User.Id;
        var request = await app.SubmittedAsync(applicant);
        var browser = await app.SignedInAsync(applicant);

        var page = await browser.SubmitAsync(PartnerUrl(request), Form(target, "Message gardé"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Choisissez un membre de l'organisation qui a le rôle de demandeur.", page.ErrorsFor("Form.NewApplicantId"));
        Assert.Equal("Message gardé", page.ValueOf("Form.Message"));
        Assert.Equal(applicant.User.Id, (await app.StoredAsync(request.Id)).ApplicantId);
    }

    [Fact]
    public async Task Get_and_post_transfer_as_a_business_contact_answer_403()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var business = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var request = await app.SubmittedAsync(applicant);
        var browser = await app.SignedInAsync(business);

        var page = await browser.GetAsync(PartnerUrl(request));
        await browser.GetAsync($"/demandes/{request.Id}");
        var post = await browser.PostAsync(PartnerUrl(request), Form(business.User.Id));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (page.Status, post.Status));
        Assert.Equal(applicant.User.Id, (await app.StoredAsync(request.Id)).ApplicantId);
    }

    [Fact]
    public async Task Get_and_post_transfer_of_another_organizations_request_answer_404()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedAsync(applicant);
        var outsider = await app.PartnerWithOrganizationAsync("Commune voisine");
        var browser = await app.SignedInAsync(outsider);

        var page = await browser.GetAsync(PartnerUrl(request));
        await browser.GetAsync("/espace-partenaire");
        var post = await browser.PostAsync(PartnerUrl(request), Form(outsider.User.Id));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (page.Status, post.Status));
        Assert.Equal(applicant.User.Id, (await app.StoredAsync(request.Id)).ApplicantId);
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Instructor)]
    public async Task Post_transfer_as_an_auditor_or_instructor_is_refused(string role)
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var colleague = await app.MemberOfAsync(applicant, MembershipRole.Applicant);
        var request = await app.SubmittedAsync(applicant);
        var staff = await app.StaffWithTwoFactorAsync(role);
        await staff.GetAsync($"/instruction/demandes/{request.Id}");

        var post = await staff.PostAsync(StaffUrl(request), Form(colleague.User.Id));

        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Equal(applicant.User.Id, (await app.StoredAsync(request.Id)).ApplicantId);
    }

    [Fact]
    public async Task Get_transfer_of_an_archived_request_goes_back_to_it_with_the_reason()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.RefusedAsync(applicant);
        await app.ThenAsync(request.Id, (_, r, _, now) => Task.FromResult(r.Archive(applicant.User.Id, now)));
        var browser = await app.SignedInAsync(applicant);

        var page = await browser.GetAsync(PartnerUrl(request));

        Assert.Equal($"/demandes/{request.Id}", page.Location);
    }

    private Task<List<OutboxMessage>> MailsAsync(AccessRequest request) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.TextBody.Contains(request.Id.ToString())).ToListAsync());
}
