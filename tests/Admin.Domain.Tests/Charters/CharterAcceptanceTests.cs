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

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Unknown_ip_is_recorded_as_null(string? ip)
    {
        var acceptance = CharterAcceptance.Record(new CharterVersion(2, 0, "Charte", "…", TestClock.Now), Guid.NewGuid(), Guid.NewGuid(), TestClock.Now, ip);

        Assert.Null(acceptance.ClientIp);
    }

    [Fact]
    public void An_ip_of_45_characters_is_kept_and_a_longer_text_is_a_bug()
    {
        var charter = new CharterVersion(2, 0, "Charte", "…", TestClock.Now);
        var longest = "0000:0000:0000:0000:0000:ffff:192.168.100.228";
        Assert.Equal(45, longest.Length);

        Assert.Equal(longest, CharterAcceptance.Record(charter, Guid.NewGuid(), Guid.NewGuid(), TestClock.Now, longest).ClientIp);
        Assert.Throws<ArgumentException>(() => CharterAcceptance.Record(charter, Guid.NewGuid(), Guid.NewGuid(), TestClock.Now, longest + "0"));
    }

    [Fact]
    public void Recording_an_acceptance_without_a_version_is_a_bug()
    {
        Assert.Throws<ArgumentNullException>(() => CharterAcceptance.Record(null!, Guid.NewGuid(), Guid.NewGuid(), TestClock.Now, null));
    }
}
