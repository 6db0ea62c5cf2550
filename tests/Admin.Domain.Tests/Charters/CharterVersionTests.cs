using Admin.Domain.Charters;

namespace Admin.Domain.Tests.Charters;

public class CharterVersionTests
{
    [Fact]
    public void A_version_is_labelled_major_dot_minor()
    {
        var charter = new CharterVersion(1, 0, "Charte", "Texte", TestClock.Now);

        Assert.Equal(("1.0", "Charte", "Texte", TestClock.Now), (charter.Label, charter.Title, charter.Body, charter.PublishedAt));
    }

    [Fact]
    public void Major_starts_at_1_and_minor_at_0()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CharterVersion(0, 0, "Charte", "…", TestClock.Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CharterVersion(1, -1, "Charte", "…", TestClock.Now));
    }
}
