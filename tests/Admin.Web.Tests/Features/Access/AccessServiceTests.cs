using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Admin.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Features.Access;

/// <summary>
/// Who may act on which organization and request, as the one access service answers for partners
/// and staff: outsiders are told it does not exist, insiders without the right are forbidden.
/// </summary>
public sealed class AccessServiceTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Partner_of_another_organization_is_told_the_request_does_not_exist_whatever_the_need()
    {
        var request = await app.DraftAsync(await app.PartnerWithOrganizationAsync());
        var outsider = await app.PartnerWithOrganizationAsync();

        var answers = await AskAsync(As(outsider.User.Id, Roles.Partner), s => AllNeedsAsync(s, request.Id));

        Assert.All(answers, a => Assert.Equal(ErrorKind.NotFound, a.Item2));
    }

    [Fact]
    public async Task Business_contact_reads_the_request_but_may_neither_edit_nor_decide()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.DraftAsync(applicant);
        var contact = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);

        var answers = await AskAsync(As(contact.User.Id, Roles.Partner), s => AllNeedsAsync(s, request.Id));

        Assert.Equal([(Need.Read, (ErrorKind?)null), (Need.Edit, ErrorKind.Forbidden), (Need.Decide, ErrorKind.Forbidden)], answers);
    }

    [Fact]
    public async Task Applicant_edits_the_request_and_gets_it_loaded_with_their_role()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.DraftAsync(applicant);

        var access = await AskAsync(As(applicant.User.Id, Roles.Partner), s => s.ForRequestAsync(request.Id, Need.Edit, CancellationToken.None));

        Assert.Equal((request.Id, MembershipRole.Applicant, true), (access.Value.Request.Id, access.Value.Role!.Value, access.Value.IsApplicant));
    }

    [Theory]
    [InlineData(Roles.Instructor, null)]
    [InlineData(Roles.Administrator, null)]
    [InlineData(Roles.Auditor, ErrorKind.Forbidden)]
    public async Task Staff_member_of_no_organization_reads_every_request_and_decides_only_as_reviewer(string role, ErrorKind? decide)
    {
        var request = await app.DraftAsync(await app.PartnerWithOrganizationAsync());
        var staff = await app.CreateUserAsync($"agent.{Guid.NewGuid():N}@api-particulier.gouv.fr", Accounts.StrongPassword, role);

        var answers = await AskAsync(As(staff.Id, role), s => AllNeedsAsync(s, request.Id));

        Assert.Equal([(Need.Read, (ErrorKind?)null), (Need.Edit, ErrorKind.Forbidden), (Need.Decide, decide)], answers);
    }

    [Fact]
    public async Task Instructor_who_is_a_member_of_the_organization_may_not_decide_on_its_request()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.DraftAsync(applicant);
        var member = await app.MemberOfAsync(applicant, MembershipRole.TechnicalContact);

        var decide = await AskAsync(As(member.User.Id, Roles.Instructor), s => s.ForRequestAsync(request.Id, Need.Decide, CancellationToken.None));

        Assert.Equal(ErrorKind.Forbidden, decide.FailureKind);
    }

    [Fact]
    public async Task Current_staff_member_carries_their_roles_and_their_organizations_for_the_domain()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var member = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);

        var staff = await AskAsync(As(member.User.Id, Roles.Instructor), s => s.CurrentStaffAsync(CancellationToken.None));

        Assert.Equal((member.User.Id, true, true, false),
            (staff.UserId, staff.IsMemberOf(applicant.Organization.Id), staff.CanReview, staff.IsAdministrator));
    }

    [Fact]
    public async Task Only_an_applicant_manages_members_and_an_outsider_is_told_the_organization_does_not_exist()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var contact = await app.MemberOfAsync(applicant, MembershipRole.TechnicalContact);
        var outsider = await app.PartnerWithOrganizationAsync();
        var id = applicant.Organization.Id;

        var answers = new[]
        {
            (await AskAsync(As(applicant.User.Id, Roles.Partner), s => s.ForOrganizationAsync(id, Need.ManageMembers, CancellationToken.None))).FailureKind,
            (await AskAsync(As(contact.User.Id, Roles.Partner), s => s.ForOrganizationAsync(id, Need.ManageMembers, CancellationToken.None))).FailureKind,
            (await AskAsync(As(contact.User.Id, Roles.Partner), s => s.ForOrganizationAsync(id, Need.Read, CancellationToken.None))).FailureKind,
            (await AskAsync(As(outsider.User.Id, Roles.Partner), s => s.ForOrganizationAsync(id, Need.Read, CancellationToken.None))).FailureKind,
        };

        Assert.Equal([null, ErrorKind.Forbidden, null, ErrorKind.NotFound], answers);
    }

    [Fact]
    public async Task Current_organization_is_the_chosen_one_only_when_the_partner_belongs_to_it()
    {
        var first = await app.PartnerWithOrganizationAsync("Commune A");
        var foreign = await app.PartnerWithOrganizationAsync("Commune B");
        var user = As(first.User.Id, Roles.Partner);

        var chosen = await AskAsync(user, s => s.CurrentOrganizationAsync(first.Organization.Id, CancellationToken.None));
        var forged = await AskAsync(user, s => s.CurrentOrganizationAsync(foreign.Organization.Id, CancellationToken.None));

        Assert.Equal((first.Organization.Id, first.Organization.Id), (chosen!.OrganizationId, forged!.OrganizationId));
    }

    private static async Task<List<(Need, ErrorKind?)>> AllNeedsAsync(AccessService service, Guid requestId)
    {
        var answers = new List<(Need, ErrorKind?)>();
        foreach (var need in new[] { Need.Read, Need.Edit, Need.Decide })
        {
            answers.Add((need, (await service.ForRequestAsync(requestId, need, CancellationToken.None)).FailureKind));
        }

        return answers;
    }

    private Task<T> AskAsync<T>(FakeUser user, Func<AccessService, Task<T>> ask) =>
        app.WithScopeAsync(sp => ask(new AccessService(sp.GetRequiredService<AdminDbContext>(), user)));

    private static FakeUser As(Guid id, string role) => new(id, role);

    private sealed record FakeUser(Guid Id, string Role) : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public bool IsInRole(string role) => role == Role;
        public bool IsStaff => Roles.IsStaff(Role);
        public string? ClientAddress => null;
    }
}
