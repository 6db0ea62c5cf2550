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

    [Theory]
    [InlineData("+590 590 12 34 56", "05 90 12 34 56")] // Guadeloupe
    [InlineData("+594 594 12 34 56", "05 94 12 34 56")] // Guyane
    [InlineData("+596 596 12 34 56", "05 96 12 34 56")] // Martinique
    [InlineData("0033142764040", "01 42 76 40 40")]
    [InlineData(" 09 72 76 40 40 ", "09 72 76 40 40")]
    public void Overseas_and_0033_forms_are_normalized(string input, string expected)
    {
        var phone = PhoneNumber.Parse(input).Value;

        Assert.Equal(expected, phone.Value);
        Assert.Equal(expected, phone.ToString());
    }

    [Theory]
    [InlineData("+33 1 42 76 40")] // 8 subscriber digits
    [InlineData("+33 1 42 76 40 40 4")] // 10 subscriber digits
    [InlineData("0033 1 42 76 40")]
    [InlineData("+1 42 76 40 40")]
    [InlineData("++33 1 42 76 40 40")]
    [InlineData("01 42 76 40 4٠")] // an Arabic-Indic zero is a digit for char.IsDigit, not here
    [InlineData("01/42/76/40/40")]
    [InlineData("1142764040")] // ten digits without the leading 0
    [InlineData("+33 0 42 76 40 4")] // would read 00 42 76 40 40
    public void International_forms_with_a_wrong_length_or_code_are_refused(string input)
    {
        Assert.Equal("phone.invalid", Assert.Single(PhoneNumber.Parse(input).Errors).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_number_is_required(string? input)
    {
        var result = PhoneNumber.Parse(input);

        Assert.Equal((Admin.Domain.Common.ErrorKind.Validation, "phone.required"), (result.FailureKind, Assert.Single(result.Errors).Code));
    }
}
