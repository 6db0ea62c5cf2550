using Admin.Domain.AccessRequests;

namespace Admin.Domain.Tests.AccessRequests;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("0142764040", "01 42 76 40 40")]
    [InlineData("01 42 76 40 40", "01 42 76 40 40")]
    [InlineData("01.42.76.40.40", "01 42 76 40 40")]
    [InlineData("01-42-76-40-40", "01 42 76 40 40")]
    [InlineData("+33 1 42 76 40 40", "01 42 76 40 40")]
    [InlineData("+33142764040", "01 42 76 40 40")]
    [InlineData("+33 (0)1 42 76 40 40", "01 42 76 40 40")]
    [InlineData("0033 6 12 34 56 78", "06 12 34 56 78")]
    [InlineData("+262 262 12 34 56", "02 62 12 34 56")] // La Réunion
    public void French_numbers_are_normalized(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Parse(input).Value.Value);
    }

    [Theory]
    [InlineData("01 42 76 40")] // 8 digits
    [InlineData("01 42 76 40 40 40")]
    [InlineData("1 42 76 40 40")] // national form without leading 0
    [InlineData("00 42 76 40 40")]
    [InlineData("+44 20 7946 0958")] // not French
    [InlineData("+33 01 42 76 40 40")] // 0 after the country code
    [InlineData("01 42 76 40 4O")] // letter O
    public void Other_numbers_are_refused(string input)
    {
        Assert.Equal("phone.invalid", Assert.Single(PhoneNumber.Parse(input).Errors).Code);
    }

    [Fact]
    public void Blank_number_is_required()
    {
        Assert.Equal("phone.required", Assert.Single(PhoneNumber.Parse("  ").Errors).Code);
    }
}
