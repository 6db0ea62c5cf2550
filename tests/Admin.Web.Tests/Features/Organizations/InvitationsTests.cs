using System.Net;
using Admin.Domain.Organizations;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Organizations;

public sealed class InvitationsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static readonly Dictionary<string, string> NoFields = [];

    private static Dictionary<string, string> InviteForm(string email, MembershipRole? role) => new()
    {
        ["Invite.Email"] = email,
        ["Invite.Role"] = role?.ToString() ?? "",
    };

    private static string InviteUrl(PartnerArrangement applicant) => $"/organisations/{applicant.Organization.Id}/invitations";

    [Fact]
    public async Task Post_invite_stores_only_the_token_hash_with_audit_and_queues_the_email()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Commune de Bourg");
        var browser = await app.SignedInAsync(applicant);
        var email = $"Invitee.{Guid.NewGuid():N}@Mairie-Exemple.fr";

        var page = await browser.SubmitAsync(applicant.MembersUrl(), InviteForm(email, MembershipRole.TechnicalContact), InviteUrl(applicant));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(applicant.MembersUrl(), page.Location);
        var invitation = Assert.Single((await app.StoredOrganizationAsync(applicant.Organization.Id)).Invitations, i => i.AcceptedAt is null);
        Assert.Equal(email.ToLowerInvariant(), invitation.Email);
        Assert.Equal(MembershipRole.TechnicalContact, invitation.Role);
        Assert.Equal(applicant.User.Id, invitation.InvitedBy);
        Assert.True(await app.AuditedAsync(applicant.Organization.Id, "organization.member_invited", applicant.User.Id));

        var message = Assert.Single(await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == invitation.Email).ToListAsync()));
        Assert.Equal("organization.invitation", message.Kind);
        Assert.Contains("Commune de Bourg", message.Subject);
        Assert.Contains("Contact technique", message.TextBody);
        var link = Accounts.LinkIn(message, "/invitations/");
        var token = link["/invitations/".Length..];
        Assert.Equal(43, token.Length);
        Assert.Equal(OrganizationArrange.HashOf(token), invitation.TokenHash);
        Assert.DoesNotContain(token, invitation.TokenHash);
        Assert.Contains("http://localhost/invitations/" + token, message.TextBody);

        var members = await browser.FollowAsync(page);
        Assert.Contains(invitation.Email, members.Document.QuerySelectorAll("table")[1].TextContent);
    }

    public static TheoryData<string, MembershipRole?, string, string> InvalidInvitations => new()
    {
        { "", MembershipRole.BusinessContact, "Invite.Email", EmailAddressErrors.Required.Message },
        { "pas-une-adresse", MembershipRole.BusinessContact, "Invite.Email", "L'adresse électronique n'est pas valide (exemple : prenom.nom@mairie.fr)." },
        { new string('a', 250) + "@x.fr", MembershipRole.BusinessContact, "Invite.Email", EmailAddressErrors.Invalid.Message },
        // Accepted before the one e-mail rule, it could never be sent and blocked the outbox.
        { "x<script>alert(1)</script>@example.com", MembershipRole.BusinessContact, "Invite.Email", EmailAddressErrors.Invalid.Message },
        { "personne@mairie-exemple.fr", null, "Invite.Role", "Choisissez un rôle dans la liste." },
    };

    [Theory]
    [MemberData(nameof(InvalidInvitations))]
    public async Task Post_invalid_invitation_shows_french_message_next_to_field_and_keeps_values(string email, MembershipRole? role,
        string field, string message)
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(applicant);

        var page = await browser.SubmitAsync(applicant.MembersUrl(), InviteForm(email, role), InviteUrl(applicant));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor(field));
        Assert.Equal(email, page.ValueOf("Invite.Email") ?? "");
        Assert.Equal(role?.ToString() ?? "", page.SelectedIn("Invite.Role"));
        Assert.Empty((await app.StoredOrganizationAsync(applicant.Organization.Id)).Invitations);
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == "organization.invitation" && m.To == email)));
    }

    [Fact]
    public async Task Post_invite_of_an_existing_member_shows_message_next_to_email()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var member = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var browser = await app.SignedInAsync(applicant);

        var page = await browser.SubmitAsync(applicant.MembersUrl(), InviteForm(member.Email.ToUpperInvariant(), MembershipRole.Applicant), InviteUrl(applicant));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Cette personne est déjà membre de l'organisation.", page.ErrorsFor("Invite.Email"));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == "organization.invitation" && m.To == member.Email)));
    }

    [Fact]
    public async Task Invitation_link_from_email_lets_an_existing_partner_join_with_the_invited_role()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Commune de Bron");
        var invitee = await app.PartnerWithoutOrganizationAsync();
        var applicantBrowser = await app.SignedInAsync(applicant);
        await applicantBrowser.SubmitAsync(applicant.MembersUrl(), InviteForm(invitee.Email, MembershipRole.TechnicalContact), InviteUrl(applicant));
        var sent = (await app.DeliverOutboxAsync()).Single(m => m.To == invitee.Email && m.Kind == "organization.invitation");
        Assert.NotNull(sent.SentAt);
        var link = Accounts.LinkIn(sent, "/invitations/");
        var browser = await app.SignedInAsync(invitee);

        var invitation = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, invitation.Status);
        Assert.Contains("Commune de Bron", invitation.Text);
        Assert.Contains("Contact technique", invitation.Text);
        Assert.Contains(applicant.User.DisplayName, invitation.Text);
        Assert.Contains("Accepter l'invitation", invitation.Document.QuerySelector($"form[action='{link}'] button")!.TextContent);

        var accepted = await browser.PostAsync(link, NoFields);

        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal("/espace-partenaire", accepted.Location);
        var stored = await app.StoredOrganizationAsync(applicant.Organization.Id);
        Assert.Equal(MembershipRole.TechnicalContact, stored.RoleOf(invitee.User.Id));
        Assert.NotNull(stored.Invitations.Single(i => i.Email == invitee.Email).AcceptedAt);
        Assert.True(await app.AuditedAsync(applicant.Organization.Id, "organization.member_joined", invitee.User.Id));
        var list = await browser.GetAsync("/organisations");
        Assert.Contains("Organisation courante", list.Document.QuerySelector("tbody tr")!.TextContent);

        var again = await browser.PostAsync(link, NoFields);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("Cette invitation a déjà été utilisée.", again.Text);
    }

    [Fact]
    public async Task Get_invitation_as_anonymous_redirects_to_sign_in_and_back()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var (_, token) = await app.InvitationAsync(applicant, $"anonyme.{Guid.NewGuid():N}@mairie-exemple.fr", MembershipRole.BusinessContact);
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.GetAsync($"/invitations/{token}");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/compte/connexion?ReturnUrl=" + Uri.EscapeDataString($"/invitations/{token}"), page.Location);
    }

    [Fact]
    public async Task Unknown_token_answers_404()
    {
        var browser = await app.SignedInAsync(await app.PartnerWithoutOrganizationAsync()).ReadyToPostAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/invitations/inconnu")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync("/invitations/inconnu", NoFields)).Status);
    }

    [Fact]
    public async Task Post_accept_from_an_account_with_another_email_is_refused_and_tells_how_to_proceed()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var (_, token) = await app.InvitationAsync(applicant, $"destinataire.{Guid.NewGuid():N}@mairie-exemple.fr", MembershipRole.Applicant);
        var someoneElse = await app.PartnerWithoutOrganizationAsync();
        var browser = await app.SignedInAsync(someoneElse);

        var shown = await browser.GetAsync($"/invitations/{token}");
        var page = await browser.PostAsync($"/invitations/{token}", NoFields);

        Assert.Contains("créez d'abord un compte avec", shown.Text);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Cette invitation a été envoyée à une autre adresse électronique que celle de votre compte.",
            page.ErrorSummary());
        Assert.False((await app.StoredOrganizationAsync(applicant.Organization.Id)).IsMember(someoneElse.User.Id));
    }

    [Fact]
    public async Task Post_accept_of_an_expired_invitation_is_refused()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var invitee = await app.PartnerWithoutOrganizationAsync();
        var (_, token) = await app.InvitationAsync(applicant, invitee.Email, MembershipRole.BusinessContact, DateTimeOffset.UtcNow.AddDays(-8));
        var browser = await app.SignedInAsync(invitee);

        var shown = await browser.GetAsync($"/invitations/{token}");
        var page = await browser.PostAsync($"/invitations/{token}", NoFields);

        Assert.Contains("Cette invitation n'est plus valable", shown.Text);
        Assert.Null(shown.Document.QuerySelector("form[action^='/invitations/']"));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Cette invitation a expiré.", page.ErrorSummary());
        Assert.False((await app.StoredOrganizationAsync(applicant.Organization.Id)).IsMember(invitee.User.Id));
    }

    [Fact]
    public async Task Post_accept_of_a_revoked_invitation_is_refused()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var invitee = await app.PartnerWithoutOrganizationAsync();
        var (invitationId, token) = await app.InvitationAsync(applicant, invitee.Email, MembershipRole.BusinessContact);
        await (await app.SignedInAsync(applicant)).SubmitAsync(
            $"/organisations/{applicant.Organization.Id}/invitations/{invitationId}/annuler", NoFields);
        var browser = await app.SignedInAsync(invitee).ReadyToPostAsync();

        var page = await browser.PostAsync($"/invitations/{token}", NoFields);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Cette invitation est introuvable ou a été annulée.", page.ErrorSummary());
        Assert.False((await app.StoredOrganizationAsync(applicant.Organization.Id)).IsMember(invitee.User.Id));
    }
}
