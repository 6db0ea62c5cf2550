using Admin.Domain.Charters;

namespace Admin.Domain.Tests.Charters;

public class CharterEventsTests
{
    [Fact]
    public void Publishing_is_recorded_on_the_new_version_with_its_label_and_whether_partners_accept_again()
    {
        var version = new CharterVersion(2, 0, "Charte", "Texte", TestClock.Now);
        var actor = Guid.NewGuid();

        var published = new CharterPublished(version.Id, actor, TestClock.Now, version.Label, version.Title, RequiresNewAcceptance: true);

        Assert.Equal(("CharterVersion", "charter.published", version.Id, actor), (published.AggregateType, published.Action, published.AggregateId, published.ActorId));
        Assert.Equal(("2.0", "Charte", true), (published.Label, published.Title, published.RequiresNewAcceptance));
        Assert.Equal(((string?)null, (string?)null, (string?)null), (published.FromState, published.ToState, published.Reason));
    }
}
