using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Domain.Messages;
using Admin.Domain.Users;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Administration;

public sealed class MessageTemplatesTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Seeded_templates_exist_for_every_decision_and_the_thread_and_are_listed_for_administrators()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);

        var page = await administrator.GetAsync("/admin/modeles");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var kinds = await app.WithDbAsync(db => db.MessageTemplates.Select(t => t.Kind).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<TemplateKind>().Order(), kinds.Order());
        Assert.Contains("Cadre juridique à préciser", page.Document.GetElementById("templates")!.TextContent);
    }

    [Fact]
    public async Task Adding_a_template_with_an_unknown_variable_is_refused_next_to_the_text_and_keeps_what_was_typed()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);

        var page = await administrator.SubmitAsync("/admin/modeles/nouveau",
            new Dictionary<string, string> { ["Kind"] = "Refusal", ["Title"] = "Refus type", ["Body"] = "Bonjour {prenom}," });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("La variable {prenom} n'existe pas", Assert.Single(page.ErrorsFor("Body")));
        Assert.Equal("Bonjour {prenom},", page.ValueOf("Body"));
        Assert.Equal("Refus type", page.ValueOf("Title"));
        Assert.False(await app.WithDbAsync(db => db.MessageTemplates.AnyAsync(t => t.Title == "Refus type")));
    }

    [Fact]
    public async Task A_template_added_edited_then_retired_is_audited_offered_on_its_decision_then_no_longer()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);
        var title = $"Refus {Guid.NewGuid():N}"[..20];

        var added = await administrator.SubmitAsync("/admin/modeles/nouveau",
            new Dictionary<string, string> { ["Kind"] = "Refusal", ["Title"] = title, ["Body"] = "La demande {numero} est refusée." });
        Assert.Equal("/admin/modeles", added.Location);
        var template = await app.WithDbAsync(db => db.MessageTemplates.SingleAsync(t => t.Title == title));
        await administrator.SubmitAsync($"/admin/modeles/{template.Id}/modifier",
            new Dictionary<string, string> { ["Kind"] = "Refusal", ["Title"] = title, ["Body"] = "La demande {numero} de {organisation} est refusée." });

        var request = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync("Ville refusée"));
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);
        var refusal = await instructor.GetAsync($"/instruction/demandes/{request.Id}/decision/refus");
        Assert.Contains(refusal.Document.QuerySelectorAll("select[name='Form.TemplateId'] option"), o => o.TextContent == title);
        var inserted = await instructor.PostAsync($"/instruction/demandes/{request.Id}/decision/refus", new Dictionary<string, string>
        {
            ["Form.Version"] = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.TemplateId"] = template.Id.ToString(), ["intent"] = "insert",
        });
        Assert.Equal($"La demande {request.Number} de Ville refusée est refusée.", inserted.ValueOf("Form.Reason"));

        var confirm = await administrator.GetAsync($"/admin/modeles/{template.Id}/retirer");
        Assert.Contains(title, confirm.Text);
        await administrator.PostAsync($"/admin/modeles/{template.Id}/retirer", new Dictionary<string, string>());
        var after = await instructor.GetAsync($"/instruction/demandes/{request.Id}/decision/refus");
        Assert.DoesNotContain(after.Document.QuerySelectorAll("select[name='Form.TemplateId'] option"), o => o.TextContent == title);

        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(a => a.AggregateId == template.Id).OrderBy(a => a.Id).Select(a => new { a.Action, a.ActorId }).ToListAsync());
        Assert.Equal(["message_template.created", "message_template.edited", "message_template.retired"], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal(administratorId, a.ActorId));
    }

    [Theory]
    [InlineData(Roles.Instructor)]
    [InlineData(Roles.Auditor)]
    public async Task Other_staff_cannot_manage_templates(string role)
    {
        var staff = await app.StaffWithTwoFactorAsync(role);
        var template = await app.WithDbAsync(db => db.MessageTemplates.FirstAsync());
        await staff.GetAsync("/instruction");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/modeles")).Status);
        var post = await staff.PostAsync($"/admin/modeles/{template.Id}/retirer", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.False((await app.WithDbAsync(db => db.MessageTemplates.SingleAsync(t => t.Id == template.Id))).IsRetired);
    }

    [Fact]
    public async Task Approval_with_a_template_message_shows_it_to_the_partner_and_puts_it_in_the_email_with_french_scope_names()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Ville validée");
        var request = await app.SubmittedAsync(applicant, "Cantine validée");
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);
        var template = await app.WithDbAsync(db => db.MessageTemplates.FirstAsync(t => t.Kind == TemplateKind.Approval && !t.IsRetired));
        var url = $"/instruction/demandes/{request.Id}/decision/validation";
        var form = new Dictionary<string, string>
        {
            ["Form.Version"] = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.GrantedScopes"] = "cnaf_quotient_familial", ["Form.RatePerSecond"] = "20",
            ["Form.ExpiresOn"] = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd"), ["Form.TemplateId"] = template.Id.ToString(),
        };

        var inserted = await instructor.SubmitAsync(url, new Dictionary<string, string>(form) { ["intent"] = "insert" });
        var message = inserted.ValueOf("Form.Message")!;
        Assert.Contains(request.Number, message);
        Assert.Equal("cnaf_quotient_familial", inserted.Document.QuerySelector("input[name='Form.GrantedScopes'][checked]")?.GetAttribute("value"));
        var preview = await instructor.PostAsync(url, new Dictionary<string, string>(form) { ["Form.Message"] = message, ["intent"] = "preview" });
        Assert.Contains("Quotient familial", preview.Document.GetElementById("confirmation")!.TextContent);
        await instructor.PostAsync(url, new Dictionary<string, string>(form) { ["Form.Message"] = message, ["intent"] = "confirm" });

        var stored = await app.StoredAsync(request.Id);
        Assert.Equal(AccessRequestStatus.Approved, stored.Status);
        Assert.Equal(message.Replace("\r\n", "\n", StringComparison.Ordinal), stored.DecisionMessage!.Replace("\r\n", "\n", StringComparison.Ordinal));
        var mail = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == AccessRequestNotifications.ApprovedKind && m.To == applicant.Email));
        Assert.Contains("Quotient familial CAF & MSA (cnaf_quotient_familial)", mail.TextBody);
        Assert.Contains("Message de l'instructeur", mail.TextBody);
        var partner = await app.SignedInAsync(applicant);
        var page = await partner.GetAsync($"/demandes/{request.Id}");
        Assert.Contains("Quotient familial CAF & MSA", page.Document.GetElementById("granted-scopes")!.TextContent);
        Assert.Contains(request.Number, page.Document.QuerySelector(".fr-alert")!.TextContent);
    }
}
