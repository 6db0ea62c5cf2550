using Admin.Domain.AccessRequests;
using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.Tests.AccessRequests;
using Admin.Domain.Tests.Organizations;
using Admin.Domain.Users;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;

namespace Admin.Domain.Tests.ApiKeys;

public class ApiKeyTests
{
    private static readonly Guid Technical = Guid.Parse("00000000-0000-0000-0000-0000000000c3");
    private static readonly Guid Business = Guid.Parse("00000000-0000-0000-0000-0000000000c2");
    private static readonly DateTimeOffset Later = TestClock.Now.AddDays(1);
    private static readonly StaffMember Auditor = new(Guid.NewGuid(), new HashSet<string> { Roles.Auditor }, new HashSet<Guid>());

    private static readonly ApiKeyMaterial Material = new(ApiKeyEnvironment.Production,
        ApiKeyPrefix.FromStored("apip_live_3kF9"), new string('a', ApiKey.HashLength));

    private static (Organization Organization, Authorization Authorization) Arrange(AccessRequestBuilder? request = null)
    {
        var organization = OrganizationBuilder.Registered().WithMember(Technical, MembershipRole.TechnicalContact)
            .WithMember(Business, MembershipRole.BusinessContact).Build();
        var built = (request ?? Approved()).ForOrganization(organization.Id).Build();
        return (organization, AuthorizationOf(built));
    }

    private static ApiKey Issued(Organization organization, Authorization authorization, Guid? by = null) =>
        ApiKey.Issue(authorization, organization, by ?? Applicant, "Logiciel périscolaire", ApiKeyEnvironment.Production, Material, Later).Value;

    [Fact]
    public void The_applicant_or_the_technical_contact_issues_a_key_that_expires_with_the_authorization_and_is_audited()
    {
        var (organization, authorization) = Arrange();

        foreach (var who in new[] { Applicant, Technical })
        {
            var key = ApiKey.Issue(authorization, organization, who, "  Logiciel périscolaire ", ApiKeyEnvironment.Production, Material, Later).Value;

            Assert.Equal(("Logiciel périscolaire", "apip_live_3kF9", who, Later), (key.Name, key.Prefix.Value, key.CreatedBy, key.CreatedAt));
            Assert.Equal(authorization.ExpiresAt, key.ExpiresAt);
            Assert.Equal(ApiKeyStatus.Active, key.StatusAt(authorization, Later));
            var issued = Assert.IsType<ApiKeyIssued>(Assert.Single(key.DomainEvents));
            Assert.Equal(("api_key.issued", authorization.Id, organization.Id, who), (issued.Action, issued.AuthorizationId, issued.OrganizationId, issued.ActorId));
        }
    }

    [Fact]
    public void A_business_contact_or_an_outsider_cannot_issue_a_key()
    {
        var (organization, authorization) = Arrange();

        foreach (var who in new[] { Business, Guid.NewGuid() })
        {
            var refused = ApiKey.Issue(authorization, organization, who, "Clé", ApiKeyEnvironment.Production, Material, Later);
            Assert.Equal((ErrorKind.Forbidden, "api_key.not_allowed"), (refused.FailureKind, Assert.Single(refused.Errors).Code));
        }
    }

    [Fact]
    public void A_key_needs_a_name_of_at_most_100_characters_and_a_known_environment()
    {
        var (organization, authorization) = Arrange();

        var blank = ApiKey.Issue(authorization, organization, Applicant, "  ", ApiKeyEnvironment.Production, Material, Later);
        var tooLong = ApiKey.Issue(authorization, organization, Applicant, new string('x', 101), ApiKeyEnvironment.Production, Material, Later);
        var unknown = ApiKey.Issue(authorization, organization, Applicant, "Clé", (ApiKeyEnvironment)9, Material with { Environment = (ApiKeyEnvironment)9 }, Later);

        Assert.Equal(("api_key.name_required", "Name"), (Assert.Single(blank.Errors).Code, blank.Errors[0].Field));
        Assert.Equal("api_key.name_too_long", Assert.Single(tooLong.Errors).Code);
        Assert.Equal(("api_key.environment_invalid", "Environment"), (Assert.Single(unknown.Errors).Code, unknown.Errors[0].Field));
        Assert.True(ApiKey.Issue(authorization, organization, Applicant, new string('x', 100), ApiKeyEnvironment.Production, Material, Later).IsSuccess);
    }

    [Fact]
    public void No_key_on_a_suspended_revoked_or_expired_authorization()
    {
        var (organization, suspended) = Arrange();
        Assert.True(suspended.Suspend(InstructorId, "Contrôle en cours", Later).IsSuccess);
        var (revokedOrganization, revoked) = Arrange(Revoked());
        var (expiredOrganization, expired) = Arrange();

        foreach (var (org, authorization, at) in new[] { (organization, suspended, Later), (revokedOrganization, revoked, Later), (expiredOrganization, expired, expired.ExpiresAt) })
        {
            var refused = ApiKey.Issue(authorization, org, Applicant, "Clé", ApiKeyEnvironment.Production, Material, at);
            Assert.Equal((ErrorKind.Conflict, "api_key.authorization_not_active"), (refused.FailureKind, Assert.Single(refused.Errors).Code));
        }
    }

    [Fact]
    public void No_key_while_the_whole_organization_is_suspended_and_again_once_it_is_resumed()
    {
        var (organization, authorization) = Arrange();
        Assert.True(organization.Suspend(InstructorId, "Contrôle en cours", Later).IsSuccess);

        var refused = ApiKey.Issue(authorization, organization, Applicant, "Clé", ApiKeyEnvironment.Production, Material, Later);

        Assert.Equal((ErrorKind.Conflict, "api_key.organization_suspended"), (refused.FailureKind, Assert.Single(refused.Errors).Code));
        organization.Resume(InstructorId, Later);
        Assert.True(ApiKey.Issue(authorization, organization, Applicant, "Clé", ApiKeyEnvironment.Production, Material, Later).IsSuccess);
    }

    [Fact]
    public void A_prolongation_moves_the_expiry_of_a_current_key_but_not_of_a_revoked_or_renewed_one()
    {
        var organization = OrganizationBuilder.Registered().Build();
        var request = Approved().ForOrganization(organization.Id).Build();
        var authorization = AuthorizationOf(request);
        var current = Issued(organization, authorization);
        var revoked = Issued(organization, authorization);
        revoked.RevokeAsMember(organization, Applicant, "Retirée", Later);
        var renewed = Issued(organization, authorization);
        renewed.Renew(authorization, organization, Applicant, RenewalOverlap.Days7, Material, Later);
        var (revokedUntil, renewedUntil) = (revoked.ExpiresAt, renewed.ExpiresAt);

        Assert.True(request.AnswerProlongation(Applicant, new ProlongationAnswers(true, true, true, true), authorization,
            ParisTime.StartOfDay(authorization.ProlongationOpensOn)).Value);
        foreach (var key in new[] { current, revoked, renewed }) key.FollowProlongation(authorization);

        Assert.Equal(authorization.ExpiresAt, current.ExpiresAt);
        Assert.Equal((revokedUntil, renewedUntil), (revoked.ExpiresAt, renewed.ExpiresAt));
        Assert.Throws<ArgumentException>(() => current.FollowProlongation(AuthorizationOf(Approved().Build())));
    }

    [Fact]
    public void Key_material_of_another_environment_or_an_authorization_of_another_organization_is_a_bug()
    {
        var (organization, authorization) = Arrange();
        var (other, _) = Arrange();

        Assert.Throws<ArgumentException>(() => ApiKey.Issue(authorization, organization, Applicant, "Clé", ApiKeyEnvironment.Sandbox, Material, Later));
        Assert.Throws<ArgumentException>(() => ApiKey.Issue(authorization, other, Applicant, "Clé", ApiKeyEnvironment.Production, Material, Later));
    }

    [Fact]
    public void A_key_is_expired_at_the_end_of_its_authorization_never_later()
    {
        var (organization, authorization) = Arrange();
        var key = Issued(organization, authorization);

        Assert.Equal(ApiKeyStatus.Active, key.StatusAt(authorization, authorization.ExpiresAt.AddTicks(-1)));
        Assert.Equal(ApiKeyStatus.Expired, key.StatusAt(authorization, authorization.ExpiresAt));
        Assert.Equal(authorization.ExpiresAt, key.ExpiresAtWith(authorization));
    }

    [Fact]
    public void A_member_who_manages_keys_revokes_with_a_reason_once_and_it_is_audited()
    {
        var (organization, authorization) = Arrange();
        var key = Issued(organization, authorization);
        key.ClearDomainEvents();

        var blank = key.RevokeAsMember(organization, Technical, "  ", Later);
        Assert.Equal(("api_key.reason_required", "Reason"), (Assert.Single(blank.Errors).Code, blank.Errors[0].Field));
        Assert.Equal("api_key.reason_too_long", Assert.Single(key.RevokeAsMember(organization, Technical, new string('x', 1001), Later).Errors).Code);
        Assert.Null(key.RevokedAt);

        Assert.True(key.RevokeAsMember(organization, Technical, " Clé publiée par erreur ", Later).IsSuccess);
        Assert.Equal((Later, (Guid?)Technical, "Clé publiée par erreur"), (key.RevokedAt, key.RevokedBy, key.RevocationReason));
        Assert.Equal(ApiKeyStatus.Revoked, key.StatusAt(authorization, Later));
        var revoked = Assert.IsType<ApiKeyRevoked>(Assert.Single(key.DomainEvents));
        Assert.Equal(("api_key.revoked", "Clé publiée par erreur", false, "Active", "Revoked"),
            (revoked.Action, revoked.Reason, revoked.ByStaff, revoked.FromState, revoked.ToState));

        var again = key.RevokeAsMember(organization, Applicant, "encore", Later);
        Assert.Equal((ErrorKind.Conflict, "api_key.already_revoked"), (again.FailureKind, Assert.Single(again.Errors).Code));
    }

    [Fact]
    public void A_business_contact_or_another_organization_cannot_revoke()
    {
        var (organization, authorization) = Arrange();
        var (other, _) = Arrange();
        var key = Issued(organization, authorization);

        Assert.Equal(ErrorKind.Forbidden, key.RevokeAsMember(organization, Business, "motif", Later).FailureKind);
        Assert.Equal(ErrorKind.Forbidden, key.RevokeAsMember(other, Applicant, "motif", Later).FailureKind);
        Assert.Null(key.RevokedAt);
    }

    [Fact]
    public void Instructors_revoke_any_key_and_auditors_none()
    {
        var (organization, authorization) = Arrange();
        var key = Issued(organization, authorization);
        key.ClearDomainEvents();

        Assert.Equal(ErrorKind.Forbidden, key.RevokeAsStaff(Auditor, "motif", Later).FailureKind);
        Assert.True(key.RevokeAsStaff(Instructor, "Clé exposée dans un dépôt public", Later).IsSuccess);
        Assert.Equal((InstructorId, true), (key.RevokedBy!.Value, Assert.IsType<ApiKeyRevoked>(Assert.Single(key.DomainEvents)).ByStaff));
    }

    [Fact]
    public void Last_use_only_moves_forward()
    {
        var (organization, authorization) = Arrange();
        var key = Issued(organization, authorization);

        key.MarkUsed(Later.AddHours(2));
        key.MarkUsed(Later.AddHours(1));

        Assert.Equal(Later.AddHours(2), key.LastUsedAt);
    }

    private static readonly ApiKeyMaterial NextMaterial = new(ApiKeyEnvironment.Production,
        ApiKeyPrefix.FromStored("apip_live_9zQ2"), new string('b', ApiKey.HashLength));

    [Theory]
    [InlineData(RenewalOverlap.Now, 0)]
    [InlineData(RenewalOverlap.Hours24, 24)]
    [InlineData(RenewalOverlap.Days7, 7 * 24)]
    [InlineData(RenewalOverlap.Days30, 30 * 24)]
    public void Renewing_issues_a_successor_and_the_old_key_expires_at_the_end_of_the_overlap(RenewalOverlap overlap, int hours)
    {
        var (organization, authorization) = Arrange();
        var key = Issued(organization, authorization);
        key.ClearDomainEvents();
        var now = Later.AddHours(1);

        var successor = key.Renew(authorization, organization, Technical, overlap, NextMaterial, now).Value;

        Assert.Equal((key.Name, key.Environment, "apip_live_9zQ2", Technical), (successor.Name, successor.Environment, successor.Prefix.Value, successor.CreatedBy));
        Assert.Equal(now.AddHours(hours), key.ExpiresAt);
        Assert.Equal(successor.Id, key.ReplacedById);
        Assert.Equal(ApiKeyStatus.Expired, key.StatusAt(authorization, now.AddHours(hours)));
        Assert.Equal(ApiKeyStatus.Active, successor.StatusAt(authorization, now.AddHours(hours)));
        var renewed = Assert.IsType<ApiKeyRenewed>(Assert.Single(key.DomainEvents));
        Assert.Equal((successor.Id, overlap, key.ExpiresAt), (renewed.NewKeyId, renewed.Overlap, renewed.OldKeyExpiresAt));
        Assert.IsType<ApiKeyIssued>(Assert.Single(successor.DomainEvents));
    }

    [Fact]
    public void A_renewed_key_never_works_past_its_authorization()
    {
        var (organization, authorization) = Arrange();
        var key = Issued(organization, authorization);
        var now = authorization.ExpiresAt.AddDays(-2);

        key.Renew(authorization, organization, Applicant, RenewalOverlap.Days30, NextMaterial, now);

        Assert.Equal(authorization.ExpiresAt, key.ExpiresAt);
    }

    [Fact]
    public void Renewing_is_refused_to_a_business_contact_without_a_choice_twice_or_on_a_revoked_key()
    {
        var (organization, authorization) = Arrange();
        var key = Issued(organization, authorization);

        Assert.Equal(ErrorKind.Forbidden, key.Renew(authorization, organization, Business, RenewalOverlap.Now, NextMaterial, Later).FailureKind);
        Assert.Equal("api_key.overlap_invalid", Assert.Single(key.Renew(authorization, organization, Applicant, null, NextMaterial, Later).Errors).Code);
        Assert.Equal("api_key.overlap_invalid", Assert.Single(key.Renew(authorization, organization, Applicant, (RenewalOverlap)42, NextMaterial, Later).Errors).Code);
        Assert.Null(key.ReplacedById);
        Assert.True(key.Renew(authorization, organization, Applicant, RenewalOverlap.Days7, NextMaterial, Later).IsSuccess);
        Assert.Equal("api_key.already_renewed", Assert.Single(key.Renew(authorization, organization, Applicant, RenewalOverlap.Days7, NextMaterial, Later).Errors).Code);

        var revoked = Issued(organization, authorization);
        revoked.RevokeAsMember(organization, Applicant, "Exposée", Later);
        Assert.Equal("api_key.not_active", Assert.Single(revoked.Renew(authorization, organization, Applicant, RenewalOverlap.Now, NextMaterial, Later).Errors).Code);
    }

    [Fact]
    public void The_applicant_sets_an_allow_list_audited_with_both_lists_and_the_key_then_checks_clients()
    {
        var (organization, authorization) = Arrange();
        var key = Issued(organization, authorization);
        key.ClearDomainEvents();

        Assert.True(key.SetAllowedIps(organization, Technical, "203.0.113.0/24\n2001:DB8::1", Later).IsSuccess);

        Assert.Equal(["203.0.113.0/24", "2001:db8::1"], key.AllowedIps);
        var changed = Assert.IsType<ApiKeyAllowListChanged>(Assert.Single(key.DomainEvents));
        Assert.Equal(("api_key.allow_list_changed", 0, 2), (changed.Action, changed.Previous.Count, changed.Current.Count));
        Assert.True(key.AllowsClient(System.Net.IPAddress.Parse("203.0.113.9")));
        Assert.False(key.AllowsClient(System.Net.IPAddress.Parse("192.0.2.1")));

        key.ClearDomainEvents();
        Assert.True(key.SetAllowedIps(organization, Applicant, "2001:db8::1 203.0.113.0/24", Later).IsSuccess);
        Assert.Empty(key.DomainEvents); // the same entries in another order
        Assert.Equal(["203.0.113.0/24", "2001:db8::1"], key.AllowedIps);
    }

    [Fact]
    public void An_invalid_allow_list_a_business_contact_or_a_revoked_key_changes_nothing()
    {
        var (organization, authorization) = Arrange();
        var key = Issued(organization, authorization);

        Assert.Equal(ErrorKind.Validation, key.SetAllowedIps(organization, Applicant, "203.0.113.7 999.0.0.1", Later).FailureKind);
        Assert.Equal(ErrorKind.Forbidden, key.SetAllowedIps(organization, Business, "203.0.113.7", Later).FailureKind);
        key.RevokeAsMember(organization, Applicant, "Exposée", Later);
        Assert.Equal("api_key.already_revoked", Assert.Single(key.SetAllowedIps(organization, Applicant, "203.0.113.7", Later).Errors).Code);
        Assert.Empty(key.AllowedIps);
    }
}
