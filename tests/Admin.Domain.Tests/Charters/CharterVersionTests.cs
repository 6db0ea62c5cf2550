using Admin.Domain.Charters;
using Admin.Domain.Common;

namespace Admin.Domain.Tests.Charters;

public class CharterVersionTests
{
    private static readonly CharterVersion Current = new(1, 3, "Charte", "Texte", TestClock.Now.AddMonths(-3));

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

    [Fact]
    public void A_minor_change_bumps_the_minor_number()
    {
        var next = Current.Next(CharterChange.Minor, " Charte révisée ", " Nouveau texte \n", TestClock.Now).Value;

        Assert.Equal(("1.4", 1, 4), (next.Label, next.Major, next.Minor));
        Assert.Equal(("Charte révisée", "Nouveau texte", TestClock.Now), (next.Title, next.Body, next.PublishedAt));
        Assert.NotEqual(Current.Id, next.Id);
    }

    [Fact]
    public void A_major_change_bumps_the_major_number_and_starts_the_minor_one_again_at_0()
    {
        var next = Current.Next(CharterChange.Major, "Charte 2", "Nouveaux engagements", TestClock.Now).Value;

        Assert.Equal(("2.0", 2, 0), (next.Label, next.Major, next.Minor));
        Assert.Equal(("Charte 2", "Nouveaux engagements", TestClock.Now), (next.Title, next.Body, next.PublishedAt));
    }

    [Fact]
    public void Acceptances_of_the_current_major_version_hold_after_a_minor_change_only()
    {
        Assert.True(Current.Next(CharterChange.Minor, "Charte", "Texte", TestClock.Now).Value.IsCoveredByAcceptanceOf(1));
        Assert.False(Current.Next(CharterChange.Major, "Charte", "Texte", TestClock.Now).Value.IsCoveredByAcceptanceOf(1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_version_without_a_title_is_refused_on_the_title_field(string? title)
    {
        var result = Current.Next(CharterChange.Minor, title, "Texte", TestClock.Now);

        Assert.Equal((ErrorKind?)ErrorKind.Validation, result.FailureKind);
        Assert.Equal(CharterErrors.TitleRequired.ForField("Title"), Assert.Single(result.Errors));
    }

    [Fact]
    public void A_title_of_300_characters_is_accepted_once_trimmed_and_301_refused()
    {
        Assert.Equal(new string('t', 300), Current.Next(CharterChange.Minor, " " + new string('t', 300) + " ", "Texte", TestClock.Now).Value.Title);

        var result = Current.Next(CharterChange.Minor, new string('t', 301), "Texte", TestClock.Now);

        Assert.Equal(CharterErrors.TitleTooLong.ForField("Title"), Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n  ")]
    public void A_version_without_a_text_is_refused_on_the_body_field(string? body)
    {
        var result = Current.Next(CharterChange.Minor, "Charte", body, TestClock.Now);

        Assert.Equal((ErrorKind?)ErrorKind.Validation, result.FailureKind);
        Assert.Equal(CharterErrors.BodyRequired.ForField("Body"), Assert.Single(result.Errors));
    }

    [Fact]
    public void A_text_of_100000_characters_is_accepted_and_100001_refused()
    {
        Assert.Equal(100_000, Current.Next(CharterChange.Minor, "Charte", new string('b', 100_000), TestClock.Now).Value.Body.Length);
        // The limit is on what is stored: the trailing newline a text area adds does not count.
        Assert.Equal(100_000, Current.Next(CharterChange.Minor, "Charte", new string('b', 100_000) + "\n", TestClock.Now).Value.Body.Length);

        var result = Current.Next(CharterChange.Minor, "Charte", new string('b', 100_001), TestClock.Now);

        Assert.Equal(CharterErrors.BodyTooLong.ForField("Body"), Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(7)]
    public void A_version_that_is_neither_minor_nor_major_is_refused_on_the_change_field(int? change)
    {
        var result = Current.Next((CharterChange?)change, "Charte", "Texte", TestClock.Now);

        Assert.Equal((ErrorKind?)ErrorKind.Validation, result.FailureKind);
        Assert.Equal(CharterErrors.ChangeRequired.ForField("Change"), Assert.Single(result.Errors));
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var result = Current.Next(null, " ", null, TestClock.Now);

        Assert.Equal(["Title", "Body", "Change"], result.Errors.Select(e => e.Field));
        Assert.Equal(["charter.title_required", "charter.body_required", "charter.change_required"], result.Errors.Select(e => e.Code));
    }
}
