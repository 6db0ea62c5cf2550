using Admin.Domain.Organizations;

namespace Admin.Domain.Tests.Organizations;

public class EmailAddressTests
{
    [Theory]
    [InlineData("Prenom.Nom@Mairie-Lyon.fr ", "prenom.nom@mairie-lyon.fr")]
    [InlineData("a+tag@sub.domaine.gouv.fr", "a+tag@sub.domaine.gouv.fr")]
    [InlineData("o'neil_j-2{x}@mairie-03.fr", "o'neil_j-2{x}@mairie-03.fr")]
    public void Valid_address_is_trimmed_and_lower_cased(string input, string expected)
    {
        Assert.Equal(expected, EmailAddress.Parse(input).Value.Value);
    }

    [Theory]
    [InlineData("prenom.nom")]
    [InlineData("prenom.nom@")]
    [InlineData("@mairie.fr")]
    [InlineData("a@b@mairie.fr")]
    [InlineData("prenom nom@mairie.fr")]
    [InlineData("prenom.nom@mairie")]
    [InlineData("prenom.nom@mairie..fr")]
    [InlineData("prenom..nom@mairie.fr")]
    [InlineData("prenom.nom@-mairie.fr")]
    [InlineData("prenom.nom@mairie.f")]
    [InlineData("x<script>alert(1)</script>@example.com")]
    [InlineData("\"prenom nom\"@mairie.fr")]
    [InlineData("prenom(nom)@mairie.fr")]
    [InlineData("prenom,nom@mairie.fr")]
    [InlineData("prénom@mairie.fr")]
    [InlineData("prenom@mairié.fr")]
    [InlineData("x\uFFFE@example.com")]
    [InlineData("x\0@example.com")]
    [InlineData("prenom@mairie.fr;autre@mairie.fr")]
    public void Malformed_address_is_refused(string input)
    {
        Assert.Equal("email.invalid", Assert.Single(EmailAddress.Parse(input).Errors).Code);
    }

    [Fact]
    public void Address_longer_than_254_characters_is_refused()
    {
        var input = "a@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".fr";
        Assert.True(input.Length > 254);

        Assert.Equal("email.invalid", Assert.Single(EmailAddress.Parse(input).Errors).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Blank_address_is_required(string? input)
    {
        Assert.Equal("email.required", Assert.Single(EmailAddress.Parse(input).Errors).Code);
    }
}
