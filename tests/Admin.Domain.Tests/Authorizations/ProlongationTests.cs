using Admin.Domain.AccessRequests;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;

namespace Admin.Domain.Tests.Authorizations;

public class ProlongationTests
{
    private static readonly ProlongationAnswers AllYes = new(true, true, true, true);

    private static DateTimeOffset InWindow(Authorization authorization) => ParisTime.StartOfDay(authorization.ProlongationOpensOn).AddHours(9);

    [Fact]
    public void The_window_opens_90_days_before_the_expiry_and_is_refused_the_day_before()
    {
        var request = Approved().Build();
        var authorization = AuthorizationOf(request);

        Assert.Equal(authorization.ExpiresOn.AddDays(-90), authorization.ProlongationOpensOn);
        var early = request.AnswerProlongation(Applicant, AllYes, authorization, InWindow(authorization).AddDays(-1));

        Assert.Equal((ErrorKind.Conflict, "authorization.prolongation_not_open"), (early.FailureKind, Assert.Single(early.Errors).Code));
        Assert.Contains(authorization.ProlongationOpensOn.ToString("dd/MM/yyyy"), early.Errors[0].Message);
        Assert.Empty(authorization.DomainEvents);
    }

    [Fact]
    public void All_yes_prolongs_to_18_months_from_the_answer_and_keeps_the_answers_in_its_event()
    {
        var request = Approved().Build();
        var authorization = AuthorizationOf(request);
        var previous = authorization.ExpiresOn;
        var now = InWindow(authorization);

        var answered = request.AnswerProlongation(Applicant, AllYes, authorization, now);

        Assert.True(answered.Value);
        Assert.Equal(ParisTime.Today(now).AddMonths(18), authorization.ExpiresOn);
        Assert.Equal(ParisTime.EndOfDay(authorization.ExpiresOn), authorization.ExpiresAt);
        Assert.Equal(AccessRequestStatus.Approved, request.Status);
        var prolonged = Assert.IsType<AuthorizationProlonged>(Assert.Single(authorization.DomainEvents));
        Assert.Equal((previous, authorization.ExpiresOn, AllYes, (Guid?)Applicant), (prolonged.PreviousExpiresOn, prolonged.ExpiresOn, prolonged.Answers, prolonged.ActorId));
    }

    [Theory]
    [InlineData(false, true, true, true)]
    [InlineData(true, false, true, true)]
    [InlineData(true, true, false, true)]
    [InlineData(true, true, true, false)]
    public void Any_no_reopens_the_request_and_leaves_the_authorization_as_it_was(bool organization, bool purpose, bool contacts, bool scopes)
    {
        var request = Approved().Build();
        var authorization = AuthorizationOf(request);
        var previous = authorization.ExpiresOn;
        var now = InWindow(authorization);

        var answered = request.AnswerProlongation(Applicant, new ProlongationAnswers(organization, purpose, contacts, scopes), authorization, now);

        Assert.False(answered.Value);
        Assert.Equal((AccessRequestStatus.Draft, true, true), (request.Status, request.IsReopening, request.HasActiveAuthorization));
        Assert.Equal((previous, AuthorizationStatus.Active), (authorization.ExpiresOn, authorization.Status));
        Assert.True(authorization.IsUsable(now));
        Assert.IsType<AuthorizationProlongationReviewRequested>(Assert.Single(authorization.DomainEvents));
        Assert.Contains(request.DomainEvents, e => e is AccessRequestReopened);
    }

    [Fact]
    public void A_reopened_request_a_suspended_or_an_expired_authorization_cannot_be_prolonged()
    {
        var reopened = Approved().Build();
        var reopenedAuthorization = AuthorizationOf(reopened);
        reopened.AnswerProlongation(Applicant, AllYes with { SameScopes = false }, reopenedAuthorization, InWindow(reopenedAuthorization));
        var suspendedRequest = Approved().Build();
        var suspended = AuthorizationOf(suspendedRequest);
        suspended.Suspend(InstructorId, "Contrôle", TestClock.Now);
        var expiredRequest = Approved().Build();
        var expired = AuthorizationOf(expiredRequest);

        Assert.Equal("authorization.prolongation_not_possible",
            Assert.Single(reopened.AnswerProlongation(Applicant, AllYes, reopenedAuthorization, InWindow(reopenedAuthorization)).Errors).Code);
        Assert.Equal("authorization.prolongation_not_possible",
            Assert.Single(suspendedRequest.AnswerProlongation(Applicant, AllYes, suspended, InWindow(suspended)).Errors).Code);
        Assert.Equal("authorization.prolongation_not_possible",
            Assert.Single(expiredRequest.AnswerProlongation(Applicant, AllYes, expired, expired.ExpiresAt).Errors).Code);
    }

    [Fact]
    public void Every_question_needs_an_answer_reported_on_its_own_field()
    {
        var missing = ProlongationAnswers.From(true, null, false, null);

        Assert.Equal(ErrorKind.Validation, missing.FailureKind);
        Assert.Equal(["SamePurpose", "SameScopes"], missing.Errors.Select(e => e.Field));
        Assert.All(missing.Errors, e => Assert.Equal("authorization.prolongation_answer_required", e.Code));
        Assert.Equal(new ProlongationAnswers(true, true, false, true), ProlongationAnswers.From(true, true, false, true).Value);
    }
}
