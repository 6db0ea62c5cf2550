using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Messages;
using Admin.Domain.Organizations;
using Admin.Domain.Tests.AccessRequests;
using Admin.Domain.Tests.Organizations;
using Admin.Domain.Users;

namespace Admin.Domain.Tests.Messages;

public sealed class RequestMessageTests
{
    private static readonly Guid Technical = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Guid Stranger = Guid.Parse("00000000-0000-0000-0000-0000000000c3");

    private static (Organization Organization, AccessRequest Request) RequestOfOrganization()
    {
        var organization = OrganizationBuilder.Registered().WithMember(Technical, MembershipRole.TechnicalContact).Build();
        return (organization, AccessRequest.Create(organization.Id, OrganizationBuilder.Creator, TestClock.Now));
    }

    [Fact]
    public void A_member_writes_a_trimmed_partner_message_that_raises_one_audited_event_on_the_request()
    {
        var (organization, request) = RequestOfOrganization();

        var message = RequestMessage.FromMember(request, organization, Technical, "  Bonjour, une question.  ", TestClock.Now).Value;

        Assert.Equal((request.Id, organization.Id, Technical, MessageSide.Partner, "Bonjour, une question.", TestClock.Now),
            (message.AccessRequestId, message.OrganizationId, message.AuthorId, message.Side, message.Body, message.SentAt));
        var posted = Assert.IsType<RequestMessagePosted>(Assert.Single(message.DomainEvents));
        Assert.Equal((request.Id, (Guid?)Technical, TestClock.Now, message.Id, MessageSide.Partner),
            (posted.AggregateId, posted.ActorId, posted.OccurredAt, posted.MessageId, posted.Side));
        Assert.Equal(("AccessRequest", "access_request.message_posted"), (posted.AggregateType, posted.Action));
        Assert.Equal(RequestMessagePosted.ActionName, posted.Action);
    }

    [Fact]
    public void Someone_outside_the_organization_or_another_organization_cannot_write_as_a_member()
    {
        var (organization, request) = RequestOfOrganization();
        var other = OrganizationBuilder.Registered().WithMember(Stranger, MembershipRole.Applicant).Build();

        Assert.Equal(ErrorKind.Forbidden, RequestMessage.FromMember(request, organization, Stranger, "x", TestClock.Now).FailureKind);
        Assert.Equal(ErrorKind.Forbidden, RequestMessage.FromMember(request, other, Stranger, "x", TestClock.Now).FailureKind);
    }

    [Theory]
    [InlineData(Roles.Instructor)]
    [InlineData(Roles.Administrator)]
    public void An_instructor_or_administrator_writes_as_staff(string role)
    {
        var request = AccessRequestBuilder.Submitted().Build();
        var staff = new StaffMember(Stranger, new HashSet<string> { role }, new HashSet<Guid>());

        var message = RequestMessage.FromStaff(request, staff, "Merci de préciser.", TestClock.Now).Value;

        Assert.Equal((MessageSide.Staff, Stranger, "Merci de préciser."), (message.Side, message.AuthorId, message.Body));
        Assert.Equal(MessageSide.Staff, Assert.IsType<RequestMessagePosted>(Assert.Single(message.DomainEvents)).Side);
    }

    [Fact]
    public void An_auditor_or_a_staff_member_of_the_organization_cannot_write_as_staff()
    {
        var request = AccessRequestBuilder.Submitted().Build();
        var auditor = new StaffMember(Stranger, new HashSet<string> { Roles.Auditor }, new HashSet<Guid>());
        var member = new StaffMember(Stranger, new HashSet<string> { Roles.Instructor }, new HashSet<Guid> { request.OrganizationId });

        Assert.Equal(ErrorKind.Forbidden, RequestMessage.FromStaff(request, auditor, "x", TestClock.Now).FailureKind);
        Assert.Equal(ErrorKind.Forbidden, RequestMessage.FromStaff(request, member, "x", TestClock.Now).FailureKind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void An_empty_message_is_refused_on_its_field(string? body)
    {
        var result = RequestMessage.FromStaff(AccessRequestBuilder.Submitted().Build(), AccessRequestBuilder.Instructor, body, TestClock.Now);

        Assert.Equal(ErrorKind.Validation, result.FailureKind);
        Assert.Equal(MessageErrors.BodyRequired.ForField("Body"), Assert.Single(result.Errors));
    }

    [Fact]
    public void A_message_of_the_maximum_length_is_accepted_one_more_character_is_refused()
    {
        var request = AccessRequestBuilder.Submitted().Build();
        var longest = new string('a', RequestMessage.BodyMaxLength);

        Assert.True(RequestMessage.FromStaff(request, AccessRequestBuilder.Instructor, $"  {longest}  ", TestClock.Now).IsSuccess);
        var tooLong = RequestMessage.FromStaff(request, AccessRequestBuilder.Instructor, longest + "a", TestClock.Now);
        Assert.Equal(MessageErrors.BodyTooLong.ForField("Body"), Assert.Single(tooLong.Errors));
        Assert.Equal(4000, RequestMessage.BodyMaxLength);
    }

    [Fact]
    public void An_archived_request_takes_no_more_messages()
    {
        var result = RequestMessage.FromStaff(AccessRequestBuilder.Archived().Build(), AccessRequestBuilder.Instructor, "Encore ?", TestClock.Now);

        Assert.Equal(ErrorKind.Conflict, result.FailureKind);
        Assert.Equal(MessageErrors.RequestArchived, Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData(AccessRequestStatus.Draft)]
    [InlineData(AccessRequestStatus.Submitted)]
    [InlineData(AccessRequestStatus.ChangesRequested)]
    [InlineData(AccessRequestStatus.Approved)]
    [InlineData(AccessRequestStatus.Refused)]
    [InlineData(AccessRequestStatus.Revoked)]
    public void Every_other_state_takes_messages(AccessRequestStatus status)
    {
        var request = status switch
        {
            AccessRequestStatus.Draft => AccessRequestBuilder.Draft().Build(),
            AccessRequestStatus.Submitted => AccessRequestBuilder.Submitted().Build(),
            AccessRequestStatus.ChangesRequested => AccessRequestBuilder.ChangesRequested().Build(),
            AccessRequestStatus.Approved => AccessRequestBuilder.Approved().Build(),
            AccessRequestStatus.Refused => AccessRequestBuilder.Refused().Build(),
            _ => AccessRequestBuilder.Revoked().Build(),
        };

        Assert.Equal(status, request.Status);
        Assert.True(RequestMessage.FromStaff(request, AccessRequestBuilder.Instructor, "Bonjour", TestClock.Now).IsSuccess);
    }

    [Theory]
    [InlineData(AccessRequestTransition.RequestChanges)]
    [InlineData(AccessRequestTransition.Approve)]
    [InlineData(AccessRequestTransition.Refuse)]
    [InlineData(AccessRequestTransition.Revoke)]
    public void A_decisions_message_is_a_staff_message_marked_with_its_decision(AccessRequestTransition decision)
    {
        var request = AccessRequestBuilder.Submitted().Build();

        var message = RequestMessage.ForDecision(request, AccessRequestBuilder.Instructor, decision, " Précisez. ", TestClock.Now).Value;

        Assert.Equal((MessageSide.Staff, (AccessRequestTransition?)decision, "Précisez."), (message.Side, message.Decision, message.Body));
        Assert.Null(RequestMessage.FromStaff(request, AccessRequestBuilder.Instructor, "Question", TestClock.Now).Value.Decision);
    }

    [Fact]
    public void A_decisions_message_follows_the_staff_rules_and_only_decisions_carry_one()
    {
        var request = AccessRequestBuilder.Submitted().Build();
        var auditor = new StaffMember(Stranger, new HashSet<string> { Roles.Auditor }, new HashSet<Guid>());

        Assert.Equal(ErrorKind.Forbidden, RequestMessage.ForDecision(request, auditor, AccessRequestTransition.Refuse, "x", TestClock.Now).FailureKind);
        Assert.Equal(MessageErrors.BodyRequired.ForField("Body"),
            Assert.Single(RequestMessage.ForDecision(request, AccessRequestBuilder.Instructor, AccessRequestTransition.Refuse, " ", TestClock.Now).Errors));
        foreach (var other in new[] { AccessRequestTransition.Submit, AccessRequestTransition.Reopen, AccessRequestTransition.Archive })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => RequestMessage.ForDecision(request, AccessRequestBuilder.Instructor, other, "x", TestClock.Now));
        }
    }

    [Fact]
    public void Missing_request_organization_or_staff_are_programming_errors()
    {
        var (organization, request) = RequestOfOrganization();

        Assert.Throws<ArgumentNullException>("request", () => RequestMessage.FromMember(null!, organization, Technical, "x", TestClock.Now));
        Assert.Throws<ArgumentNullException>("organization", () => RequestMessage.FromMember(request, null!, Technical, "x", TestClock.Now));
        Assert.Throws<ArgumentNullException>("request", () => RequestMessage.FromStaff(null!, AccessRequestBuilder.Instructor, "x", TestClock.Now));
        Assert.Throws<ArgumentNullException>("staff", () => RequestMessage.FromStaff(request, null!, "x", TestClock.Now));
    }

    [Fact]
    public void A_read_marker_only_moves_forward()
    {
        var marker = new MessageReadMarker(Technical, Guid.NewGuid(), TestClock.Now);

        Assert.False(marker.MoveTo(TestClock.Now.AddMinutes(-5)));
        Assert.Equal(TestClock.Now, marker.ReadUpTo);
        Assert.False(marker.MoveTo(TestClock.Now));
        Assert.True(marker.MoveTo(TestClock.Now.AddMinutes(5)));
        Assert.Equal(TestClock.Now.AddMinutes(5), marker.ReadUpTo);
    }
}
