using Admin.Domain.Users;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Admin.Web.Tests.Support.LifecycleArrange;

namespace Admin.Web.Tests.Outbox;

/// <summary>
/// Every transition of a request tells the people concerned, in the same transaction
/// (docs/decisions/0009-notifications.md): who receives which kind of e-mail, and what it says.
/// </summary>
public sealed class TransitionNotificationsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static StaffMember SomeAdministrator => new(Guid.NewGuid(), new HashSet<string> { Roles.Administrator }, new HashSet<Guid>());

    [Fact]
    public async Task Changes_requested_tell_the_applicant_and_both_contacts_the_message_with_a_link_to_the_request()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedWithContactsAsync(applicant);

        await app.ThenAsync(request.Id, (_, r, _, now) => Task.FromResult(r.RequestChanges(SomeInstructor, "Précisez la durée de conservation.", now)));

        var sent = await SentAsync(request.Id, AccessRequestNotifications.ChangesRequestedKind);
        Assert.Equal(Sorted(applicant.Email, BusinessEmail, TechnicalEmail), Recipients(sent));
        Assert.All(sent, m => Assert.Contains("Précisez la durée de conservation.", m.TextBody, StringComparison.Ordinal));
        Assert.All(sent, m => Assert.Contains($"http://localhost/demandes/{request.Id}", m.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approval_tells_the_applicant_both_contacts_and_the_dpo_with_the_granted_scopes()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedWithContactsAsync(applicant);

        await app.ThenAsync(request.Id, (db, r, _, now) => db.ApproveEverythingAsync(r, null, now));

        var sent = await SentAsync(request.Id, AccessRequestNotifications.ApprovedKind);
        Assert.Equal(Sorted(applicant.Email, BusinessEmail, TechnicalEmail, DpoEmail), Recipients(sent));
        Assert.All(sent, m => Assert.Contains("cnaf_quotient_familial", m.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusal_tells_the_applicant_and_both_contacts_the_reason()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedWithContactsAsync(applicant);

        await app.ThenAsync(request.Id, (_, r, _, now) => Task.FromResult(r.Refuse(SomeInstructor, "Le cadre juridique ne couvre pas ces données.", now)));

        var sent = await SentAsync(request.Id, AccessRequestNotifications.RefusedKind);
        Assert.Equal(Sorted(applicant.Email, BusinessEmail, TechnicalEmail), Recipients(sent));
        Assert.All(sent, m => Assert.Contains("Le cadre juridique ne couvre pas ces données.", m.TextBody, StringComparison.Ordinal));
        Assert.All(sent, m => Assert.DoesNotContain("reste en vigueur", m.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusal_of_an_update_says_the_approval_stands()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedWithContactsAsync(applicant);
        await app.ThenAsync(request.Id, (db, r, _, now) => db.ApproveEverythingAsync(r, null, now));
        await app.ThenAsync(request.Id, (_, r, _, now) => Task.FromResult(r.Reopen(applicant.User.Id, now)));
        await app.ThenAsync(request.Id, (db, r, _, now) => db.SubmitAgainAsync(r, applicant.User.Id, now));

        await app.ThenAsync(request.Id, (_, r, _, now) => Task.FromResult(r.Refuse(SomeInstructor, "La nouvelle finalité n'est pas justifiée.", now)));

        var sent = await SentAsync(request.Id, AccessRequestNotifications.RefusedKind);
        Assert.Equal(Sorted(applicant.Email, BusinessEmail, TechnicalEmail), Recipients(sent));
        Assert.All(sent, m => Assert.Contains("L'habilitation validée auparavant reste en vigueur", m.TextBody, StringComparison.Ordinal));
        Assert.All(sent, m => Assert.Contains("La nouvelle finalité n'est pas justifiée.", m.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revocation_tells_the_applicant_and_the_technical_contact_the_reason()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedWithContactsAsync(applicant);
        await app.ThenAsync(request.Id, (db, r, _, now) => db.ApproveEverythingAsync(r, null, now));

        await app.ThenAsync(request.Id, (_, r, authorization, now) => Task.FromResult(r.Revoke(SomeInstructor, "Usage non conforme constaté.", authorization!, now)));

        var sent = await SentAsync(request.Id, AccessRequestNotifications.RevokedKind);
        Assert.Equal(Sorted(applicant.Email, TechnicalEmail), Recipients(sent));
        Assert.All(sent, m => Assert.Contains("Usage non conforme constaté.", m.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reopening_and_archiving_by_the_applicant_tell_nobody()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var approved = await app.ApprovedAsync(applicant);
        var refused = await app.RefusedAsync(applicant);
        var before = await app.WithDbAsync(db => db.OutboxMessages.CountAsync());

        await app.ThenAsync(approved.Id, (_, r, _, now) => Task.FromResult(r.Reopen(applicant.User.Id, now)));
        await app.ThenAsync(refused.Id, (_, r, _, now) => Task.FromResult(r.Archive(applicant.User.Id, now)));

        var (reopened, archived) = await app.WithDbAsync(async db => (await db.AccessRequests.FindAsync(approved.Id), await db.AccessRequests.FindAsync(refused.Id)));
        Assert.Equal((Admin.Domain.AccessRequests.AccessRequestStatus.Draft, Admin.Domain.AccessRequests.AccessRequestStatus.Archived), (reopened!.Status, archived!.Status));
        Assert.Equal(before, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task Archiving_by_an_administrator_tells_the_applicant_only()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var refused = await app.RefusedAsync(applicant);

        await app.ThenAsync(refused.Id, (_, r, _, now) => Task.FromResult(r.Archive(SomeAdministrator, now)));

        var sent = await SentAsync(refused.Id, AccessRequestNotifications.ArchivedKind);
        Assert.Equal([applicant.Email], Recipients(sent));
    }

    [Fact]
    public async Task Resubmission_after_changes_tells_instructors_it_was_changed_and_sends_the_applicant_a_receipt()
    {
        var instructor = await app.InstructorAsync();
        var applicant = await app.PartnerWithOrganizationAsync("Commune de Renvoi");
        var request = await app.SubmittedWithContactsAsync(applicant);
        await app.ThenAsync(request.Id, (_, r, _, now) => Task.FromResult(r.RequestChanges(SomeInstructor, "Précisez la durée.", now)));
        var before = await app.WithDbAsync(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());

        await app.ThenAsync(request.Id, (db, r, _, now) => db.SubmitAgainAsync(r, applicant.User.Id, now));

        var sent = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => !before.Contains(m.Id)).ToListAsync());
        var notice = Assert.Single(sent, m => m.Kind == AccessRequestNotifications.InstructorKind && m.To == instructor.Email);
        Assert.Contains("Commune de Renvoi a modifié et renvoyé sa demande", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/instruction", notice.TextBody, StringComparison.Ordinal);
        Assert.Equal([applicant.Email], Recipients([.. sent.Where(m => m.Kind == AccessRequestNotifications.ReceiptKind)]));
    }

    /// <summary>The e-mails of that kind about that request (their link names it).</summary>
    private Task<List<OutboxMessage>> SentAsync(Guid requestId, string kind) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == kind && m.TextBody.Contains(requestId.ToString())).ToListAsync());

    private static List<string> Recipients(IEnumerable<OutboxMessage> sent) => [.. sent.Select(m => m.To).Order(StringComparer.Ordinal)];

    private static List<string> Sorted(params string[] emails) => [.. emails.Order(StringComparer.Ordinal)];
}
