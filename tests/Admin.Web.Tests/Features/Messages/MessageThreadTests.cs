using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Domain.Messages;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Messages;

public sealed class MessageThreadTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static string PartnerPage(AccessRequest r) => $"/demandes/{r.Id}";
    private static string ReviewPage(AccessRequest r) => $"/instruction/demandes/{r.Id}";
    private static Dictionary<string, string> Draft(string body, string intent = "send") => new() { ["Draft.Body"] = body, ["intent"] = intent };

    [Fact]
    public async Task Partner_message_is_emailed_to_the_assignee_and_unread_in_their_queue_until_they_open_the_request()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Ville qui écrit");
        var (instructor, instructorId) = await app.StaffMemberSignedInAsync(Roles.Instructor);
        var (_, otherInstructorId) = await app.StaffMemberSignedInAsync(Roles.Instructor);
        var request = await app.TakenAsync(applicant, instructorId, "Cantine avec question");
        var partner = await app.SignedInAsync(applicant);

        var sent = await partner.SubmitAsync(PartnerPage(request), Draft("Faut-il joindre la délibération ?"), $"{PartnerPage(request)}/messages");

        Assert.Equal($"{PartnerPage(request)}#messages", sent.Location);
        var thread = (await partner.FollowAsync(sent)).Document.GetElementById("thread")!;
        Assert.Contains("Faut-il joindre la délibération ?", thread.TextContent);
        var instructorEmail = (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == instructorId))).Email!;
        var otherEmail = (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == otherInstructorId))).Email!;
        var mails = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == MessageNotifications.ToStaffKind).ToListAsync());
        var mail = Assert.Single(mails, m => m.To == instructorEmail);
        Assert.Contains("Faut-il joindre la délibération ?", mail.TextBody);
        Assert.Contains(ReviewPage(request), mail.TextBody);
        Assert.DoesNotContain(mails, m => m.To == otherEmail);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == request.Id
            && a.Action == RequestMessagePosted.ActionName && a.ActorId == applicant.User.Id)));

        Assert.Equal("1 non lu", UnreadIn(await instructor.GetAsync("/instruction/demandes?q=" + request.Reference), request));
        var review = await instructor.GetAsync(ReviewPage(request));
        Assert.Contains("Nouveau", review.Document.GetElementById($"message-{SingleMessageId(review)}")!.TextContent);
        Assert.Equal("—", UnreadIn(await instructor.GetAsync("/instruction/demandes?q=" + request.Reference), request));
        Assert.DoesNotContain("message_posted", (await partner.GetAsync(PartnerPage(request))).Document.GetElementById("timeline")!.TextContent);
    }

    [Fact]
    public async Task Partner_message_on_a_request_nobody_follows_goes_to_every_active_instructor()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedAsync(applicant);
        var instructor = await app.CreateUserAsync($"instructeur.{Guid.NewGuid():N}@api.gouv.fr", Accounts.StrongPassword, Roles.Instructor);
        var partner = await app.SignedInAsync(applicant);

        await partner.SubmitAsync(PartnerPage(request), Draft("Une précision."), $"{PartnerPage(request)}/messages");

        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == MessageNotifications.ToStaffKind && m.To == instructor.Email)));
    }

    [Fact]
    public async Task Staff_message_reaches_the_applicant_by_email_and_as_an_unread_count_on_the_partner_home()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Ville lectrice");
        var request = await app.SubmittedAsync(applicant, "Cantine à éclaircir");
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        var sent = await instructor.SubmitAsync(ReviewPage(request), Draft("Pouvez-vous préciser le volume annuel ?"), $"{ReviewPage(request)}/messages");

        Assert.Equal($"{ReviewPage(request)}#messages", sent.Location);
        var mail = Assert.Single(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == MessageNotifications.ToPartnerKind && m.To == applicant.Email).ToListAsync()));
        Assert.Contains("Pouvez-vous préciser le volume annuel ?", mail.TextBody);
        Assert.Contains(PartnerPage(request), mail.TextBody);

        var partner = await app.SignedInAsync(applicant);
        var home = await partner.GetAsync("/espace-partenaire");
        Assert.Contains("1 message non lu", home.Document.GetElementById("unread-messages")!.TextContent);
        var row = home.Document.QuerySelectorAll("#requests tbody tr").Single(tr => tr.TextContent.Contains("Cantine à éclaircir"));
        Assert.Contains("1 non lu", row.QuerySelector(".apip-unread")!.TextContent);

        var page = await partner.GetAsync(PartnerPage(request));
        var message = page.Document.QuerySelector("#thread li")!;
        Assert.Contains("équipe API Particulier", message.TextContent);
        Assert.Contains("Nouveau", message.TextContent);
        Assert.Null((await partner.GetAsync("/espace-partenaire")).Document.GetElementById("unread-messages"));
    }

    [Fact]
    public async Task Staff_reply_is_emailed_to_members_who_wrote_in_the_thread_as_well_as_the_applicant()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var technical = await app.MemberOfAsync(applicant, MembershipRole.TechnicalContact);
        var request = await app.SubmittedAsync(applicant);
        var member = await app.SignedInAsync(technical);
        await member.SubmitAsync(PartnerPage(request), Draft("Question du contact technique."), $"{PartnerPage(request)}/messages");
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        await instructor.SubmitAsync(ReviewPage(request), Draft("Réponse de l'instruction."), $"{ReviewPage(request)}/messages");

        var to = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == MessageNotifications.ToPartnerKind
            && m.TextBody.Contains("Réponse de l'instruction.")).Select(m => m.To).ToListAsync());
        Assert.Equal(new[] { applicant.Email, technical.Email }.Order(), to.Order());
    }

    [Theory]
    [InlineData("   ", "Saisissez votre message.")]
    [InlineData(null, "Le message ne peut pas dépasser 4000 caractères.")]
    public async Task Invalid_message_is_refused_next_to_the_field_and_what_was_typed_stays(string? body, string error)
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedAsync(applicant);
        var partner = await app.SignedInAsync(applicant);
        var typed = body ?? new string('a', RequestMessage.BodyMaxLength + 1);

        var page = await partner.SubmitAsync(PartnerPage(request), Draft(typed), $"{PartnerPage(request)}/messages");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([error], page.ErrorsFor("Draft.Body"));
        Assert.Equal(typed, page.ValueOf("Draft.Body"));
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestMessages.CountAsync(m => m.AccessRequestId == request.Id)));
    }

    [Fact]
    public async Task Auditor_reads_the_thread_without_a_form_and_their_post_is_refused()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedAsync(applicant);
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var page = await auditor.GetAsync(ReviewPage(request));
        var post = await auditor.PostAsync($"{ReviewPage(request)}/messages", Draft("Je ne devrais pas écrire."));

        Assert.NotNull(page.Document.GetElementById("messages"));
        Assert.Null(page.Document.GetElementById("message-form"));
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestMessages.CountAsync(m => m.AccessRequestId == request.Id)));
    }

    [Fact]
    public async Task Another_organization_cannot_read_nor_write_the_thread_and_a_business_contact_may_write()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var business = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var request = await app.SubmittedAsync(applicant);
        var outsider = await app.SignedInAsync(await app.PartnerWithOrganizationAsync());
        await outsider.GetAsync("/espace-partenaire");

        var post = await outsider.PostAsync($"{PartnerPage(request)}/messages", Draft("Intrusion."));
        var member = await app.SignedInAsync(business);
        var written = await member.SubmitAsync(PartnerPage(request), Draft("Le contact métier écrit."), $"{PartnerPage(request)}/messages");

        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        Assert.Equal(HttpStatusCode.Redirect, written.Status);
        var stored = Assert.Single(await app.WithDbAsync(db => db.RequestMessages.Where(m => m.AccessRequestId == request.Id).ToListAsync()));
        Assert.Equal((business.User.Id, MessageSide.Partner), (stored.AuthorId, stored.Side));
    }

    [Fact]
    public async Task Inserting_a_template_adds_it_with_its_variables_after_what_was_typed_and_sends_nothing()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Commune des modèles");
        var request = await app.SubmittedAsync(applicant, "Cantine modèle");
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);
        var template = await app.WithDbAsync(db => db.MessageTemplates.FirstAsync(t => t.Kind == TemplateKind.Message && !t.IsRetired));

        var review = await instructor.GetAsync(ReviewPage(request));
        Assert.Contains(review.Document.QuerySelectorAll("select[name='Draft.TemplateId'] option"), o => o.GetAttribute("value") == template.Id.ToString());
        var page = await instructor.PostAsync($"{ReviewPage(request)}/messages",
            new Dictionary<string, string> { ["Draft.Body"] = "Bonjour,", ["Draft.TemplateId"] = template.Id.ToString(), ["intent"] = "insert" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var text = page.ValueOf("Draft.Body")!;
        Assert.StartsWith("Bonjour,\n\n", text.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("Commune des modèles", text);
        Assert.Contains(request.Number, text);
        Assert.Contains("Cantine modèle", text);
        Assert.DoesNotContain("{", text);
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestMessages.CountAsync(m => m.AccessRequestId == request.Id)));

        var none = await instructor.PostAsync($"{ReviewPage(request)}/messages", new Dictionary<string, string> { ["Draft.Body"] = "Gardé.", ["intent"] = "insert" });
        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
        Assert.Equal(["Choisissez un modèle à insérer."], none.ErrorsFor("Draft.TemplateId"));
        Assert.Equal("Gardé.", none.ValueOf("Draft.Body"));
    }

    [Fact]
    public async Task Message_on_an_archived_request_is_refused_with_the_reason()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.RefusedAsync(applicant);
        await app.ThenAsync(request.Id, (_, r, _, now) => Task.FromResult(r.Archive(applicant.User.Id, now)));
        var partner = await app.SignedInAsync(applicant);

        var page = await partner.GetAsync(PartnerPage(request));
        var post = await partner.PostAsync($"{PartnerPage(request)}/messages", Draft("Encore une question."));

        Assert.Null(page.Document.GetElementById("message-form"));
        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        Assert.Contains("Cette demande est archivée", (await partner.FollowAsync(post)).Text);
        Assert.Equal(0, await app.WithDbAsync(db => db.RequestMessages.CountAsync(m => m.AccessRequestId == request.Id)));
    }

    private static Guid SingleMessageId(Page page) =>
        Guid.Parse(page.Document.QuerySelector("#thread li")!.Id!["message-".Length..]);

    private static string UnreadIn(Page queue, AccessRequest request) =>
        queue.Document.QuerySelector($"tr[data-request-id='{request.Id}'] .apip-unread")!.TextContent.Trim();
}
