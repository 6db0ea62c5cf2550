using Admin.Domain.Charters;

namespace Admin.Domain.Tests.Charters;

public class CharterAcceptanceTests
{
    [Fact]
    public void Acceptance_records_version_user_organization_time_and_ip()
    {
        var charter = new CharterVersion(2, 3, "Charte", "…", TestClock.Now.AddMonths(-1));
        var (user, organization) = (Guid.NewGuid(), Guid.NewGuid());

        var acceptance = CharterAcceptance.Record(charter, user, organization, TestClock.Now, " 2001:db8::1 ");

        Assert.Equal((charter.Id, 2, 3, user, organization, TestClock.Now, "2001:db8::1"),
            (acceptance.CharterVersionId, acceptance.Major, acceptance.Minor, acceptance.UserId, acceptance.OrganizationId, acceptance.AcceptedAt, acceptance.ClientIp));
        Assert.Equal("2.3", acceptance.VersionLabel);
    }

    [Fact]
    public void Acceptance_covers_a_new_minor_version_but_not_a_new_major_one()
    {
        var accepted = new CharterVersion(2, 0, "Charte", "…", TestClock.Now.AddMonths(-2));
        var acceptance = CharterAcceptance.Record(accepted, Guid.NewGuid(), Guid.NewGuid(), TestClock.Now, null);

        Assert.True(acceptance.Covers(new CharterVersion(2, 1, "Charte", "…", TestClock.Now)));
        Assert.False(acceptance.Covers(new CharterVersion(3, 0, "Charte", "…", TestClock.Now)));
    }
}
