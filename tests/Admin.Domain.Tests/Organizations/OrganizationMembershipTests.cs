using Admin.Domain.Common;
using Admin.Domain.Organizations;

namespace Admin.Domain.Tests.Organizations;

public class OrganizationMembershipTests
{
    private static readonly Guid Applicant = OrganizationBuilder.Creator;
    private static readonly Guid Business = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Technical = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Stranger = Guid.Parse("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid Newcomer = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
    private const string NewcomerEmail = "nouveau.venu@paris.fr";
    private const string TokenHash = "token-hash";

    private static Organization WithContacts() => OrganizationBuilder.Registered()
        .WithMember(Business, MembershipRole.BusinessContact)
        .WithMember(Technical, MembershipRole.TechnicalContact)
        .Build();

    // Concurrency token

    public static TheoryData<string> Changes => ["Invite", "RevokeInvitation", "Accept", "Leave", "ChangeRole", "RemoveMember"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Every_change_moves_the_version_once_and_a_refused_one_does_not(string change)
    {
        var organization = WithContacts();
        var invitation = organization.Invite(Applicant, NewcomerEmail, MembershipRole.TechnicalContact, TokenHash, TestClock.Now).Value;
        var before = organization.Version;

        var done = change switch
        {
            "Invite" => organization.Invite(Applicant, "autre@paris.fr", MembershipRole.BusinessContact, "other-hash", TestClock.Now),
            "RevokeInvitation" => organization.RevokeInvitation(Applicant, invitation.Id, TestClock.Now),
            "Accept" => organization.AcceptInvitation(TokenHash, Newcomer, NewcomerEmail, TestClock.Now),
            "Leave" => organization.Leave(Business, TestClock.Now),
            "ChangeRole" => organization.ChangeRole(Applicant, Business, MembershipRole.TechnicalContact, TestClock.Now),
            _ => organization.RemoveMember(Applicant, Technical, TestClock.Now),
        };
        var refused = change switch
        {
            "Invite" => organization.Invite(Stranger, "x@paris.fr", MembershipRole.BusinessContact, "h", TestClock.Now),
            "RevokeInvitation" => organization.RevokeInvitation(Stranger, invitation.Id, TestClock.Now),
            "Accept" => organization.AcceptInvitation("unknown", Newcomer, NewcomerEmail, TestClock.Now),
            "Leave" => organization.Leave(Stranger, TestClock.Now),
            "ChangeRole" => organization.ChangeRole(Business, Technical, MembershipRole.Applicant, TestClock.Now),
            _ => organization.RemoveMember(Business, Applicant, TestClock.Now),
        };

        Assert.True(done.IsSuccess, string.Join(", ", done.Errors.Select(e => e.Code)));
        Assert.True(refused.IsFailure);
        Assert.Equal(before + 1, organization.Version);
    }

    // Who may do what

    [Theory]
    [InlineData("Applicant", true, true)]
    [InlineData("BusinessContact", false, false)]
    [InlineData("TechnicalContact", false, true)]
    [InlineData("Stranger", false, false)]
    public void Rights_depend_on_the_role(string who, bool canManageMembers, bool canManageKeys)
    {
        var organization = WithContacts();
        var userId = who switch
        {
            "Applicant" => Applicant,
            "BusinessContact" => Business,
            "TechnicalContact" => Technical,
            _ => Stranger,
        };

        Assert.Equal(canManageMembers, organization.CanManageMembers(userId));
        Assert.Equal(canManageKeys, organization.CanManageKeys(userId));
    }

    [Fact]
    public void Role_of_a_non_member_is_null()
    {
        var organization = WithContacts();

        Assert.Equal(MembershipRole.TechnicalContact, organization.RoleOf(Technical));
        Assert.Null(organization.RoleOf(Stranger));
        Assert.False(organization.IsMember(Stranger));
    }

    [Fact]
    public void Every_role_has_its_french_label()
    {
        Assert.Equal(["Demandeur", "Contact métier", "Contact technique"], Enum.GetValues<MembershipRole>().Select(r => r.FrenchLabel()));
    }

    // Invite

    [Fact]
    public void Applicant_invites_and_the_invitation_lasts_seven_days()
    {
        var organization = WithContacts();

        var invitation = organization.Invite(Applicant, " Nouveau.Venu@Paris.fr", MembershipRole.TechnicalContact, TokenHash, TestClock.Now).Value;

        Assert.Equal(NewcomerEmail, invitation.Email);
        Assert.Equal(TokenHash, invitation.TokenHash);
        Assert.Equal(TestClock.Now.AddDays(7), invitation.ExpiresAt);
        Assert.Contains(invitation, organization.Invitations);
        var invited = Assert.IsType<MemberInvited>(Assert.Single(organization.DomainEvents));
        Assert.Equal(("organization.member_invited", Applicant, NewcomerEmail), (invited.Action, invited.ActorId, invited.Email));
    }

    [Theory]
    [InlineData("BusinessContact")]
    [InlineData("TechnicalContact")]
    [InlineData("Stranger")]
    public void Only_an_applicant_may_invite(string who)
    {
        var organization = WithContacts();
        var actor = who switch { "BusinessContact" => Business, "TechnicalContact" => Technical, _ => Stranger };

        var result = organization.Invite(actor, NewcomerEmail, MembershipRole.Applicant, TokenHash, TestClock.Now);

        Assert.Equal(ErrorKind.Forbidden, result.FailureKind);
        Assert.Equal("organization.not_allowed_to_manage_members", Assert.Single(result.Errors).Code);
        Assert.DoesNotContain(organization.Invitations, i => i.Email == NewcomerEmail);
    }

    [Fact]
    public void Second_invitation_while_the_first_is_pending_is_refused()
    {
        var organization = WithContacts();
        organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now);

        var result = organization.Invite(Applicant, NewcomerEmail.ToUpperInvariant(), MembershipRole.BusinessContact, "other-hash", TestClock.Now.AddDays(6));

        Assert.Equal(("organization.invitation_already_pending", "Email"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
    }

    [Fact]
    public void New_invitation_is_allowed_once_the_previous_one_expired()
    {
        var organization = WithContacts();
        organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now);

        var result = organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, "other-hash", TestClock.Now.AddDays(7));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void New_invitation_is_allowed_once_the_previous_one_was_revoked()
    {
        var organization = WithContacts();
        var first = organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now).Value;
        Assert.True(organization.RevokeInvitation(Applicant, first.Id, TestClock.Now).IsSuccess);

        var result = organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, "other-hash", TestClock.Now);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Inviting_an_existing_member_is_refused()
    {
        var organization = WithContacts();

        var result = organization.Invite(Applicant, OrganizationBuilder.EmailOf(Business), MembershipRole.TechnicalContact, TokenHash,
            TestClock.Now, existingUserId: Business);

        Assert.Equal(("organization.already_member", "Email"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
    }

    [Fact]
    public void Inviting_a_malformed_address_is_refused_on_the_email_field()
    {
        var organization = WithContacts();

        var result = organization.Invite(Applicant, "nouveau.venu", MembershipRole.TechnicalContact, TokenHash, TestClock.Now);

        Assert.Equal(("email.invalid", "Email"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
    }

    [Fact]
    public void Only_an_applicant_may_revoke_an_invitation()
    {
        var organization = WithContacts();
        var invitation = organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now).Value;

        var result = organization.RevokeInvitation(Business, invitation.Id, TestClock.Now);

        Assert.Equal("organization.not_allowed_to_manage_members", Assert.Single(result.Errors).Code);
        Assert.Null(invitation.RevokedAt);
    }

    // Accept

    [Fact]
    public void Accepting_adds_the_member_with_the_invited_role()
    {
        var organization = WithContacts();
        var invitation = organization.Invite(Applicant, NewcomerEmail, MembershipRole.TechnicalContact, TokenHash, TestClock.Now).Value;
        organization.ClearDomainEvents();
        var later = TestClock.Now.AddDays(2);

        var result = organization.AcceptInvitation(TokenHash, Newcomer, "Nouveau.Venu@paris.fr", later);

        Assert.True(result.IsSuccess);
        Assert.Equal(MembershipRole.TechnicalContact, organization.RoleOf(Newcomer));
        Assert.Equal((later, Newcomer), (invitation.AcceptedAt, invitation.AcceptedBy));
        var joined = Assert.IsType<MemberJoined>(Assert.Single(organization.DomainEvents));
        Assert.Equal(("organization.member_joined", Newcomer, "TechnicalContact"), (joined.Action, joined.UserId, joined.ToState));
    }

    [Fact]
    public void Accepting_just_before_seven_days_works()
    {
        var organization = WithContacts();
        organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now);

        var result = organization.AcceptInvitation(TokenHash, Newcomer, NewcomerEmail, TestClock.Now.AddDays(7).AddSeconds(-1));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Accepting_after_seven_days_is_refused_as_expired()
    {
        var organization = WithContacts();
        organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now);

        var result = organization.AcceptInvitation(TokenHash, Newcomer, NewcomerEmail, TestClock.Now.AddDays(7));

        Assert.Equal("organization.invitation_expired", Assert.Single(result.Errors).Code);
        Assert.False(organization.IsMember(Newcomer));
    }

    [Fact]
    public void Accepting_with_an_account_of_another_address_is_refused()
    {
        var organization = WithContacts();
        organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now);

        var result = organization.AcceptInvitation(TokenHash, Newcomer, "quelquun.dautre@paris.fr", TestClock.Now);

        Assert.Equal("organization.invitation_email_mismatch", Assert.Single(result.Errors).Code);
        Assert.False(organization.IsMember(Newcomer));
    }

    [Fact]
    public void Accepting_an_unknown_token_is_refused_as_not_found()
    {
        var organization = WithContacts();
        organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now);

        var result = organization.AcceptInvitation("another-hash", Newcomer, NewcomerEmail, TestClock.Now);

        Assert.Equal("organization.invitation_not_found", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Accepting_a_revoked_invitation_is_refused_as_not_found()
    {
        var organization = WithContacts();
        var invitation = organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now).Value;
        organization.RevokeInvitation(Applicant, invitation.Id, TestClock.Now);

        var result = organization.AcceptInvitation(TokenHash, Newcomer, NewcomerEmail, TestClock.Now);

        Assert.Equal("organization.invitation_not_found", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Accepting_the_same_invitation_twice_is_refused()
    {
        var organization = WithContacts();
        organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now);
        organization.AcceptInvitation(TokenHash, Newcomer, NewcomerEmail, TestClock.Now);

        var result = organization.AcceptInvitation(TokenHash, Newcomer, NewcomerEmail, TestClock.Now);

        Assert.Equal("organization.invitation_already_used", Assert.Single(result.Errors).Code);
        Assert.Single(organization.Memberships, m => m.UserId == Newcomer);
    }

    [Fact]
    public void Accepting_while_already_a_member_is_refused()
    {
        var organization = WithContacts();
        var businessEmail = OrganizationBuilder.EmailOf(Business);
        organization.Invite(Applicant, businessEmail, MembershipRole.TechnicalContact, TokenHash, TestClock.Now);

        var result = organization.AcceptInvitation(TokenHash, Business, businessEmail, TestClock.Now);

        Assert.Equal("organization.already_member", Assert.Single(result.Errors).Code);
        Assert.Equal(MembershipRole.BusinessContact, organization.RoleOf(Business));
    }

    // Leave, change role, remove

    [Fact]
    public void Last_applicant_cannot_leave()
    {
        var organization = WithContacts();

        var result = organization.Leave(Applicant, TestClock.Now);

        Assert.Equal("organization.last_applicant_cannot_leave", Assert.Single(result.Errors).Code);
        Assert.True(organization.IsMember(Applicant));
    }

    [Fact]
    public void Applicant_can_leave_when_another_applicant_remains()
    {
        var organization = OrganizationBuilder.Registered().WithMember(Newcomer, MembershipRole.Applicant).Build();

        var result = organization.Leave(Applicant, TestClock.Now);

        Assert.True(result.IsSuccess);
        Assert.False(organization.IsMember(Applicant));
        var left = Assert.IsType<MemberLeft>(Assert.Single(organization.DomainEvents));
        Assert.Equal(("organization.member_left", "Applicant"), (left.Action, left.FromState));
    }

    [Fact]
    public void Contact_can_leave()
    {
        var organization = WithContacts();

        Assert.True(organization.Leave(Business, TestClock.Now).IsSuccess);
        Assert.False(organization.IsMember(Business));
    }

    [Fact]
    public void Leaving_an_organization_one_is_not_member_of_is_refused()
    {
        Assert.Equal("organization.member_not_found", Assert.Single(WithContacts().Leave(Stranger, TestClock.Now).Errors).Code);
    }

    // Closing one's account

    [Fact]
    public void Last_applicant_of_an_organization_holding_a_usable_authorization_cannot_close_their_account()
    {
        var organization = WithContacts();

        var result = organization.RemoveClosedAccount(Applicant, holdsUsableAuthorization: true, TestClock.Now);

        Assert.Equal("organization.last_applicant_of_active_authorization", Assert.Single(result.Errors).Code);
        Assert.True(organization.IsMember(Applicant));
        Assert.True(organization.ClosingAccountNeedsAnotherApplicant(Applicant, holdsUsableAuthorization: true));
        Assert.Empty(organization.DomainEvents);
    }

    [Fact]
    public void Last_applicant_of_an_organization_without_usable_authorization_closes_their_account_and_goes()
    {
        var organization = WithContacts();
        var before = organization.Version;

        var result = organization.RemoveClosedAccount(Applicant, holdsUsableAuthorization: false, TestClock.Now);

        Assert.True(result.IsSuccess);
        Assert.False(organization.IsMember(Applicant));
        Assert.Equal(before + 1, organization.Version);
        var closed = Assert.IsType<MemberAccountClosed>(Assert.Single(organization.DomainEvents));
        Assert.Equal(("organization.member_account_closed", "Applicant", Applicant), (closed.Action, closed.FromState, closed.UserId));
    }

    [Theory]
    [InlineData("Business")]
    [InlineData("SecondApplicant")]
    public void A_member_who_is_not_the_last_applicant_closes_their_account_even_with_a_usable_authorization(string who)
    {
        var organization = WithContacts();
        organization.ChangeRole(Applicant, Technical, MembershipRole.Applicant, TestClock.Now);
        var member = who == "Business" ? Business : Technical;

        Assert.False(organization.ClosingAccountNeedsAnotherApplicant(member, holdsUsableAuthorization: true));
        Assert.True(organization.RemoveClosedAccount(member, holdsUsableAuthorization: true, TestClock.Now).IsSuccess);
        Assert.False(organization.IsMember(member));
    }

    [Fact]
    public void Applicant_changes_a_members_role()
    {
        var organization = WithContacts();

        var result = organization.ChangeRole(Applicant, Business, MembershipRole.Applicant, TestClock.Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(MembershipRole.Applicant, organization.RoleOf(Business));
        var changed = Assert.IsType<MemberRoleChanged>(Assert.Single(organization.DomainEvents));
        Assert.Equal(("organization.member_role_changed", "BusinessContact", "Applicant"), (changed.Action, changed.FromState, changed.ToState));
    }

    [Fact]
    public void Business_contact_cannot_change_roles()
    {
        var organization = WithContacts();

        var result = organization.ChangeRole(Business, Business, MembershipRole.Applicant, TestClock.Now);

        Assert.Equal("organization.not_allowed_to_manage_members", Assert.Single(result.Errors).Code);
        Assert.Equal(MembershipRole.BusinessContact, organization.RoleOf(Business));
    }

    [Fact]
    public void Last_applicant_cannot_give_up_the_applicant_role()
    {
        var organization = WithContacts();

        var result = organization.ChangeRole(Applicant, Applicant, MembershipRole.TechnicalContact, TestClock.Now);

        Assert.Equal("organization.last_applicant_cannot_leave", Assert.Single(result.Errors).Code);
        Assert.Equal(MembershipRole.Applicant, organization.RoleOf(Applicant));
    }

    [Fact]
    public void Applicant_removes_a_contact()
    {
        var organization = WithContacts();

        var result = organization.RemoveMember(Applicant, Technical, TestClock.Now);

        Assert.True(result.IsSuccess);
        Assert.False(organization.IsMember(Technical));
        Assert.Equal("organization.member_removed", Assert.Single(organization.DomainEvents).Action);
    }

    [Fact]
    public void Business_contact_cannot_remove_members()
    {
        var organization = WithContacts();

        var result = organization.RemoveMember(Business, Technical, TestClock.Now);

        Assert.Equal("organization.not_allowed_to_manage_members", Assert.Single(result.Errors).Code);
        Assert.True(organization.IsMember(Technical));
    }

    [Fact]
    public void Last_applicant_cannot_be_removed()
    {
        var organization = WithContacts();

        var result = organization.RemoveMember(Applicant, Applicant, TestClock.Now);

        Assert.Equal("organization.last_applicant_cannot_leave", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Removing_a_non_member_is_refused_as_not_found()
    {
        var result = WithContacts().RemoveMember(Applicant, Stranger, TestClock.Now);

        Assert.Equal(ErrorKind.NotFound, result.FailureKind);
        Assert.Equal("organization.member_not_found", Assert.Single(result.Errors).Code);
    }

    // Refusals that change nothing, and event payloads

    [Fact]
    public void Changing_a_member_to_the_role_they_hold_changes_nothing()
    {
        var organization = WithContacts();
        var version = organization.Version;

        var result = organization.ChangeRole(Applicant, Business, MembershipRole.BusinessContact, TestClock.Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(version, organization.Version);
        Assert.Empty(organization.DomainEvents);
    }

    [Fact]
    public void Changing_to_an_undefined_role_is_refused_on_the_role_field()
    {
        var organization = WithContacts();

        var result = organization.ChangeRole(Applicant, Business, (MembershipRole)9, TestClock.Now);

        Assert.Equal((ErrorKind.Validation, "organization.role_invalid", "Role"), (result.FailureKind, Assert.Single(result.Errors).Code, result.Errors[0].Field));
        Assert.Equal(MembershipRole.BusinessContact, organization.RoleOf(Business));
    }

    [Fact]
    public void Changing_the_role_of_a_non_member_is_refused_as_not_found()
    {
        var result = WithContacts().ChangeRole(Applicant, Stranger, MembershipRole.Applicant, TestClock.Now);

        Assert.Equal((ErrorKind.NotFound, "organization.member_not_found"), (result.FailureKind, Assert.Single(result.Errors).Code));
    }

    [Fact]
    public void An_applicant_may_give_up_the_role_when_another_applicant_remains()
    {
        var organization = OrganizationBuilder.Registered().WithMember(Newcomer, MembershipRole.Applicant).Build();

        var result = organization.ChangeRole(Newcomer, Applicant, MembershipRole.TechnicalContact, TestClock.Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(MembershipRole.TechnicalContact, organization.RoleOf(Applicant));
        var changed = Assert.IsType<MemberRoleChanged>(Assert.Single(organization.DomainEvents));
        Assert.Equal((Newcomer, Applicant, MembershipRole.Applicant, MembershipRole.TechnicalContact), (changed.ActorId, changed.UserId, changed.PreviousRole, changed.NewRole));
    }

    [Fact]
    public void Inviting_with_an_undefined_role_is_refused_on_the_role_field()
    {
        var organization = WithContacts();

        var result = organization.Invite(Applicant, NewcomerEmail, (MembershipRole)0, TokenHash, TestClock.Now);

        Assert.Equal((ErrorKind.Validation, "organization.role_invalid", "Role"), (result.FailureKind, Assert.Single(result.Errors).Code, result.Errors[0].Field));
        Assert.DoesNotContain(organization.Invitations, i => i.Email == NewcomerEmail);
    }

    [Fact]
    public void Inviting_an_address_whose_account_is_not_a_member_is_allowed()
    {
        var organization = WithContacts();

        var result = organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now, existingUserId: Newcomer);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void An_invitation_records_who_invited_whom_for_which_role()
    {
        var organization = WithContacts();

        var invitation = organization.Invite(Applicant, NewcomerEmail, MembershipRole.TechnicalContact, TokenHash, TestClock.Now).Value;

        Assert.Equal((organization.Id, MembershipRole.TechnicalContact, Applicant, TestClock.Now), (invitation.OrganizationId, invitation.Role, invitation.InvitedBy, invitation.CreatedAt));
        Assert.True(invitation.IsPending(TestClock.Now.AddDays(7).AddTicks(-1)));
        Assert.False(invitation.IsPending(TestClock.Now.AddDays(7)));
        var invited = Assert.IsType<MemberInvited>(Assert.Single(organization.DomainEvents));
        Assert.Equal((organization.Id, invitation.Id, MembershipRole.TechnicalContact, TestClock.Now), (invited.AggregateId, invited.InvitationId, invited.Role, invited.OccurredAt));
        Assert.Equal("Organization", invited.AggregateType);
    }

    [Fact]
    public void Revoking_an_invitation_records_it_and_ends_the_link()
    {
        var organization = WithContacts();
        var invitation = organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now).Value;
        organization.ClearDomainEvents();
        var later = TestClock.Now.AddHours(1);

        organization.RevokeInvitation(Applicant, invitation.Id, later);

        Assert.Equal(later, invitation.RevokedAt);
        Assert.False(invitation.IsPending(later));
        var revoked = Assert.IsType<InvitationRevoked>(Assert.Single(organization.DomainEvents));
        Assert.Equal(("organization.invitation_revoked", invitation.Id, NewcomerEmail, Applicant), (revoked.Action, revoked.InvitationId, revoked.Email, revoked.ActorId));
    }

    [Fact]
    public void Revoking_an_unknown_or_already_revoked_invitation_is_refused_as_not_found()
    {
        var organization = WithContacts();
        var invitation = organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now).Value;
        organization.RevokeInvitation(Applicant, invitation.Id, TestClock.Now);
        var version = organization.Version;

        var again = organization.RevokeInvitation(Applicant, invitation.Id, TestClock.Now.AddHours(1));
        var unknown = organization.RevokeInvitation(Applicant, Guid.NewGuid(), TestClock.Now);

        Assert.Equal((ErrorKind.NotFound, "organization.invitation_not_found"), (again.FailureKind, Assert.Single(again.Errors).Code));
        Assert.Equal((ErrorKind.NotFound, "organization.invitation_not_found"), (unknown.FailureKind, Assert.Single(unknown.Errors).Code));
        Assert.Equal((TestClock.Now, version), (invitation.RevokedAt, organization.Version));
    }

    [Fact]
    public void Revoking_an_accepted_invitation_is_refused()
    {
        var organization = WithContacts();
        var invitation = organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now).Value;
        organization.AcceptInvitation(TokenHash, Newcomer, NewcomerEmail, TestClock.Now);

        var result = organization.RevokeInvitation(Applicant, invitation.Id, TestClock.Now);

        Assert.Equal((ErrorKind.Conflict, "organization.invitation_already_used"), (result.FailureKind, Assert.Single(result.Errors).Code));
        Assert.Null(invitation.RevokedAt);
    }

    [Fact]
    public void Accepting_matches_the_address_whatever_its_case_and_surrounding_spaces()
    {
        var organization = WithContacts();
        organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now);

        Assert.True(organization.AcceptInvitation(TokenHash, Newcomer, "  NOUVEAU.VENU@PARIS.FR ", TestClock.Now).IsSuccess);
        var membership = Assert.Single(organization.Memberships, m => m.UserId == Newcomer);
        Assert.Equal((organization.Id, TestClock.Now), (membership.OrganizationId, membership.JoinedAt));
    }

    [Fact]
    public void Refused_acceptances_give_their_kind_and_add_no_member()
    {
        var organization = WithContacts();
        organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now);

        var expired = organization.AcceptInvitation(TokenHash, Newcomer, NewcomerEmail, TestClock.Now.AddDays(8));
        var mismatch = organization.AcceptInvitation(TokenHash, Newcomer, "autre@paris.fr", TestClock.Now);
        var unknown = organization.AcceptInvitation("unknown", Newcomer, NewcomerEmail, TestClock.Now);

        Assert.Equal([ErrorKind.Conflict, ErrorKind.Forbidden, ErrorKind.NotFound], new[] { expired, mismatch, unknown }.Select(r => r.FailureKind!.Value));
        Assert.False(organization.IsMember(Newcomer));
        Assert.Empty(organization.DomainEvents.OfType<MemberJoined>());
    }

    [Fact]
    public void Leaving_and_removal_name_the_member_and_the_role_they_had()
    {
        var organization = WithContacts();

        organization.Leave(Business, TestClock.Now);
        organization.RemoveMember(Applicant, Technical, TestClock.Now.AddHours(1));

        Assert.Collection(organization.DomainEvents,
            e =>
            {
                var left = Assert.IsType<MemberLeft>(e);
                Assert.Equal((Business, Business, MembershipRole.BusinessContact, "BusinessContact"), (left.ActorId, left.UserId, left.Role, left.FromState));
            },
            e =>
            {
                var removed = Assert.IsType<MemberRemoved>(e);
                Assert.Equal((Applicant, Technical, "TechnicalContact", (string?)null), (removed.ActorId, removed.UserId, removed.FromState, removed.ToState));
            });
        Assert.Equal([Applicant], organization.Memberships.Select(m => m.UserId));
    }

    [Fact]
    public void A_removed_applicant_is_allowed_when_another_applicant_remains()
    {
        var organization = OrganizationBuilder.Registered().WithMember(Newcomer, MembershipRole.Applicant).Build();

        Assert.True(organization.RemoveMember(Newcomer, Applicant, TestClock.Now).IsSuccess);
        Assert.False(organization.IsMember(Applicant));
    }

    [Fact]
    public void An_accepted_invitation_is_no_longer_pending_so_the_address_can_be_invited_again_later()
    {
        var organization = WithContacts();
        var invitation = organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, TokenHash, TestClock.Now).Value;
        organization.AcceptInvitation(TokenHash, Newcomer, NewcomerEmail, TestClock.Now);
        organization.Leave(Newcomer, TestClock.Now.AddHours(1));

        var again = organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, "other-hash", TestClock.Now.AddHours(2));

        Assert.False(invitation.IsPending(TestClock.Now.AddHours(2)));
        Assert.True(again.IsSuccess);
    }

    [Fact]
    public void Inviting_without_a_token_hash_is_a_bug()
    {
        var organization = WithContacts();

        Assert.ThrowsAny<ArgumentException>(() => organization.Invite(Applicant, NewcomerEmail, MembershipRole.BusinessContact, " ", TestClock.Now));
        Assert.DoesNotContain(organization.Invitations, i => i.Email == NewcomerEmail);
    }
}
