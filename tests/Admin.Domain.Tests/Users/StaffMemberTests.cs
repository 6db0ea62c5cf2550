using Admin.Domain.Users;

namespace Admin.Domain.Tests.Users;

public class StaffMemberTests
{
    private static StaffMember With(params string[] roles) => new(Guid.NewGuid(), new HashSet<string>(roles), new HashSet<Guid>());

    [Theory]
    [InlineData(Roles.Instructor, true, false)]
    [InlineData(Roles.Administrator, true, true)]
    [InlineData(Roles.Auditor, false, false)]
    [InlineData(Roles.Partner, false, false)]
    public void Instructors_and_administrators_review_only_administrators_administer(string role, bool canReview, bool isAdministrator)
    {
        var staff = With(role);

        Assert.Equal((canReview, isAdministrator), (staff.CanReview, staff.IsAdministrator));
    }

    [Fact]
    public void A_staff_member_belongs_only_to_the_organizations_listed()
    {
        var organization = Guid.NewGuid();
        var staff = new StaffMember(Guid.NewGuid(), new HashSet<string> { Roles.Instructor }, new HashSet<Guid> { organization });

        Assert.True(staff.IsMemberOf(organization));
        Assert.False(staff.IsMemberOf(Guid.NewGuid()));
    }
}
