using Admin.Domain.Organizations;
using Admin.Infrastructure.Email;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Outbox;

/// <summary>
/// Account and invitation e-mails come from events, like every notification: each has its audit
/// row, and the tokens of their links never reach the audit trail, raw or encoded.
/// </summary>
public sealed class EmailEventsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Sign_up_resend_reset_and_invitation_are_audited_from_their_events_without_their_tokens()
    {
        var browser = new Browser(app.CreateBrowser());
        var email = $"jeton.{Guid.NewGuid():N}@mairie-exemple.fr";
        await browser.SubmitAsync("/compte/inscription", Accounts.RegistrationForm(email));
        await browser.SubmitAsync("/compte/renvoyer-confirmation", new Dictionary<string, string> { ["Email"] = email });
        var confirmations = (await app.DeliverOutboxAsync()).Where(m => m.To == email && m.Kind == AccountNotifications.ConfirmEmailKind).ToList();
        await browser.GetAsync(Accounts.LinkIn(confirmations[0], "/compte/confirmer"));
        await browser.SubmitAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = email });
        var reset = (await app.DeliverOutboxAsync()).Single(m => m.To == email && m.Kind == AccountNotifications.ResetPasswordKind);
        var applicant = await app.PartnerWithOrganizationAsync();
        var inviter = await app.SignedInAsync(applicant);
        var invitee = $"invite.{Guid.NewGuid():N}@mairie-exemple.fr";
        await inviter.SubmitAsync(applicant.MembersUrl(), new Dictionary<string, string>
            { ["Invite.Email"] = invitee, ["Invite.Role"] = nameof(MembershipRole.BusinessContact) }, $"/organisations/{applicant.Organization.Id}/invitations");
        var invitation = (await app.DeliverOutboxAsync()).Single(m => m.To == invitee && m.Kind == InvitationNotifications.InvitationKind);

        var codes = confirmations.Select(m => CodeIn(Accounts.LinkIn(m, "/compte/confirmer"))).Append(CodeIn(Accounts.LinkIn(reset, "/compte/nouveau-mot-de-passe")));
        var secrets = codes.SelectMany(code => new[] { code, EmailLinks.DecodeToken(code)! })
            .Append(Accounts.LinkIn(invitation, "/invitations/").Split('/').Last())
            .ToList();
        var user = await app.FindUserAsync(email);
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.AggregateId == user!.Id || a.AggregateId == applicant.Organization.Id).ToListAsync());

        Assert.Equal(2, confirmations.Count);
        Assert.All(secrets, secret => Assert.True(secret.Length >= 20, "a token too short to be a token"));
        Assert.Subset(audit.Select(a => a.Action).ToHashSet(),
            new HashSet<string> { "account.registered", "account.confirmation_resent", "account.password_reset_requested", "organization.invitation_sent" });
        Assert.All(audit, a => Assert.All(secrets, secret => Assert.DoesNotContain(secret, a.Data ?? "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Password_change_is_audited_and_mailed_from_one_event()
    {
        var partner = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(partner);

        await browser.SubmitAsync("/compte", new Dictionary<string, string>
        {
            ["CurrentPassword"] = partner.Password, ["NewPassword"] = "Nouveau-Secret-2026", ["ConfirmPassword"] = "Nouveau-Secret-2026",
        }, "/compte/mot-de-passe");

        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(a => a.AggregateId == partner.User.Id && a.Action == "account.password_changed"));
        var mail = Assert.Single(await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.To == partner.Email && m.Kind == AccountNotifications.PasswordChangedKind).ToListAsync()));
        Assert.Equal(partner.User.Id, audit.ActorId);
        Assert.Contains("http://localhost/compte/mot-de-passe-oublie", mail.TextBody, StringComparison.Ordinal);
    }

    private static string CodeIn(string link) => link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..].Split('&')[0];
}
