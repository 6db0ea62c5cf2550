using Admin.Domain.AccessRequests;

namespace Admin.Domain.Tests.AccessRequests;

public class DataProtectionTests
{
    private const string Recipients = "Agents instructeurs du service des affaires scolaires";

    private static IReadOnlyList<string> CodesOf(int? months, string? justification = null) =>
        [.. new DataProtection(Recipients, months, justification).Validate().Select(e => e.Code)];

    [Theory]
    [InlineData(1)]
    [InlineData(36)]
    public void Retention_up_to_36_months_needs_no_justification(int months)
    {
        Assert.Empty(CodesOf(months));
    }

    [Fact]
    public void Retention_of_37_months_needs_a_justification()
    {
        var error = Assert.Single(new DataProtection(Recipients, 37, null).Validate());

        Assert.Equal(("access_request.retention_justification_required", "RetentionJustification"), (error.Code, error.Field));
    }

    [Fact]
    public void Retention_beyond_36_months_with_a_justification_is_accepted()
    {
        Assert.Empty(CodesOf(1200, "Durée de prescription des recours contentieux."));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1201)]
    public void Retention_outside_1_to_1200_months_is_refused(int months)
    {
        Assert.Equal(["access_request.retention_out_of_range"], CodesOf(months, "Justification"));
    }

    [Fact]
    public void Retention_is_required()
    {
        Assert.Equal(["access_request.retention_required"], CodesOf(null));
    }

    [Fact]
    public void Recipients_are_required_and_limited_to_2000_characters()
    {
        Assert.Equal(["access_request.recipients_required"], new DataProtection(" ", 12, null).Validate().Select(e => e.Code));
        Assert.Equal(["access_request.recipients_too_long"], new DataProtection(new string('r', 2001), 12, null).Validate().Select(e => e.Code));
    }
}
