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
}
