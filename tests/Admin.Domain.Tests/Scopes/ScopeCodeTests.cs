using Admin.Domain.Scopes;

namespace Admin.Domain.Tests.Scopes;

public class ScopeCodeTests
{
    [Theory]
    [InlineData("cnaf_quotient_familial")]
    [InlineData("a")]
    [InlineData("men2_statut")]
    public void Lower_case_snake_case_codes_are_accepted(string value)
    {
        var code = ScopeCode.Parse(value).Value;

        Assert.Equal(value, code.Value);
        Assert.Equal(value, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Cnaf_quotient")]
    [InlineData("2cnaf")]
    [InlineData("_cnaf")]
    [InlineData("cnaf-quotient")]
    [InlineData("cnaf quotient")]
    public void Other_codes_are_refused(string? value)
    {
        Assert.Equal("scope.invalid_code", Assert.Single(ScopeCode.Parse(value).Errors).Code);
    }

    [Fact]
    public void A_code_is_limited_to_100_characters()
    {
        Assert.True(ScopeCode.Parse(new string('a', 100)).IsSuccess);
        Assert.True(ScopeCode.Parse(new string('a', 101)).IsFailure);
    }
}
