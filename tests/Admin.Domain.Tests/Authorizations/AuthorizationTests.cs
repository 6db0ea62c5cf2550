using Admin.Domain.Authorizations;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;

namespace Admin.Domain.Tests.Authorizations;

public class AuthorizationTests
{
    private static readonly DateTimeOffset Later = TestClock.Now.AddDays(3);

    [Fact]
    public void An_authorization_is_usable_until_the_end_of_its_last_day_in_paris()
    {
        var authorization = AuthorizationOf(Approved().Build());

        Assert.True(authorization.IsUsable(authorization.ExpiresAt.AddTicks(-1)));
        Assert.False(authorization.IsUsable(authorization.ExpiresAt));
        Assert.True(authorization.IsExpired(authorization.ExpiresAt));
        Assert.Equal(Grant.LatestExpiry(TestClock.Now), authorization.ExpiresOn);
    }

    [Fact]
    public void Suspending_needs_a_reason_and_resuming_makes_it_usable_again()
    {
        var authorization = AuthorizationOf(Approved().Build());
        var version = authorization.Version;

        Assert.Equal(("authorization.reason_required", "Reason"), (Assert.Single(authorization.Suspend(InstructorId, " ", Later).Errors).Code, "Reason"));
        Assert.Equal(version, authorization.Version);

        Assert.True(authorization.Suspend(InstructorId, "Fuite de clé signalée.", Later).IsSuccess);
        Assert.Equal((AuthorizationStatus.Suspended, "Fuite de clé signalée.", Later), (authorization.Status, authorization.SuspensionReason, authorization.SuspendedAt));
        Assert.False(authorization.IsUsable(Later));
        Assert.Equal("authorization.not_active", Assert.Single(authorization.Suspend(InstructorId, "encore", Later).Errors).Code);

        Assert.True(authorization.Resume(InstructorId, Later.AddHours(1)).IsSuccess);
        Assert.True(authorization.IsUsable(Later.AddHours(1)));
        Assert.Null(authorization.SuspensionReason);
        Assert.Equal("authorization.not_suspended", Assert.Single(authorization.Resume(InstructorId, Later).Errors).Code);
        Assert.Equal(version + 2, authorization.Version);
        Assert.Equal(["authorization.suspended", "authorization.resumed"], authorization.DomainEvents.Select(e => e.Action));
    }

    [Fact]
    public void A_revoked_authorization_cannot_be_suspended()
    {
        var request = Revoked().Build();
        var authorization = AuthorizationOf(request);

        Assert.Equal(AuthorizationStatus.Revoked, authorization.Status);
        Assert.Equal("authorization.not_active", Assert.Single(authorization.Suspend(InstructorId, "x", Later).Errors).Code);
    }
}
