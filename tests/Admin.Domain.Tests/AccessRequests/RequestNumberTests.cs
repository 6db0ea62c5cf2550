using Admin.Domain.AccessRequests;

namespace Admin.Domain.Tests.AccessRequests;

public class RequestNumberTests
{
    [Theory]
    [InlineData(2026, 123, "DA-2026-000123")]
    [InlineData(2026, 1, "DA-2026-000001")]
    [InlineData(2027, 999_999, "DA-2027-999999")]
    [InlineData(2027, 1_000_000, "DA-2027-1000000")]
    public void Number_is_the_year_then_the_sequence_on_six_digits_at_least(int year, int sequence, string number)
    {
        Assert.Equal(number, RequestNumber.Format(year, sequence));
    }

    [Fact]
    public void Year_of_a_request_is_its_creation_year_in_Paris()
    {
        // 23:30 UTC on New Year's Eve is already 00:30 in Paris.
        Assert.Equal(2027, RequestNumber.YearOf(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(2026, RequestNumber.YearOf(new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("DA-2026-000123")]
    [InlineData("da-2026-000123")]
    [InlineData(" DA 2026 123 ")]
    [InlineData("2026-000123")]
    [InlineData("n° DA-2026-000123")]
    public void Typed_number_is_normalized_to_the_stored_form(string typed)
    {
        Assert.Equal("DA-2026-000123", RequestNumber.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Cantine")]
    [InlineData("3F2A9C1B7D04")]
    [InlineData("DA-2026-000000")]
    [InlineData("21750001600019")]
    public void Text_that_cannot_be_a_number_normalizes_to_null(string? typed)
    {
        Assert.Null(RequestNumber.Normalize(typed));
    }

    [Fact]
    public void Request_takes_its_number_from_its_creation_year_once()
    {
        var request = AccessRequest.Create(Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal("", request.Number);

        request.AssignNumber(42);

        Assert.Equal("DA-2026-000042", request.Number);
        Assert.Throws<InvalidOperationException>(() => request.AssignNumber(43));
    }

    [Fact]
    public void Copy_of_a_request_waits_for_a_number_of_its_own()
    {
        var request = AccessRequest.Create(Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        request.AssignNumber(1);

        Assert.Equal("", request.CopyAsNewDraft(Guid.NewGuid(), DateTimeOffset.UtcNow).Number);
    }
}
