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

    [Fact]
    public void Address_of_254_characters_is_accepted()
    {
        var input = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 61), 3)) + "." + new string('c', 3);
        Assert.Equal(254, input.Length);

        Assert.True(EmailAddress.IsValid(input));
    }

    [Fact]
    public void Local_part_is_limited_to_64_characters()
    {
        Assert.True(EmailAddress.IsValid(new string('a', 64) + "@mairie.fr"));
        Assert.False(EmailAddress.IsValid(new string('a', 65) + "@mairie.fr"));
    }

    [Fact]
    public void Domain_label_is_limited_to_63_characters()
    {
        Assert.True(EmailAddress.IsValid("agent@" + new string('m', 63) + ".fr"));
        Assert.False(EmailAddress.IsValid("agent@" + new string('m', 64) + ".fr"));
    }

    [Theory]
    [InlineData(".agent@mairie.fr")]
    [InlineData("agent.@mairie.fr")]
    [InlineData("agent@mairie-.fr")]
    [InlineData("agent@.mairie.fr")]
    [InlineData("agent@mairie.fr.")]
    [InlineData("agent@mairie.123")]
    [InlineData("agent@mairie_lyon.fr")]
    [InlineData("agent@192.168.0.1")]
    public void Misplaced_dots_hyphens_and_numeric_top_level_domains_are_refused(string input)
    {
        Assert.False(EmailAddress.IsValid(input));
    }

    [Theory]
    [InlineData("a@mairie.fr")]
    [InlineData("agent@mairie.a1")]
    [InlineData("agent@saint-denis.re")]
    [InlineData("a.b.c@x.y.fr")]
    [InlineData("agent!#$%&*/=?^`|~@mairie.fr")]
    public void Short_dotted_hyphenated_and_special_character_addresses_are_accepted(string input)
    {
        Assert.True(EmailAddress.IsValid(input));
        Assert.Equal(input, EmailAddress.Parse(input).Value.ToString());
    }
}
