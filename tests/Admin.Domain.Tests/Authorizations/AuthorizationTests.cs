using Admin.Domain.Authorizations;
using Admin.Domain.Common;
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

        var blank = Assert.Single(authorization.Suspend(InstructorId, " ", Later).Errors);
        Assert.Equal(("authorization.reason_required", "Reason"), (blank.Code, blank.Field));
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

    [Fact]
    public void A_first_approval_creates_an_active_authorization_recording_who_and_when()
    {
        var request = Submitted().Build();
        var grant = Grant.Create(["cnaf_quotient_familial"], request.Scopes, OfferableScopes, 7, 100, 3000, TestClock.Today.AddMonths(6), Later).Value;

        var authorization = request.Approve(Instructor, grant, null, Later).Value;

        Assert.Equal((AuthorizationStatus.Active, Later, InstructorId, Later, InstructorId),
            (authorization.Status, authorization.CreatedAt, authorization.CreatedBy, authorization.UpdatedAt, authorization.UpdatedBy));
        Assert.Equal(1, authorization.Version);
        Assert.Equal(grant.ExpiresAt, authorization.ExpiresAt);
        var granted = Assert.IsType<AuthorizationGranted>(Assert.Single(authorization.DomainEvents));
        Assert.Equal(("Authorization", "authorization.granted", "Active", OrganizationId), (granted.AggregateType, granted.Action, granted.ToState, granted.OrganizationId));
        Assert.Equal((7, 100L, 3000L, TestClock.Today.AddMonths(6)), (granted.Terms.RatePerSecond, granted.Terms.DailyQuota, granted.Terms.MonthlyQuota, granted.Terms.ExpiresOn));
        Assert.Equal(["cnaf_quotient_familial"], granted.Terms.Scopes);
    }

    [Fact]
    public void Approving_an_update_moves_the_authorization_version_and_records_the_new_terms()
    {
        var request = Submitted().Reopened().Build();
        var authorization = AuthorizationOf(request);
        var version = authorization.Version;
        var grant = Grant.Create(["cnaf_allocataires"], request.Scopes, OfferableScopes, 3, 10, 20, TestClock.Today.AddMonths(2), Later).Value;

        request.Approve(Instructor, grant, authorization, Later);

        Assert.Equal((version + 1, Later, InstructorId), (authorization.Version, authorization.UpdatedAt, authorization.UpdatedBy));
        Assert.Equal((3, 10L, 20L, TestClock.Today.AddMonths(2), grant.ExpiresAt),
            (authorization.RatePerSecond, authorization.DailyQuota, authorization.MonthlyQuota, authorization.ExpiresOn, authorization.ExpiresAt));
        var updated = Assert.IsType<AuthorizationUpdated>(Assert.Single(authorization.DomainEvents));
        Assert.Equal(("authorization.updated", (string?)null, (string?)null), (updated.Action, updated.FromState, updated.ToState));
        Assert.Equal(["cnaf_allocataires"], updated.Terms.Scopes);
        Assert.Equal(3, updated.Terms.RatePerSecond);
    }

    [Fact]
    public void Suspending_keeps_the_trimmed_reason_in_its_event()
    {
        var authorization = AuthorizationOf(Approved().Build());

        authorization.Suspend(InstructorId, "  Fuite de clé signalée.  ", Later);

        Assert.Equal("Fuite de clé signalée.", authorization.SuspensionReason);
        Assert.Equal((Later, InstructorId), (authorization.UpdatedAt, authorization.UpdatedBy));
        var suspended = Assert.IsType<AuthorizationSuspended>(Assert.Single(authorization.DomainEvents));
        Assert.Equal(("authorization.suspended", "Active", "Suspended", "Fuite de clé signalée."), (suspended.Action, suspended.FromState, suspended.ToState, suspended.Reason));
    }

    [Fact]
    public void A_reason_of_4000_characters_is_accepted_and_4001_refused_on_its_field()
    {
        var authorization = AuthorizationOf(Approved().Build());

        var tooLong = authorization.Suspend(InstructorId, new string('r', 4001), Later);

        Assert.Equal((ErrorKind.Validation, "authorization.reason_too_long", "Reason"), (tooLong.FailureKind, Assert.Single(tooLong.Errors).Code, tooLong.Errors[0].Field));
        Assert.Contains("4000", tooLong.Errors[0].Message);
        Assert.Equal(AuthorizationStatus.Active, authorization.Status);
        Assert.True(authorization.Suspend(InstructorId, new string('r', 4000), Later).IsSuccess);
    }

    [Fact]
    public void Resuming_clears_the_suspension_and_records_who_and_when()
    {
        var authorization = AuthorizationOf(Approved().Build());
        authorization.Suspend(InstructorId, "Fuite de clé signalée.", Later);
        var resumer = Guid.NewGuid();

        authorization.Resume(resumer, Later.AddHours(2));

        Assert.Equal((AuthorizationStatus.Active, (DateTimeOffset?)null, Later.AddHours(2), resumer),
            (authorization.Status, authorization.SuspendedAt, authorization.UpdatedAt, authorization.UpdatedBy));
        var resumed = authorization.DomainEvents.OfType<AuthorizationResumed>().Single();
        Assert.Equal(("Suspended", "Active", resumer), (resumed.FromState, resumed.ToState, resumed.ActorId));
    }

    [Fact]
    public void Revoking_the_request_of_a_suspended_authorization_revokes_it_from_suspended()
    {
        var request = Approved().Build();
        var authorization = AuthorizationOf(request);
        authorization.Suspend(InstructorId, "Fuite de clé signalée.", Later);
        authorization.ClearDomainEvents();
        var version = authorization.Version;

        request.Revoke(Instructor, "Usage non conforme.", authorization, Later.AddDays(1));

        Assert.Equal((AuthorizationStatus.Revoked, version + 1), (authorization.Status, authorization.Version));
        Assert.Equal("Suspended", Assert.IsType<AuthorizationRevoked>(Assert.Single(authorization.DomainEvents)).FromState);
        Assert.False(authorization.IsUsable(Later.AddDays(1)));
    }

    [Fact]
    public void Suspending_without_any_reason_is_refused()
    {
        var authorization = AuthorizationOf(Approved().Build());

        var result = authorization.Suspend(InstructorId, null, Later);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("authorization.reason_required", "Reason"), (error.Code, error.Field));
        Assert.Equal(AuthorizationStatus.Active, authorization.Status);
    }
}
