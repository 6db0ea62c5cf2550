using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Domain.Tests.Organizations;
using Admin.Domain.Users;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;
using Status = Admin.Domain.AccessRequests.AccessRequestStatus;

namespace Admin.Domain.Tests.AccessRequests;

/// <summary>Who owns a request (its applicant): at creation, through a transfer, and for a draft staff prepared.</summary>
public class AccessRequestOwnershipTests
{
    private static readonly DateTimeOffset Later = TestClock.Now.AddDays(2);
    private static readonly Guid Colleague = Guid.Parse("00000000-0000-0000-0000-0000000000a2");
    private static readonly Guid Business = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Outsider = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid StaffId = Guid.Parse("00000000-0000-0000-0000-0000000000f3");

    private static readonly Organization Town = OrganizationBuilder.Registered()
        .WithMember(Colleague, MembershipRole.Applicant)
        .WithMember(Business, MembershipRole.BusinessContact)
        .Build();

    private static StaffMember Staff(string role, params Guid[] memberOf) => new(StaffId, new HashSet<string> { role }, new HashSet<Guid>(memberOf));

    private static AccessRequestBuilder Of(AccessRequestBuilder builder) => builder.ForOrganization(Town.Id);

    [Fact]
    public void The_creator_is_the_applicant_and_a_submission_by_a_colleague_does_not_change_it()
    {
        var request = Of(Draft().Complete()).Build();

        var sent = request.Submit(Colleague, CurrentCharter, OfferableScopes, Later);

        Assert.True(sent.IsSuccess);
        Assert.Equal((Applicant, Colleague), (request.ApplicantId, request.CurrentSubmission!.SubmittedBy));
        Assert.False(request.IsAwaitingTakeOver);
    }

    [Fact]
    public void A_copy_belongs_to_whoever_copied_it()
    {
        var copy = Of(Refused()).Build().CopyAsNewDraft(Colleague, Later);

        Assert.Equal(Colleague, copy.ApplicantId);
    }

    [Fact]
    public void The_applicant_transfers_to_another_applicant_of_the_organization_with_a_message()
    {
        var request = Of(Submitted()).Build();
        var version = request.Version;

        var result = request.TransferTo(Applicant, Town, Colleague, "  Je quitte mon poste.  ", Later);

        Assert.True(result.IsSuccess);
        Assert.Equal((Colleague, Status.Submitted, version + 1), (request.ApplicantId, request.Status, request.Version));
        var transferred = Assert.IsType<AccessRequestTransferred>(Assert.Single(request.DomainEvents));
        Assert.Equal((Applicant, Colleague, "Je quitte mon poste.", (Guid?)Applicant), (transferred.PreviousApplicantId, transferred.NewApplicantId, transferred.Message, transferred.ActorId));
        Assert.Equal("access_request.transferred", transferred.Action);
    }

    [Fact]
    public void Another_applicant_of_the_organization_may_transfer_it_too()
    {
        var request = Of(Approved()).Build();

        Assert.True(request.TransferTo(Colleague, Town, Colleague, null, Later).IsSuccess);
        Assert.Equal(Colleague, request.ApplicantId);
    }

    [Theory]
    [InlineData("business")]
    [InlineData("outsider")]
    public void Transfer_to_someone_who_is_not_an_applicant_of_the_organization_is_refused_on_the_field(string who)
    {
        var request = Of(Submitted()).Build();

        var result = request.TransferTo(Applicant, Town, who == "business" ? Business : Outsider, null, Later);

        Assert.Equal((ErrorKind.Validation, "access_request.not_a_member_applicant", "NewApplicantId"),
            (result.FailureKind, Assert.Single(result.Errors).Code, result.Errors[0].Field));
        Assert.Equal(Applicant, request.ApplicantId);
        Assert.Empty(request.DomainEvents);
    }

    [Fact]
    public void Transfer_to_the_current_applicant_is_refused()
    {
        var result = Of(Submitted()).Build().TransferTo(Applicant, Town, Applicant, null, Later);

        Assert.Equal(("access_request.already_the_applicant", "NewApplicantId"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
    }

    [Fact]
    public void An_archived_request_cannot_be_transferred()
    {
        var request = Of(Archived()).Build();

        var result = request.TransferTo(Applicant, Town, Colleague, null, Later);

        Assert.Equal((ErrorKind.Conflict, AccessRequestErrors.InvalidTransitionCode), (result.FailureKind, Assert.Single(result.Errors).Code));
        Assert.Equal(Applicant, request.ApplicantId);
    }

    [Fact]
    public void A_business_contact_cannot_transfer()
    {
        var result = Of(Submitted()).Build().TransferTo(Business, Town, Colleague, null, Later);

        Assert.Equal((ErrorKind.Forbidden, "access_request.applicant_role_required"), (result.FailureKind, Assert.Single(result.Errors).Code));
    }

    [Fact]
    public void A_transfer_message_is_limited_like_every_message()
    {
        var result = Of(Submitted()).Build().TransferTo(Applicant, Town, Colleague, new string('x', AccessRequest.MessageMaxLength + 1), Later);

        Assert.Equal(("access_request.message_too_long", "Message"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
    }

    [Fact]
    public void An_administrator_transfers_but_an_instructor_does_not()
    {
        var request = Of(Submitted()).Build();

        var byInstructor = request.TransferTo(Staff(Roles.Instructor), Town, Colleague, null, Later);
        var byAdministrator = request.TransferTo(Staff(Roles.Administrator), Town, Colleague, null, Later);

        Assert.Equal((ErrorKind.Forbidden, "access_request.administrator_transfers"), (byInstructor.FailureKind, Assert.Single(byInstructor.Errors).Code));
        Assert.True(byAdministrator.IsSuccess);
        Assert.Equal((Guid?)StaffId, Assert.Single(request.DomainEvents).ActorId);
    }

    [Fact]
    public void Another_organization_is_a_bug_not_a_rule()
    {
        var request = Submitted().Build();

        Assert.Throws<ArgumentException>(() => request.TransferTo(Applicant, Town, Colleague, null, Later));
    }

    private static Result<AccessRequest> Prepare(StaffMember staff, Guid applicantId, string? name = "Inscription au conservatoire",
        string? description = null, params string[] scopes) =>
        AccessRequest.PrepareFor(staff, Town, applicantId, name, description, scopes, OfferableScopes, TestClock.Now);

    [Fact]
    public void An_instructor_prepares_a_draft_for_an_applicant_who_must_take_it_over_before_sending_it()
    {
        var prepared = Prepare(Staff(Roles.Instructor), Colleague, "Inscription au conservatoire", "Tarif selon le quotient.", "cnaf_quotient_familial");

        var request = prepared.Value;
        Assert.Equal((Status.Draft, Colleague, (Guid?)StaffId, Town.Id), (request.Status, request.ApplicantId, request.PreparedBy, request.OrganizationId));
        Assert.Equal(("Inscription au conservatoire", "Tarif selon le quotient."), (request.Procedure.Name, request.Procedure.Description));
        Assert.Equal(["cnaf_quotient_familial"], request.Scopes);
        Assert.True(request.IsAwaitingTakeOver);
        var raised = Assert.IsType<AccessRequestPrepared>(Assert.Single(request.DomainEvents));
        Assert.Equal((Colleague, "access_request.prepared"), (raised.ApplicantId, raised.Action));

        var sent = request.Submit(Colleague, CurrentCharter, OfferableScopes, Later);
        Assert.Equal((ErrorKind.Conflict, "access_request.take_over_required"), (sent.FailureKind, Assert.Single(sent.Errors).Code));
    }

    [Fact]
    public void Taking_over_makes_the_member_the_applicant_once()
    {
        var request = Prepare(Staff(Roles.Administrator), Colleague).Value;
        request.ClearDomainEvents();

        var taken = request.TakeOver(Applicant, Town, Later);
        var again = request.TakeOver(Colleague, Town, Later);

        Assert.True(taken.IsSuccess);
        Assert.Equal((Applicant, (DateTimeOffset?)Later, false), (request.ApplicantId, request.TakenOverAt, request.IsAwaitingTakeOver));
        var raised = Assert.IsType<AccessRequestTakenOver>(Assert.Single(request.DomainEvents));
        Assert.Equal((Colleague, (Guid?)Applicant), (raised.PreviousApplicantId, raised.ActorId));
        Assert.Equal((ErrorKind.Conflict, "access_request.not_awaiting_take_over"), (again.FailureKind, Assert.Single(again.Errors).Code));
    }

    [Fact]
    public void A_business_contact_cannot_take_over_and_a_request_not_prepared_cannot_be_taken_over()
    {
        var prepared = Prepare(Staff(Roles.Instructor), Colleague).Value;
        var ordinary = Of(Draft()).Build();

        Assert.Equal(ErrorKind.Forbidden, prepared.TakeOver(Business, Town, Later).FailureKind);
        Assert.Equal("access_request.not_awaiting_take_over", Assert.Single(ordinary.TakeOver(Applicant, Town, Later).Errors).Code);
    }

    [Fact]
    public void An_auditor_cannot_prepare_a_draft()
    {
        var result = Prepare(Staff(Roles.Auditor), Colleague);

        Assert.Equal((ErrorKind.Forbidden, "access_request.preparer_role_required"), (result.FailureKind, Assert.Single(result.Errors).Code));
    }

    [Fact]
    public void A_staff_member_of_the_organization_cannot_prepare_its_draft()
    {
        var result = Prepare(Staff(Roles.Instructor, Town.Id), Colleague);

        Assert.Equal((ErrorKind.Forbidden, "access_request.preparer_conflict_of_interest"), (result.FailureKind, Assert.Single(result.Errors).Code));
    }

    [Fact]
    public void A_prepared_draft_needs_an_applicant_of_the_organization_a_name_and_offered_scopes_each_on_its_field()
    {
        var result = Prepare(Staff(Roles.Instructor), Business, "  ", new string('d', Procedure.DescriptionMaxLength + 1), RetiredScope);

        Assert.Equal(ErrorKind.Validation, result.FailureKind);
        Assert.Equal(
            [("access_request.not_a_member_applicant", "ApplicantId"), ("access_request.procedure_name_required", "Name"),
             ("access_request.procedure_description_too_long", "Description"), (AccessRequestErrors.ScopeNotOfferedCode, "Scopes")],
            result.Errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void A_prepared_draft_without_description_nor_scopes_is_fine()
    {
        var result = Prepare(Staff(Roles.Instructor), Applicant);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value.Scopes);
        Assert.Null(result.Value.Procedure.Description);
    }
}
