using Admin.Domain.Users;

namespace Admin.Domain.Tests.Users;

public class RolesTests
{
    [Theory]
    [InlineData(Roles.Instructor, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Auditor, true)]
    [InlineData(Roles.Partner, false)]
    [InlineData("Inconnu", false)]
    public void Instructors_administrators_and_auditors_are_staff(string role, bool staff)
    {
        Assert.Equal(staff, Roles.IsStaff(role));
    }

    [Fact]
    public void Every_role_has_its_french_label_and_an_unknown_one_shows_as_is()
    {
        Assert.Equal(["Partenaire", "Instructeur", "Administrateur", "Auditeur"], Roles.All.Select(Roles.FrenchLabel));
        Assert.Equal("Inconnu", Roles.FrenchLabel("Inconnu"));
    }
}
