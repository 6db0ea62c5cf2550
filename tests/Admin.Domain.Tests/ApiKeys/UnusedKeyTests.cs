using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.Tests.Organizations;
using Admin.Domain.Users;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;

namespace Admin.Domain.Tests.ApiKeys;

/// <summary>A key approved but unused for 30 days, and the reminder staff send its holders.</summary>
public class UnusedKeyTests
{
    private static readonly DateTimeOffset Created = TestClock.Now.AddDays(1);
    private static readonly StaffMember Instructor = new(Guid.NewGuid(), new HashSet<string> { Roles.Instructor }, new HashSet<Guid>());
    private static readonly StaffMember Auditor = new(Guid.NewGuid(), new HashSet<string> { Roles.Auditor }, new HashSet<Guid>());

    private static (Organization Organization, Authorization Authorization, ApiKey Key) Arrange()
    {
        var organization = OrganizationBuilder.Registered().Build();
        var authorization = AuthorizationOf(Approved().ForOrganization(organization.Id).Build());
        var material = new ApiKeyMaterial(ApiKeyEnvironment.Production, ApiKeyPrefix.FromStored("apip_live_7dQ2"), new string('b', ApiKey.HashLength));
        var key = ApiKey.Issue(authorization, organization, Applicant, "Logiciel oublié", ApiKeyEnvironment.Production, material, Created).Value;
        key.ClearDomainEvents();
        return (organization, authorization, key);
    }

    [Fact]
    public void A_key_is_unused_once_created_more_than_30_days_ago_and_not_used_for_30_days()
    {
        var (_, authorization, key) = Arrange();

        Assert.False(key.IsUnused(authorization, Created.AddDays(30)));
        Assert.True(key.IsUnused(authorization, Created.AddDays(30).AddSeconds(1)));
        key.MarkUsed(Created.AddDays(40));
        Assert.False(key.IsUnused(authorization, Created.AddDays(70)));
        Assert.True(key.IsUnused(authorization, Created.AddDays(71)));
    }

    [Fact]
    public void A_revoked_key_or_a_key_of_a_suspended_authorization_is_not_unused()
    {
        var (organization, authorization, revoked) = Arrange();
        var (_, suspended, ofSuspended) = Arrange();
        Assert.True(revoked.RevokeAsMember(organization, Applicant, "Plus utile", Created.AddDays(2)).IsSuccess);
        Assert.True(suspended.Suspend(Instructor.UserId, "Contrôle en cours", Created.AddDays(2)).IsSuccess);

        Assert.False(revoked.IsUnused(authorization, Created.AddDays(40)));
        Assert.False(ofSuspended.IsUnused(suspended, Created.AddDays(40)));
    }

    [Fact]
    public void An_instructor_reminds_the_holders_of_an_unused_key_and_the_reminder_is_an_event()
    {
        var (organization, authorization, key) = Arrange();
        var now = Created.AddDays(31);

        Assert.True(key.RemindUnused(Instructor, authorization, now).IsSuccess);

        var reminded = Assert.IsType<ApiKeyUnusedReminded>(Assert.Single(key.DomainEvents));
        Assert.Equal(("api_key.unused_reminded", Instructor.UserId, organization.Id, (DateTimeOffset?)null, Created),
            (reminded.Action, reminded.ActorId, reminded.OrganizationId, reminded.LastUsedAt, reminded.CreatedAt));
    }

    [Fact]
    public void An_auditor_cannot_remind_and_a_used_key_is_not_reminded()
    {
        var (_, authorization, key) = Arrange();
        var now = Created.AddDays(31);

        Assert.Equal(ErrorKind.Forbidden, key.RemindUnused(Auditor, authorization, now).FailureKind);
        key.MarkUsed(now.AddDays(-1));
        var used = key.RemindUnused(Instructor, authorization, now);
        Assert.Equal((ErrorKind.Conflict, "api_key.not_unused"), (used.FailureKind, Assert.Single(used.Errors).Code));
        Assert.Empty(key.DomainEvents);
    }

    [Fact]
    public void Holders_are_reminded_at_most_once_in_thirty_days_whatever_staff_click()
    {
        var (_, authorization, key) = Arrange();
        var first = Created.AddDays(31);

        Assert.True(key.RemindUnused(Instructor, authorization, first).IsSuccess);
        var again = key.RemindUnused(Instructor, authorization, first.AddDays(ApiKey.UnusedReminderIntervalDays).AddTicks(-1));
        var later = key.RemindUnused(Instructor, authorization, first.AddDays(ApiKey.UnusedReminderIntervalDays));

        Assert.Equal((ErrorKind.Conflict, "api_key.reminded_recently"), (again.FailureKind, Assert.Single(again.Errors).Code));
        Assert.True(later.IsSuccess);
        Assert.Equal(first.AddDays(ApiKey.UnusedReminderIntervalDays), key.UnusedRemindedAt);
        Assert.Equal(2, key.DomainEvents.Count);
    }
}
