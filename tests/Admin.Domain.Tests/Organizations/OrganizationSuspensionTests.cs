using Admin.Domain.Common;
using Admin.Domain.Organizations;

namespace Admin.Domain.Tests.Organizations;

public class OrganizationSuspensionTests
{
    private static readonly Guid Instructor = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly DateTimeOffset Later = TestClock.Now.AddDays(3);

    [Fact]
    public void Suspending_keeps_the_trimmed_reason_raises_its_event_and_moves_the_version()
    {
        var organization = OrganizationBuilder.Registered().Build();
        var version = organization.Version;

        Assert.True(organization.Suspend(Instructor, "  Usage non conforme.  ", Later).IsSuccess);

        Assert.Equal((true, (DateTimeOffset?)Later, "Usage non conforme.", version + 1),
            (organization.IsSuspended, organization.SuspendedAt, organization.SuspensionReason, organization.Version));
        var suspended = Assert.IsType<OrganizationSuspended>(Assert.Single(organization.DomainEvents));
        Assert.Equal(("organization.suspended", "Organization", "Active", "Suspended", "Usage non conforme.", (Guid?)Instructor),
            (suspended.Action, suspended.AggregateType, suspended.FromState, suspended.ToState, suspended.Reason, suspended.ActorId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Suspending_without_a_reason_is_refused_on_the_reason_field(string? reason)
    {
        var organization = OrganizationBuilder.Registered().Build();

        var result = organization.Suspend(Instructor, reason, Later);

        Assert.Equal((ErrorKind.Validation, "organization.suspension_reason_required", "Reason"), (result.FailureKind, Assert.Single(result.Errors).Code, result.Errors[0].Field));
        Assert.False(organization.IsSuspended);
        Assert.Empty(organization.DomainEvents);
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused()
    {
        var organization = OrganizationBuilder.Registered().Build();

        Assert.Equal("organization.suspension_reason_too_long",
            Assert.Single(organization.Suspend(Instructor, new string('r', Organization.SuspensionReasonMaxLength + 1), Later).Errors).Code);
        Assert.True(organization.Suspend(Instructor, new string('r', Organization.SuspensionReasonMaxLength), Later).IsSuccess);
    }

    [Fact]
    public void Suspending_twice_or_resuming_an_active_organization_is_a_conflict()
    {
        var organization = OrganizationBuilder.Registered().Build();

        Assert.Equal((ErrorKind.Conflict, "organization.not_suspended"), (organization.Resume(Instructor, Later).FailureKind, organization.Resume(Instructor, Later).Errors[0].Code));
        organization.Suspend(Instructor, "Contrôle", Later);
        var again = organization.Suspend(Instructor, "Encore", Later);

        Assert.Equal((ErrorKind.Conflict, "organization.already_suspended"), (again.FailureKind, Assert.Single(again.Errors).Code));
        Assert.Equal("Contrôle", organization.SuspensionReason);
    }

    [Fact]
    public void Resuming_clears_the_suspension_and_raises_its_event()
    {
        var organization = OrganizationBuilder.Registered().Build();
        organization.Suspend(Instructor, "Contrôle", Later);
        organization.ClearDomainEvents();

        Assert.True(organization.Resume(Instructor, Later.AddDays(1)).IsSuccess);

        Assert.Equal((false, (DateTimeOffset?)null, (string?)null), (organization.IsSuspended, organization.SuspendedAt, organization.SuspensionReason));
        var resumed = Assert.IsType<OrganizationResumed>(Assert.Single(organization.DomainEvents));
        Assert.Equal(("organization.resumed", "Suspended", "Active"), (resumed.Action, resumed.FromState, resumed.ToState));
    }
}
