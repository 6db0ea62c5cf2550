using Admin.Domain.Organizations;

namespace Admin.Domain.Tests.Organizations;

public class SiretTests
{
    [Theory]
    [InlineData("21750001600019")] // Ville de Paris
    [InlineData("13002526500013")] // DINUM
    [InlineData("35600000000048")] // La Poste, head office: Luhn-valid like any other
    public void Luhn_valid_siret_is_accepted(string input)
    {
        var result = Siret.Parse(input);

        Assert.True(result.IsSuccess);
        Assert.Equal(input, result.Value.Value);
    }

    [Fact]
    public void La_Poste_siret_failing_Luhn_is_accepted_when_its_digit_sum_is_a_multiple_of_5()
    {
        // 3+5+6+4+9+8+3+7 = 45, Luhn sum is not a multiple of 10.
        var result = Siret.Parse("35600000049837");

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void La_Poste_siret_failing_both_Luhn_and_digit_sum_is_refused()
    {
        var result = Siret.Parse("35600000000049");

        Assert.Equal("organization.siret_checksum", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Other_siren_failing_Luhn_is_refused_even_when_its_digit_sum_is_a_multiple_of_5()
    {
        // Digit sum 60: the La Poste exception must not leak to other SIRENs.
        var result = Siret.Parse("12345678901234");

        Assert.Equal("organization.siret_checksum", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("21750001600018")] // last digit mistyped
    [InlineData("21750001600091")] // two digits swapped
    public void Luhn_invalid_siret_is_refused(string input)
    {
        var result = Siret.Parse(input);

        Assert.Equal("organization.siret_checksum", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("217 500 016 00019")]
    [InlineData(" 21750001600019 ")]
    [InlineData("217\u00a0500\u00a0016\u00a000019")] // non-breaking spaces pasted from a web page
    public void Spaces_are_stripped(string input)
    {
        Assert.Equal("21750001600019", Siret.Parse(input).Value.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_siret_is_refused_as_required(string? input)
    {
        var error = Assert.Single(Siret.Parse(input).Errors);

        Assert.Equal("organization.siret_required", error.Code);
        Assert.Equal("Siret", error.Field);
    }

    [Theory]
    [InlineData("2175000160001")] // 13 digits
    [InlineData("217500016000190")] // 15 digits
    [InlineData("2175000160001A")]
    [InlineData("217-500-016-00019")]
    [InlineData("٢١٧٥٠٠٠١٦٠٠٠١٩")] // Arabic-Indic digits are digits for char.IsDigit, not for a SIRET
    public void Anything_but_14_digits_is_refused_as_format(string input)
    {
        Assert.Equal("organization.siret_format", Assert.Single(Siret.Parse(input).Errors).Code);
    }

    [Fact]
    public void Siren_is_the_first_nine_digits()
    {
        Assert.Equal("217500016", Siret.Parse("21750001600019").Value.Siren);
    }

    [Fact]
    public void Siret_whose_doubled_digits_exceed_9_is_accepted()
    {
        Assert.True(Siret.Parse("73282932000074").IsSuccess); // INSEE's example
    }

    [Theory]
    [InlineData("73282932000075")]
    [InlineData("10000000000000")]
    [InlineData("01000000000000")]
    public void Any_single_digit_change_breaks_the_luhn_check(string input)
    {
        var error = Assert.Single(Siret.Parse(input).Errors);

        Assert.Equal(("organization.siret_checksum", "Siret"), (error.Code, error.Field));
    }

    [Fact]
    public void The_siret_prints_as_its_fourteen_digits()
    {
        Assert.Equal("21750001600019", Siret.Parse(" 217 500 016 00019").Value.ToString());
    }

    [Fact]
    public void The_siret_is_written_for_people_as_siren_in_threes_then_the_nic()
    {
        Assert.Equal("217 500 016 00019", Siret.Parse("21750001600019").Value.Formatted);
        Assert.Equal("217 500 016 00019", Siret.Format("21750001600019"));
    }

    [Theory]
    [InlineData("2175000160001", "2175000160001")]
    [InlineData("217500016000190", "217500016000190")]
    [InlineData("2175000160001a", "2175000160001a")]
    [InlineData(null, "")]
    public void Anything_but_fourteen_digits_is_written_as_it_is(string? input, string expected)
    {
        Assert.Equal(expected, Siret.Format(input));
    }
}
