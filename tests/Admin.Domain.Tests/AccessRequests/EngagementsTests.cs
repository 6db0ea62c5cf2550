using Admin.Domain.Charters;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;

namespace Admin.Domain.Tests.AccessRequests;

public class EngagementsTests
{
    private static CharterAcceptance AcceptanceOf(CharterVersion charter, Guid? organizationId = null) =>
        CharterAcceptance.Record(charter, Applicant, organizationId ?? OrganizationId, TestClock.Now, "192.0.2.10");

    [Fact]
    public void Accepting_the_current_charter_and_both_commitments_is_complete()
    {
        var request = Draft().Build();
        var acceptance = AcceptanceOf(CurrentCharter);

        var errors = request.SaveEngagements(Applicant, acceptance, true, true, CurrentCharter, TestClock.Now).Value;

        Assert.Empty(errors);
        Assert.Equal((acceptance.Id, CurrentCharter.Major, CurrentCharter.Minor), (request.Engagements.CharterAcceptanceId, request.Engagements.CharterMajor, request.Engagements.CharterMinor));
    }

    [Fact]
    public void Charter_of_an_older_major_version_does_not_count()
    {
        var older = new CharterVersion(CurrentCharter.Major - 1, 0, "Charte", "…", TestClock.Now.AddYears(-1));

        var errors = Draft().Build().SaveEngagements(Applicant, AcceptanceOf(older), true, true, CurrentCharter, TestClock.Now).Value;

        Assert.Equal([("access_request.charter_not_accepted", "CharterAcceptance")], errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Nothing_accepted_reports_the_three_engagements()
    {
        var errors = Draft().Build().SaveEngagements(Applicant, null, false, false, CurrentCharter, TestClock.Now).Value;

        Assert.Equal(
            ["access_request.charter_not_accepted", "access_request.dpo_not_informed", "access_request.citizen_consent_required"],
            errors.Select(e => e.Code));
    }

    [Fact]
    public void Acceptance_of_another_organization_is_a_bug()
    {
        var request = Draft().Build();

        Assert.Throws<ArgumentException>(() =>
            request.SaveEngagements(Applicant, AcceptanceOf(CurrentCharter, Guid.NewGuid()), true, true, CurrentCharter, TestClock.Now));
    }

    [Fact]
    public void Saving_engagements_keeps_the_acceptance_time_and_both_attestations()
    {
        var request = Draft().Build();
        var acceptance = AcceptanceOf(CurrentCharter);

        request.SaveEngagements(Applicant, acceptance, true, false, CurrentCharter, TestClock.Now);

        Assert.Equal((acceptance.AcceptedAt, true, false, true),
            (request.Engagements.CharterAcceptedAt, request.Engagements.DpoInformed, request.Engagements.CitizenConsentCommitment, request.Engagements.IsCharterAccepted));
    }

    [Fact]
    public void Each_missing_attestation_is_reported_on_its_field()
    {
        var dpo = Draft().Build().SaveEngagements(Applicant, AcceptanceOf(CurrentCharter), false, true, CurrentCharter, TestClock.Now).Value;
        var consent = Draft().Build().SaveEngagements(Applicant, AcceptanceOf(CurrentCharter), true, false, CurrentCharter, TestClock.Now).Value;

        Assert.Equal([("access_request.dpo_not_informed", "DpoInformed")], dpo.Select(e => (e.Code, e.Field)));
        Assert.Equal([("access_request.citizen_consent_required", "CitizenConsentCommitment")], consent.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void An_outdated_acceptance_says_a_new_version_was_published()
    {
        var older = new CharterVersion(CurrentCharter.Major - 1, 0, "Charte", "…", TestClock.Now.AddYears(-1));

        var outdated = Assert.Single(Draft().Build().SaveEngagements(Applicant, AcceptanceOf(older), true, true, CurrentCharter, TestClock.Now).Value);
        var missing = Assert.Single(Draft().Build().SaveEngagements(Applicant, null, true, true, CurrentCharter, TestClock.Now).Value);

        Assert.Equal(outdated.Code, missing.Code);
        Assert.NotEqual(outdated.Message, missing.Message);
        Assert.Contains("nouvelle version", outdated.Message);
    }

    [Fact]
    public void Unchecking_the_charter_box_forgets_the_previous_acceptance()
    {
        var request = Draft().Complete().Build();

        request.SaveEngagements(Applicant, null, true, true, CurrentCharter, TestClock.Now);

        Assert.Equal(((Guid?)null, (int?)null, (int?)null, (DateTimeOffset?)null),
            (request.Engagements.CharterAcceptanceId, request.Engagements.CharterMajor, request.Engagements.CharterMinor, request.Engagements.CharterAcceptedAt));
        Assert.False(request.Engagements.IsCharterAccepted);
    }
}
