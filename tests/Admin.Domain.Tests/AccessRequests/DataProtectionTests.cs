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

    [Fact]
    public void Justification_is_limited_to_2000_characters()
    {
        Assert.Empty(CodesOf(48, new string('j', 2000)));
        var error = Assert.Single(new DataProtection(Recipients, 48, new string('j', 2001)).Validate());
        Assert.Equal(("access_request.retention_justification_too_long", "RetentionJustification"), (error.Code, error.Field));
    }

    [Fact]
    public void Recipients_of_2000_characters_are_accepted()
    {
        Assert.Empty(new DataProtection(new string('r', 2000), 12, null).Validate());
    }

    [Theory]
    [InlineData(36, false)]
    [InlineData(37, true)]
    [InlineData(null, false)]
    public void A_justification_is_needed_beyond_36_months(int? months, bool needed)
    {
        Assert.Equal(needed, new DataProtection(Recipients, months, null).NeedsRetentionJustification);
    }

    [Fact]
    public void Errors_name_the_field_they_are_about()
    {
        var errors = new DataProtection(null, null, null).Validate();

        Assert.Equal(
            [("access_request.recipients_required", "Recipients"), ("access_request.retention_required", "RetentionMonths")],
            errors.Select(e => (e.Code, e.Field)));
        Assert.Equal("RetentionMonths", Assert.Single(new DataProtection(Recipients, 0, null).Validate()).Field);
        Assert.Equal("Recipients", Assert.Single(new DataProtection(new string('r', 2001), 12, null).Validate()).Field);
    }

    [Fact]
    public void Text_is_trimmed_and_blank_justification_is_missing()
    {
        var dataProtection = new DataProtection("  Agents  ", 48, "   ");

        Assert.Equal(("Agents", (string?)null), (dataProtection.Recipients, dataProtection.RetentionJustification));
        Assert.Equal(["access_request.retention_justification_required"], dataProtection.Validate().Select(e => e.Code));
    }
}
