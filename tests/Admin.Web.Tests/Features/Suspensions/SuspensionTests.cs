using System.Net;
using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Suspensions;

public sealed class SuspensionTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static Dictionary<string, string> Reason(string reason) => new() { ["Reason"] = reason };

    private static string SuspendAuthorizationUrl(KeyArrangement arranged) => $"/instruction/habilitations/{arranged.AuthorizationId}/suspendre";

    private static string ResumeAuthorizationUrl(KeyArrangement arranged) => $"/instruction/habilitations/{arranged.AuthorizationId}/reprendre";

    private static string StaffKeysUrl(KeyArrangement arranged) => $"/instruction/habilitations/{arranged.AuthorizationId}/cles";

    private static string OrganizationUrl(KeyArrangement arranged) => $"/instruction/organisations/{arranged.Applicant.Organization.Id}";

    [Fact]
    public async Task Post_suspend_authorization_as_auditor_or_partner_is_forbidden_and_changes_nothing()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);
        var applicant = await app.SignedInAsync(arranged.Applicant);
        await auditor.GetAsync(StaffKeysUrl(arranged));
        await applicant.GetAsync(arranged.KeysUrl);

        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync(SuspendAuthorizationUrl(arranged))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync(SuspendAuthorizationUrl(arranged), Reason("Contrôle"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync(SuspendAuthorizationUrl(arranged), Reason("Contrôle"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync($"{OrganizationUrl(arranged)}/suspendre", Reason("Contrôle"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync($"{OrganizationUrl(arranged)}/suspendre", Reason("Contrôle"))).Status);
        Assert.Null((await auditor.GetAsync(StaffKeysUrl(arranged))).Document.GetElementById("suspend-authorization"));
        Assert.Null((await auditor.GetAsync(OrganizationUrl(arranged))).Document.GetElementById("suspend-organization"));

        Assert.Equal(AuthorizationStatus.Active, (await StoredAuthorizationAsync(arranged)).Status);
        Assert.False((await StoredOrganizationAsync(arranged)).IsSuspended);
    }

    [Fact]
    public async Task Post_suspend_by_an_instructor_who_is_a_member_of_the_organization_is_forbidden()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (instructor, instructorId) = await app.StaffMemberSignedInAsync(Roles.Instructor);
        await app.WithDbAsync(async db =>
        {
            var email = (await db.Users.FindAsync(instructorId))!.Email!;
            var organization = await db.Organizations.Include(o => o.Memberships).Include(o => o.Invitations).SingleAsync(o => o.Id == arranged.Applicant.Organization.Id);
            var token = Guid.NewGuid().ToString("N");
            organization.Invite(arranged.Applicant.User.Id, email, MembershipRole.BusinessContact, token, DateTimeOffset.UtcNow);
            organization.AcceptInvitation(token, instructorId, email, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        await instructor.GetAsync(StaffKeysUrl(arranged));

        Assert.Equal(HttpStatusCode.Forbidden, (await instructor.PostAsync(SuspendAuthorizationUrl(arranged), Reason("Mon organisation"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await instructor.PostAsync($"{OrganizationUrl(arranged)}/suspendre", Reason("Mon organisation"))).Status);
        Assert.Null((await instructor.GetAsync(StaffKeysUrl(arranged))).Document.GetElementById("suspend-authorization"));
        Assert.Equal(AuthorizationStatus.Active, (await StoredAuthorizationAsync(arranged)).Status);
        Assert.False((await StoredOrganizationAsync(arranged)).IsSuspended);
    }

    [Fact]
    public async Task Post_suspend_authorization_without_a_reason_shows_the_error_next_to_the_field()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        var page = await instructor.SubmitAsync(SuspendAuthorizationUrl(arranged), Reason("  "));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([AuthorizationErrors.ReasonRequired.Message], page.ErrorsFor("Reason"));
        Assert.Equal(AuthorizationStatus.Active, (await StoredAuthorizationAsync(arranged)).Status);
    }

    [Fact]
    public async Task Post_suspend_authorization_as_instructor_after_confirmation_suspends_audits_emails_and_the_partner_sees_it()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (key, _) = await app.KeyAsync(arranged);
        var (instructor, instructorId) = await app.StaffMemberSignedInAsync(Roles.Instructor);

        var keys = await instructor.GetAsync(StaffKeysUrl(arranged));
        Assert.Equal(SuspendAuthorizationUrl(arranged), keys.Document.GetElementById("suspend-authorization")?.GetAttribute("href"));
        var confirmation = await instructor.GetAsync(SuspendAuthorizationUrl(arranged));
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Contains("Suspendre l'habilitation", confirmation.Document.QuerySelector("h1")!.TextContent);
        var suspended = await instructor.PostAsync(SuspendAuthorizationUrl(arranged), Reason("Usage non conforme signalé"));

        Assert.Equal(StaffKeysUrl(arranged), suspended.Location);
        var stored = await StoredAuthorizationAsync(arranged);
        Assert.Equal((AuthorizationStatus.Suspended, "Usage non conforme signalé", instructorId), (stored.Status, stored.SuspensionReason, stored.UpdatedBy));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateType == "Authorization" && a.AggregateId == arranged.AuthorizationId
            && a.Action == "authorization.suspended" && a.ActorId == instructorId && a.Reason == "Usage non conforme signalé")));
        await AssertMailedToHoldersAsync(arranged, SuspensionNotifications.SuspendedKind, "Usage non conforme signalé");

        var partnerPage = await (await app.SignedInAsync(arranged.Applicant)).GetAsync(arranged.KeysUrl);
        Assert.Contains("Suspendue", partnerPage.Document.GetElementById("suspension")!.TextContent);
        Assert.Contains("Usage non conforme signalé", partnerPage.Document.GetElementById("suspension")!.TextContent);
        Assert.Contains("Suspendue", partnerPage.Document.GetElementById($"key-{key.Id}")!.TextContent);
        Assert.Null(partnerPage.Document.GetElementById("new-key"));
    }

    [Fact]
    public async Task Post_resume_authorization_makes_it_active_again_audits_and_emails()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (instructor, instructorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);
        await instructor.SubmitAsync(SuspendAuthorizationUrl(arranged), Reason("Contrôle en cours"));

        var resumed = await instructor.PostAsync(ResumeAuthorizationUrl(arranged), new Dictionary<string, string>());

        Assert.Equal(StaffKeysUrl(arranged), resumed.Location);
        Assert.Equal(AuthorizationStatus.Active, (await StoredAuthorizationAsync(arranged)).Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == arranged.AuthorizationId
            && a.Action == "authorization.resumed" && a.ActorId == instructorId)));
        await AssertMailedToHoldersAsync(arranged, SuspensionNotifications.ResumedKind, "reprise");
    }

    [Fact]
    public async Task Post_suspend_organization_without_a_reason_shows_the_error_next_to_the_field()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var instructor = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        var page = await instructor.SubmitAsync($"{OrganizationUrl(arranged)}/suspendre", Reason(""));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([OrganizationErrors.SuspensionReasonRequired.Message], page.ErrorsFor("Reason"));
        Assert.False((await StoredOrganizationAsync(arranged)).IsSuspended);
    }

    [Fact]
    public async Task Post_suspend_organization_suspends_every_authorization_refuses_new_keys_audits_and_emails_then_resume_restores()
    {
        var arranged = await app.ApprovedWithMembersAsync();
        var (instructor, instructorId) = await app.StaffMemberSignedInAsync(Roles.Instructor);

        var organizationPage = await instructor.GetAsync(OrganizationUrl(arranged));
        Assert.Equal(HttpStatusCode.OK, organizationPage.Status);
        Assert.NotNull(organizationPage.Document.GetElementById($"authorization-{arranged.AuthorizationId}"));
        Assert.Equal($"{OrganizationUrl(arranged)}/suspendre", organizationPage.Document.GetElementById("suspend-organization")?.GetAttribute("href"));
        var suspended = await instructor.SubmitAsync($"{OrganizationUrl(arranged)}/suspendre", Reason("Convention résiliée"));

        Assert.Equal(OrganizationUrl(arranged), suspended.Location);
        var organization = await StoredOrganizationAsync(arranged);
        Assert.Equal((true, "Convention résiliée"), (organization.IsSuspended, organization.SuspensionReason));
        Assert.Equal(AuthorizationStatus.Active, (await StoredAuthorizationAsync(arranged)).Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateType == "Organization" && a.AggregateId == organization.Id
            && a.Action == "organization.suspended" && a.ActorId == instructorId && a.Reason == "Convention résiliée")));
        await AssertMailedToHoldersAsync(arranged, SuspensionNotifications.OrganizationSuspendedKind, "Convention résiliée");

        var applicant = await app.SignedInAsync(arranged.Applicant);
        var partnerPage = await applicant.GetAsync(arranged.KeysUrl);
        Assert.Contains("Convention résiliée", partnerPage.Document.GetElementById("suspension")!.TextContent);
        await applicant.ConfirmIdentityAsync(arranged.Applicant.Password, arranged.KeysUrl);
        await applicant.GetAsync(arranged.KeysUrl);
        var refused = await applicant.PostAsync(arranged.NewKeyUrl, new Dictionary<string, string> { ["Form.Name"] = "Pendant la suspension", ["Form.Environment"] = "Production" });
        Assert.Equal(arranged.KeysUrl, refused.Location);
        Assert.Contains(ApiKeyErrors.OrganizationSuspended.Message, (await applicant.FollowAsync(refused)).Text);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApiKeys.CountAsync(k => k.AuthorizationId == arranged.AuthorizationId)));

        var resumed = await instructor.PostAsync($"{OrganizationUrl(arranged)}/reprendre", new Dictionary<string, string>());
        Assert.Equal(OrganizationUrl(arranged), resumed.Location);
        Assert.False((await StoredOrganizationAsync(arranged)).IsSuspended);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == organization.Id && a.Action == "organization.resumed")));
    }

    private Task<Admin.Domain.Authorizations.Authorization> StoredAuthorizationAsync(KeyArrangement arranged) =>
        app.WithDbAsync(db => db.Authorizations.AsNoTracking().SingleAsync(a => a.Id == arranged.AuthorizationId));

    private Task<Organization> StoredOrganizationAsync(KeyArrangement arranged) =>
        app.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == arranged.Applicant.Organization.Id));

    private async Task AssertMailedToHoldersAsync(KeyArrangement arranged, string kind, string text)
    {
        var mails = (await app.DeliverOutboxAsync()).Where(m => m.Kind == kind && m.TextBody.Contains(text, StringComparison.Ordinal)
            && m.TextBody.Contains(arranged.KeysUrl, StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { arranged.Applicant.Email, LifecycleArrange.TechnicalEmail }.Order(StringComparer.Ordinal), mails.Select(m => m.To).Order(StringComparer.Ordinal));
    }
}
