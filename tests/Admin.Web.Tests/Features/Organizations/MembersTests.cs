using System.Net;
using Admin.Domain.Organizations;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Features.Organizations;

public sealed class MembersTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static readonly Dictionary<string, string> NoFields = [];

    [Fact]
    public async Task Get_as_applicant_lists_members_and_pending_invitations_with_management_controls()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var contact = await app.MemberOfAsync(applicant, MembershipRole.TechnicalContact);
        var invitedEmail = $"invite.{Guid.NewGuid():N}@mairie-exemple.fr";
        await app.InvitationAsync(applicant, invitedEmail, MembershipRole.BusinessContact);
        var browser = await app.SignedInAsync(applicant);

        var page = await browser.GetAsync(applicant.MembersUrl());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var tables = page.Document.QuerySelectorAll("table");
        Assert.Equal(2, tables.Length);
        var contactRow = tables[0].QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(contact.Email));
        Assert.Contains("Contact technique", contactRow.QuerySelector(".fr-badge")!.TextContent);
        Assert.NotNull(contactRow.QuerySelector($"a[href='{applicant.MembersUrl()}/{contact.User.Id}/retirer']"));
        Assert.Contains(invitedEmail, tables[1].TextContent);
        Assert.Contains("Contact métier", tables[1].TextContent);
        Assert.NotNull(page.Document.QuerySelector("[name='Invite.Email']"));
        Assert.NotNull(page.Document.QuerySelector("select[name='Invite.Role']"));
        Assert.All(tables, t => Assert.NotNull(t.QuerySelector("caption")));
    }

    [Fact]
    public async Task Get_as_business_contact_lists_members_without_management_controls()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var contact = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        await app.InvitationAsync(applicant, $"invite.{Guid.NewGuid():N}@mairie-exemple.fr", MembershipRole.BusinessContact);
        var browser = await app.SignedInAsync(contact);

        var page = await browser.GetAsync(applicant.MembersUrl());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(applicant.Email, page.Text);
        Assert.Null(page.Document.QuerySelector("[name='Invite.Email']"));
        Assert.Null(page.Document.QuerySelector("select[name='Role']"));
        Assert.Null(page.Document.QuerySelector("a[href$='/retirer'], a[href$='/annuler']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='/organisations/{applicant.Organization.Id}/quitter']"));
    }

    [Fact]
    public async Task Post_change_role_stores_new_role_with_audit()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var contact = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var browser = await app.SignedInAsync(applicant).ReadyToPostAsync();

        var page = await browser.PostAsync($"{applicant.MembersUrl()}/{contact.User.Id}/role",
            new Dictionary<string, string> { ["Role"] = nameof(MembershipRole.TechnicalContact) });

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(applicant.MembersUrl(), page.Location);
        var stored = await app.StoredOrganizationAsync(applicant.Organization.Id);
        Assert.Equal(MembershipRole.TechnicalContact, stored.RoleOf(contact.User.Id));
        Assert.True(await app.AuditedAsync(applicant.Organization.Id, "organization.member_role_changed", applicant.User.Id));
    }

    [Fact]
    public async Task Post_change_role_of_last_applicant_shows_french_message_and_keeps_role()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(applicant).ReadyToPostAsync();

        var page = await browser.PostAsync($"{applicant.MembersUrl()}/{applicant.User.Id}/role",
            new Dictionary<string, string> { ["Role"] = nameof(MembershipRole.BusinessContact) });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(OrganizationErrors.LastApplicantCannotLeave.Message, page.ErrorSummary());
        Assert.Equal(nameof(MembershipRole.Applicant), page.SelectedIn("Role"));
        Assert.Equal(MembershipRole.Applicant, (await app.StoredOrganizationAsync(applicant.Organization.Id)).RoleOf(applicant.User.Id));
    }

    [Fact]
    public async Task Get_remove_asks_for_confirmation_with_a_post_button_and_a_way_back()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var contact = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var browser = await app.SignedInAsync(applicant);
        var url = $"{applicant.MembersUrl()}/{contact.User.Id}/retirer";

        var page = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Confirmez-vous le retrait de", page.Text);
        Assert.Contains(contact.Email, page.Text);
        Assert.NotNull(page.Document.QuerySelector($"form[method='post'][action='{url}'] button[type='submit']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='{applicant.MembersUrl()}']"));
        Assert.True((await app.StoredOrganizationAsync(applicant.Organization.Id)).IsMember(contact.User.Id));
    }

    [Fact]
    public async Task Post_remove_takes_member_out_with_audit()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var contact = await app.MemberOfAsync(applicant, MembershipRole.TechnicalContact);
        var browser = await app.SignedInAsync(applicant);
        var url = $"{applicant.MembersUrl()}/{contact.User.Id}/retirer";

        var page = await browser.SubmitAsync(url, NoFields);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.False((await app.StoredOrganizationAsync(applicant.Organization.Id)).IsMember(contact.User.Id));
        Assert.True(await app.AuditedAsync(applicant.Organization.Id, "organization.member_removed", applicant.User.Id));
        Assert.Contains("Le membre a été retiré", (await browser.FollowAsync(page)).Text);
    }

    [Fact]
    public async Task Post_revoke_cancels_the_invitation_with_audit()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var (invitationId, _) = await app.InvitationAsync(applicant, $"annule.{Guid.NewGuid():N}@mairie-exemple.fr", MembershipRole.BusinessContact);
        var browser = await app.SignedInAsync(applicant);
        var url = $"/organisations/{applicant.Organization.Id}/invitations/{invitationId}/annuler";

        var confirm = await browser.GetAsync(url);
        var page = await browser.PostAsync(url, NoFields);

        Assert.Contains("Confirmez-vous l'annulation de l'invitation", confirm.Text);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var invitation = (await app.StoredOrganizationAsync(applicant.Organization.Id)).Invitations.Single(i => i.Id == invitationId);
        Assert.NotNull(invitation.RevokedAt);
        Assert.True(await app.AuditedAsync(applicant.Organization.Id, "organization.invitation_revoked", applicant.User.Id));
    }

    [Fact]
    public async Task Post_leave_as_business_contact_takes_them_out_with_audit()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var contact = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var browser = await app.SignedInAsync(contact);
        var url = $"/organisations/{applicant.Organization.Id}/quitter";

        var confirm = await browser.GetAsync(url);
        var page = await browser.PostAsync(url, NoFields);

        Assert.Contains("Confirmez-vous que vous quittez l'organisation", confirm.Text);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/organisations", page.Location);
        Assert.False((await app.StoredOrganizationAsync(applicant.Organization.Id)).IsMember(contact.User.Id));
        Assert.True(await app.AuditedAsync(applicant.Organization.Id, "organization.member_left", contact.User.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(applicant.MembersUrl())).Status);
    }

    [Fact]
    public async Task Post_leave_as_last_applicant_shows_french_message_and_keeps_membership()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        await app.MemberOfAsync(applicant, MembershipRole.TechnicalContact);
        var browser = await app.SignedInAsync(applicant);

        var page = await browser.SubmitAsync($"/organisations/{applicant.Organization.Id}/quitter", NoFields);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("L'organisation doit garder au moins un demandeur", page.ErrorSummary());
        Assert.True((await app.StoredOrganizationAsync(applicant.Organization.Id)).IsMember(applicant.User.Id));
    }

    [Fact]
    public async Task Business_contact_gets_403_on_every_member_management_action_and_nothing_changes()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var contact = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var other = await app.MemberOfAsync(applicant, MembershipRole.TechnicalContact);
        var (invitationId, _) = await app.InvitationAsync(applicant, $"reste.{Guid.NewGuid():N}@mairie-exemple.fr", MembershipRole.BusinessContact);
        var browser = await app.SignedInAsync(contact).ReadyToPostAsync();

        var answers = await ManagementAnswersAsync(browser, applicant.Organization.Id, other.User.Id, invitationId);

        Assert.All(answers, a => Assert.True(a.Value == HttpStatusCode.Forbidden, $"{a.Key}: {a.Value}"));
        var stored = await app.StoredOrganizationAsync(applicant.Organization.Id);
        Assert.Equal(MembershipRole.TechnicalContact, stored.RoleOf(other.User.Id));
        Assert.Null(stored.Invitations.Single(i => i.Id == invitationId).RevokedAt);
        Assert.DoesNotContain(stored.Invitations, i => i.Email.StartsWith("intrus.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Member_of_another_organization_gets_404_on_every_page_and_action_of_it()
    {
        var applicantA = await app.PartnerWithOrganizationAsync("Commune A");
        var memberA = await app.MemberOfAsync(applicantA, MembershipRole.BusinessContact);
        var (invitationId, _) = await app.InvitationAsync(applicantA, $"a.{Guid.NewGuid():N}@mairie-exemple.fr", MembershipRole.BusinessContact);
        var applicantB = await app.PartnerWithOrganizationAsync("Commune B");
        var browser = await app.SignedInAsync(applicantB).ReadyToPostAsync();
        var org = $"/organisations/{applicantA.Organization.Id}";

        var answers = await ManagementAnswersAsync(browser, applicantA.Organization.Id, memberA.User.Id, invitationId);
        answers["GET members"] = (await browser.GetAsync($"{org}/membres")).Status;
        answers["POST choose"] = (await browser.PostAsync($"{org}/choisir", NoFields)).Status;
        answers["GET leave"] = (await browser.GetAsync($"{org}/quitter")).Status;
        answers["POST leave"] = (await browser.PostAsync($"{org}/quitter", NoFields)).Status;

        Assert.All(answers, a => Assert.True(a.Value == HttpStatusCode.NotFound, $"{a.Key}: {a.Value}"));
        var stored = await app.StoredOrganizationAsync(applicantA.Organization.Id);
        Assert.Equal(2, stored.Memberships.Count);
        Assert.Equal(MembershipRole.BusinessContact, stored.RoleOf(memberA.User.Id));
        Assert.Null(stored.Invitations.Single(i => i.Id == invitationId).RevokedAt);
        Assert.DoesNotContain(stored.Invitations, i => i.Email.StartsWith("intrus.", StringComparison.Ordinal));
    }

    /// <summary>What the applicant-only pages and actions answer this browser (invite, change role, remove, revoke).</summary>
    private static async Task<Dictionary<string, HttpStatusCode>> ManagementAnswersAsync(Browser browser, Guid organizationId,
        Guid memberUserId, Guid invitationId)
    {
        var org = $"/organisations/{organizationId}";
        return new Dictionary<string, HttpStatusCode>
        {
            ["POST invite"] = (await browser.PostAsync($"{org}/invitations", new Dictionary<string, string>
                { ["Invite.Email"] = $"intrus.{Guid.NewGuid():N}@mairie-exemple.fr", ["Invite.Role"] = nameof(MembershipRole.Applicant) })).Status,
            ["POST role"] = (await browser.PostAsync($"{org}/membres/{memberUserId}/role",
                new Dictionary<string, string> { ["Role"] = nameof(MembershipRole.Applicant) })).Status,
            ["GET remove"] = (await browser.GetAsync($"{org}/membres/{memberUserId}/retirer")).Status,
            ["POST remove"] = (await browser.PostAsync($"{org}/membres/{memberUserId}/retirer", NoFields)).Status,
            ["GET revoke"] = (await browser.GetAsync($"{org}/invitations/{invitationId}/annuler")).Status,
            ["POST revoke"] = (await browser.PostAsync($"{org}/invitations/{invitationId}/annuler", NoFields)).Status,
        };
    }
}
