using Admin.Domain.AccessRequests;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Users;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;
using Status = Admin.Domain.AccessRequests.AccessRequestStatus;

namespace Admin.Domain.Tests.AccessRequests;

/// <summary>Staff decisions: who may take them, review cycles, snapshots, and the authorization they create.</summary>
public class AccessRequestReviewTests
{
    private static readonly DateTimeOffset Later = TestClock.Now.AddDays(3);
    private static readonly Guid OtherStaffId = Guid.Parse("00000000-0000-0000-0000-0000000000f2");

    private static StaffMember Staff(string role, params Guid[] memberOf) =>
        new(OtherStaffId, new HashSet<string> { role }, new HashSet<Guid>(memberOf));

    public static TheoryData<string> Decisions => ["RequestChanges", "Approve", "Refuse", "Revoke"];

    private static Result Decide(string decision, AccessRequest request, StaffMember staff) => decision switch
    {
        "RequestChanges" => request.RequestChanges(staff, "Précisez la base légale.", Later),
        "Approve" => request.Approve(staff, GrantOf(request), CurrentAuthorizationOf(request), Later),
        "Refuse" => request.Refuse(staff, "Démarche hors champ.", Later),
        "Revoke" => request.Revoke(staff, "Usage non conforme.", AuthorizationOf(request), Later),
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    private static AccessRequest Ready(string decision) => decision == "Revoke" ? Approved().Build() : Submitted().Build();

    [Theory]
    [MemberData(nameof(Decisions))]
    public void An_auditor_cannot_decide(string decision)
    {
        var request = Ready(decision);
        var (status, version) = (request.Status, request.Version);

        var result = Decide(decision, request, Staff(Roles.Auditor));

        Assert.Equal((ErrorKind.Forbidden, "access_request.reviewer_role_required"), (result.FailureKind, Assert.Single(result.Errors).Code));
        Assert.Equal((status, version), (request.Status, request.Version));
        Assert.Empty(request.DomainEvents);
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void A_partner_role_cannot_decide(string decision)
    {
        var result = Decide(decision, Ready(decision), Staff(Roles.Partner));

        Assert.Equal("access_request.reviewer_role_required", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void A_staff_member_of_the_organization_cannot_decide_on_its_request(string decision)
    {
        var request = Ready(decision);

        var result = Decide(decision, request, Staff(Roles.Administrator, OrganizationId));

        Assert.Equal((ErrorKind.Forbidden, "access_request.conflict_of_interest"), (result.FailureKind, Assert.Single(result.Errors).Code));
        Assert.Empty(request.DomainEvents);
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void An_administrator_of_another_organization_may_decide(string decision)
    {
        var request = Ready(decision);

        var result = Decide(decision, request, Staff(Roles.Administrator, Guid.NewGuid()));

        Assert.True(result.IsSuccess, string.Join(", ", result.Errors.Select(e => e.Code)));
        Assert.Equal(OtherStaffId, request.UpdatedBy);
    }

    [Fact]
    public void Only_an_administrator_archives_as_staff()
    {
        var request = Refused().Build();

        Assert.Equal("access_request.administrator_required", Assert.Single(request.Archive(Staff(Roles.Instructor), Later).Errors).Code);
        Assert.True(request.Archive(Staff(Roles.Administrator), Later).IsSuccess);
        Assert.Equal((Status.Archived, OtherStaffId), (request.Status, request.UpdatedBy));
    }

    // Review cycles

    [Fact]
    public void Each_submission_is_a_review_cycle_with_its_own_first_review_time()
    {
        var request = Draft().Complete().Build();
        var t0 = TestClock.Now;

        request.Submit(Applicant, CurrentCharter, OfferableScopes, t0.AddDays(1));
        request.RequestChanges(Instructor, "Précisez la durée.", t0.AddDays(4));
        request.Submit(Applicant, CurrentCharter, OfferableScopes, t0.AddDays(10));
        request.NoteStaffAction(t0.AddDays(11));
        request.NoteStaffAction(t0.AddDays(12));
        Approve(request, t0.AddDays(13));

        Assert.Collection(request.Submissions,
            first =>
            {
                Assert.Equal((1, t0.AddDays(1), t0.AddDays(4)), (first.Number, first.SubmittedAt, first.FirstStaffActionAt));
                Assert.Equal((SubmissionOutcome.ChangesRequested, TimeSpan.FromDays(3)), (first.Outcome, first.TimeToFirstReview));
            },
            second =>
            {
                Assert.Equal((2, t0.AddDays(10), t0.AddDays(11)), (second.Number, second.SubmittedAt, second.FirstStaffActionAt));
                Assert.Equal((SubmissionOutcome.Approved, t0.AddDays(13), TimeSpan.FromDays(1)), (second.Outcome, second.EndedAt, second.TimeToFirstReview));
            });
        Assert.Equal(t0.AddDays(10), request.SubmittedAt);
    }

    [Fact]
    public void A_staff_action_outside_a_review_does_not_start_a_clock()
    {
        var request = ChangesRequested().Build();
        var first = request.CurrentSubmission!.FirstStaffActionAt;

        request.NoteStaffAction(Later);

        Assert.Equal(first, request.CurrentSubmission.FirstStaffActionAt);
    }

    // Snapshots

    [Fact]
    public void Each_submission_keeps_what_the_request_said_and_the_diff_names_each_changed_field()
    {
        var request = ChangesRequested().WithScopes("cnaf_quotient_familial", "cnaf_allocataires").Build();
        var document = new LegalDocument(Guid.NewGuid(), "deliberation.pdf", 2048, new string('a', 64));
        request.SaveScopes(Applicant, ["cnaf_quotient_familial", "cnaf_enfants"], OfferableScopes, Later);
        request.SaveLegalBasis(Applicant, new LegalBasis(ValidLegalBasis.Title, ValidLegalBasis.Url, document), Later);
        request.SaveDataProtection(Applicant, new DataProtection("Agents de la caisse des écoles", 24, null), Later);

        request.Submit(Applicant, CurrentCharter, OfferableScopes, Later);

        var (before, after) = (request.Submissions[0].Content, request.Submissions[1].Content);
        Assert.Equal(["cnaf_quotient_familial", "cnaf_allocataires"], before.Scopes);
        var changes = RequestContent.Compare(before, after).ToDictionary(c => c.Field);
        Assert.Equal(["LegalBasis.Document", "Scopes[cnaf_enfants]", "DataProtection.Recipients", "Scopes[cnaf_allocataires]"], changes.Keys);
        Assert.Equal((null, "cnaf_enfants"), (changes["Scopes[cnaf_enfants]"].Before, changes["Scopes[cnaf_enfants]"].After));
        Assert.Equal(("cnaf_allocataires", null), (changes["Scopes[cnaf_allocataires]"].Before, changes["Scopes[cnaf_allocataires]"].After));
        Assert.Equal(("Agents de la direction des affaires scolaires", "Agents de la caisse des écoles"),
            (changes["DataProtection.Recipients"].Before, changes["DataProtection.Recipients"].After));
        Assert.StartsWith("deliberation.pdf", changes["LegalBasis.Document"].After);
        Assert.True(changes["Scopes[cnaf_enfants]"].IsScope);
    }

    [Fact]
    public void A_snapshot_does_not_move_when_the_request_is_edited_afterwards()
    {
        var request = ChangesRequested().Build();
        var name = request.Submissions[0].Content.Procedure.Name;

        request.SaveProcedure(Applicant, new Procedure("Autre démarche", "d", null, "s", null, null, ProcedureModalities.CitizenForm), Later);

        Assert.Equal(name, request.Submissions[0].Content.Procedure.Name);
        Assert.Empty(RequestContent.Compare(request.Submissions[0].Content, request.Submissions[0].Content));
    }

    [Fact]
    public void A_replaced_document_is_a_change_even_with_the_same_name()
    {
        var basis = (string sha) => new LegalBasis("Délibération", null, new LegalDocument(Guid.NewGuid(), "texte.pdf", 10, sha));
        var content = Submitted().Build().Content();
        var before = content with { LegalBasis = basis(new string('a', 64)) };
        var after = content with { LegalBasis = basis(new string('b', 64)) };

        Assert.Equal("LegalBasis.Document", Assert.Single(RequestContent.Compare(before, after)).Field);
    }

    // Approval, update, refusal of an update, revocation

    [Fact]
    public void Approving_creates_an_active_authorization_with_the_grant_and_keeps_the_approved_content()
    {
        var request = Submitted().Build();
        var grant = Grant.Create(["cnaf_quotient_familial"], request.Scopes, OfferableScopes, 50, 10_000, 200_000, TestClock.Today.AddMonths(12), Later).Value;

        var authorization = request.Approve(Instructor, grant, null, Later).Value;

        Assert.Equal((OrganizationId, request.Id, AuthorizationStatus.Active), (authorization.OrganizationId, authorization.AccessRequestId, authorization.Status));
        Assert.Equal((50, 10_000L, 200_000L, TestClock.Today.AddMonths(12)), (authorization.RatePerSecond, authorization.DailyQuota, authorization.MonthlyQuota, authorization.ExpiresOn));
        Assert.Equal(["cnaf_quotient_familial"], authorization.Scopes);
        Assert.Equal(request.Content().Fields(), request.ApprovedContent!.Fields());
        var granted = Assert.IsType<AuthorizationGranted>(Assert.Single(authorization.DomainEvents));
        Assert.Equal((request.Id, InstructorId), (granted.AccessRequestId, granted.ActorId));
        Assert.Equal(authorization.Id, Assert.IsType<AccessRequestApproved>(Assert.Single(request.DomainEvents)).AuthorizationId);
    }

    [Fact]
    public void Approving_with_a_message_keeps_it_trimmed_as_the_decision_message_and_on_the_event()
    {
        var request = ChangesRequested().Build();
        var resubmitted = request.Submit(Applicant, CurrentCharter, OfferableScopes, Later);
        Assert.True(resubmitted.IsSuccess);
        var grant = Grant.Create(["cnaf_quotient_familial"], request.Scopes, OfferableScopes, null, null, null, null, Later).Value;
        request.ClearDomainEvents();

        Assert.True(request.Approve(Instructor, grant, null, Later, "  Créez vos clés.  ").IsSuccess);

        Assert.Equal("Créez vos clés.", request.DecisionMessage);
        var approved = Assert.IsType<AccessRequestApproved>(Assert.Single(request.DomainEvents));
        Assert.Equal(("Créez vos clés.", "Créez vos clés."), (approved.Message, approved.Reason));
    }

    [Fact]
    public void Approving_without_a_message_clears_the_previous_decision_message_and_a_too_long_one_is_refused()
    {
        var request = ChangesRequested().Build();
        Assert.True(request.Submit(Applicant, CurrentCharter, OfferableScopes, Later).IsSuccess);
        var grant = Grant.Create(["cnaf_quotient_familial"], request.Scopes, OfferableScopes, null, null, null, null, Later).Value;

        var tooLong = request.Approve(Instructor, grant, null, Later, new string('a', AccessRequest.MessageMaxLength + 1));
        Assert.Equal(AccessRequestErrors.MessageTooLong.ForField("Message"), Assert.Single(tooLong.Errors));
        Assert.Equal(AccessRequestStatus.Submitted, request.Status);

        Assert.True(request.Approve(Instructor, grant, null, Later, "   ").IsSuccess);
        Assert.Null(request.DecisionMessage);
        Assert.Null(Assert.IsType<AccessRequestApproved>(request.DomainEvents[^1]).Message);
    }

    [Fact]
    public void Approving_an_update_changes_the_same_authorization_and_records_its_previous_terms()
    {
        var request = Submitted().Reopened().Build();
        var authorization = AuthorizationOf(request);
        var previous = authorization.Terms;
        var grant = Grant.Create(["cnaf_allocataires"], request.Scopes, OfferableScopes, 5, null, null, null, Later).Value;

        var result = request.Approve(Instructor, grant, authorization, Later);

        Assert.Same(authorization, result.Value);
        Assert.Equal(authorization.Id, request.AuthorizationId);
        Assert.Equal(["cnaf_allocataires"], authorization.Scopes);
        Assert.Equal(5, authorization.RatePerSecond);
        var updated = Assert.IsType<AuthorizationUpdated>(Assert.Single(authorization.DomainEvents));
        Assert.Equal(previous.Scopes, updated.Previous.Scopes);
        Assert.Equal(20, updated.Previous.RatePerSecond);
    }

    [Fact]
    public void Approving_an_update_without_its_authorization_or_a_first_request_with_one_is_a_bug()
    {
        var update = Submitted().Reopened().Build();
        var first = Submitted().Build();

        Assert.Throws<ArgumentException>(() => update.Approve(Instructor, GrantOf(update), null, Later));
        Assert.Throws<ArgumentException>(() => first.Approve(Instructor, GrantOf(first), AuthorizationOf(Approved().Build()), Later));
    }

    [Fact]
    public void Refusing_an_update_restores_the_approved_content_so_requested_and_granted_scopes_agree()
    {
        var request = Approved().WithScopes("cnaf_quotient_familial").Build();
        var approved = request.Content();
        request.Reopen(Applicant, Later);
        request.SaveScopes(Applicant, ["cnaf_quotient_familial", "cnaf_enfants"], OfferableScopes, Later);
        request.SaveProcedure(Applicant, new Procedure("Nouvelle démarche", "d", null, "s", null, null, ProcedureModalities.CitizenForm), Later);
        request.Submit(Applicant, CurrentCharter, OfferableScopes, Later);

        request.Refuse(Instructor, "La donnée enfants n'est pas justifiée.", Later);

        Assert.Equal(Status.Approved, request.Status);
        Assert.Equal(approved.Fields(), request.Content().Fields());
        Assert.Equal(request.GrantedScopes, request.Scopes);
        Assert.Equal(SubmissionOutcome.Refused, request.CurrentSubmission!.Outcome);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("submitted")]
    [InlineData("changes")]
    public void Revoking_while_an_update_is_open_ends_the_authorization_and_closes_the_update(string state)
    {
        var request = (state switch { "draft" => Draft(), "submitted" => Submitted(), _ => ChangesRequested() }).Reopened().Build();
        var authorization = AuthorizationOf(request);
        var approved = request.ApprovedContent!;
        request.SaveScopes(Applicant, ["cnaf_enfants"], OfferableScopes, Later);

        var result = request.Revoke(Instructor, "Usage non conforme.", authorization, Later);

        Assert.True(result.IsSuccess, string.Join(", ", result.Errors.Select(e => e.Code)));
        Assert.Equal((Status.Revoked, false, false), (request.Status, request.IsReopening, request.HasActiveAuthorization));
        Assert.Equal((AuthorizationStatus.Revoked, Later, "Usage non conforme."), (authorization.Status, authorization.RevokedAt, authorization.RevocationReason));
        Assert.Equal(approved.Scopes, request.Scopes);
        Assert.NotEqual(default, request.CurrentSubmission!.EndedAt);
        Assert.IsType<AuthorizationRevoked>(Assert.Single(authorization.DomainEvents));
    }

    [Fact]
    public void Approving_after_changes_were_requested_clears_the_message_and_ends_that_cycle()
    {
        var request = ChangesRequested().Build();

        var result = request.Approve(Instructor, GrantOf(request), null, Later);

        Assert.True(result.IsSuccess);
        Assert.Null(request.DecisionMessage);
        Assert.Equal((Status.Approved, Later), (request.Status, request.DecidedAt));
        var approved = Assert.IsType<AccessRequestApproved>(Assert.Single(request.DomainEvents));
        Assert.Equal(("ChangesRequested", "Approved"), (approved.FromState, approved.ToState));
    }

    [Fact]
    public void Approving_an_update_with_the_authorization_of_another_request_is_a_bug()
    {
        var update = Submitted().Reopened().Build();
        var other = AuthorizationOf(Approved().Build());

        Assert.Throws<ArgumentException>(() => update.Approve(Instructor, GrantOf(update), other, Later));
        Assert.Equal(Status.Submitted, update.Status);
    }

    [Fact]
    public void Approving_a_first_request_records_the_approved_content_and_the_granted_scopes()
    {
        var request = Submitted().WithScopes("cnaf_quotient_familial", "cnaf_allocataires").Build();

        request.Approve(Instructor, GrantOf(request, "cnaf_allocataires"), null, Later);

        Assert.Equal(request.Content().Fields(), request.ApprovedContent!.Fields());
        Assert.Equal(["cnaf_allocataires"], request.GrantedScopes);
        Assert.Equal((SubmissionOutcome.Approved, Later), (request.CurrentSubmission!.Outcome, request.CurrentSubmission.EndedAt));
    }

    [Fact]
    public void Approving_an_update_replaces_the_granted_scopes_instead_of_adding_to_them()
    {
        var request = Submitted().Reopened().Build();
        Assert.Equal(["cnaf_quotient_familial", "cnaf_allocataires"], request.GrantedScopes);

        request.Approve(Instructor, GrantOf(request, "cnaf_quotient_familial"), AuthorizationOf(request), Later);

        Assert.Equal(["cnaf_quotient_familial"], request.GrantedScopes);
        Assert.Equal(["cnaf_quotient_familial"], AuthorizationOf(request).Scopes);
    }

    [Fact]
    public void Revoking_an_update_still_in_draft_leaves_the_approved_submission_as_it_was()
    {
        var request = Draft().Reopened().Build();
        var approvedCycle = request.CurrentSubmission!;
        var endedAt = approvedCycle.EndedAt;

        request.Revoke(Instructor, "Usage non conforme.", AuthorizationOf(request), Later);

        Assert.Equal((SubmissionOutcome.Approved, endedAt), (approvedCycle.Outcome, approvedCycle.EndedAt));
        Assert.Single(request.Submissions);
    }

    [Fact]
    public void Revoking_an_update_under_review_closes_its_cycle_without_a_decision()
    {
        var request = Submitted().Reopened().Build();

        request.Revoke(Instructor, "Usage non conforme.", AuthorizationOf(request), Later);

        Assert.Equal((SubmissionOutcome.Closed, Later), (request.CurrentSubmission!.Outcome, request.CurrentSubmission.EndedAt));
        Assert.Equal(SubmissionOutcome.Approved, request.Submissions[0].Outcome);
        var revoked = Assert.IsType<AccessRequestRevoked>(Assert.Single(request.DomainEvents));
        Assert.Equal(("Submitted", "Revoked", "access_request.revoked"), (revoked.FromState, revoked.ToState, revoked.Action));
    }

    [Fact]
    public void Revoking_records_the_reason_on_the_request_and_its_authorization()
    {
        var request = Approved().Build();
        var authorization = AuthorizationOf(request);

        request.Revoke(Instructor, "  Usage non conforme.  ", authorization, Later);

        Assert.Equal(("Usage non conforme.", Later), (request.DecisionMessage, request.RevokedAt));
        Assert.Equal(("Usage non conforme.", Later, InstructorId), (authorization.RevocationReason, authorization.RevokedAt, authorization.UpdatedBy));
        var revoked = Assert.IsType<AuthorizationRevoked>(Assert.Single(authorization.DomainEvents));
        Assert.Equal(("authorization.revoked", "Active", "Revoked", "Usage non conforme."), (revoked.Action, revoked.FromState, revoked.ToState, revoked.Reason));
    }

    [Fact]
    public void Revoking_with_another_requests_authorization_is_a_bug()
    {
        var request = Approved().Build();

        Assert.Throws<ArgumentException>(() => request.Revoke(Instructor, "x", AuthorizationOf(Approved().Build()), Later));
    }

    // Reference and assignment

    [Fact]
    public void A_request_is_referenced_by_the_first_12_hexadecimal_digits_of_its_id()
    {
        var request = Draft().Build();

        Assert.Equal(request.Id.ToString("N")[..12].ToUpperInvariant(), request.Reference);
        Assert.Equal(request.Reference, AccessRequest.NormalizeReference("n° " + request.Reference.ToLowerInvariant().Insert(4, "-")));
        Assert.Null(AccessRequest.NormalizeReference("n° 12"));
        Assert.NotEqual(request.Reference, request.CopyAsNewDraft(Applicant, Later).Reference);
    }

    [Fact]
    public void A_reference_is_searched_from_4_to_12_hexadecimal_digits()
    {
        Assert.Equal("3F2A", AccessRequest.NormalizeReference("3f2a"));
        Assert.Null(AccessRequest.NormalizeReference("3f2"));
        Assert.Equal("3F2A9C1B7D04", AccessRequest.NormalizeReference("n° 3f2a-9c1b 7d04"));
        Assert.Null(AccessRequest.NormalizeReference("3f2a9c1b7d04e"));
        Assert.Null(AccessRequest.NormalizeReference(null));
    }

    [Fact]
    public void An_instructor_takes_a_submitted_request_which_starts_its_review_clock_without_moving_the_version()
    {
        var request = Submitted().Build();
        var version = request.Version;

        Assert.True(request.Take(Instructor, Later).IsSuccess);

        Assert.Equal((InstructorId, Later), (request.AssignedTo, request.AssignedAt));
        Assert.Equal(Later, request.CurrentSubmission!.FirstStaffActionAt);
        Assert.Equal(version, request.Version);
        var assigned = Assert.IsType<AccessRequestAssigned>(Assert.Single(request.DomainEvents));
        Assert.Equal((InstructorId, (Guid?)null), (assigned.AssigneeId, assigned.PreviousAssigneeId));
        Assert.Equal(("AccessRequest", "access_request.assigned", request.Id), (assigned.AggregateType, assigned.Action, assigned.AggregateId));
    }

    [Fact]
    public void Only_an_administrator_gives_a_request_to_someone_else_and_only_to_a_reviewer_outside_the_organization()
    {
        var request = Submitted().Build();
        var administrator = Staff(Roles.Administrator);

        Assert.Equal("access_request.administrator_assigns", Assert.Single(request.AssignTo(Instructor, administrator, Later).Errors).Code);
        Assert.Equal(AccessRequestErrors.AssigneeCannotReview.ForField("AssigneeId"), Assert.Single(request.AssignTo(administrator, Staff(Roles.Auditor), Later).Errors));
        var member = new StaffMember(Guid.NewGuid(), new HashSet<string> { Roles.Instructor }, new HashSet<Guid> { OrganizationId });
        Assert.Equal("access_request.assignee_cannot_review", Assert.Single(request.AssignTo(administrator, member, Later).Errors).Code);
        Assert.Null(request.AssignedTo);

        Assert.True(request.AssignTo(administrator, Instructor, Later).IsSuccess);
        Assert.Equal(InstructorId, request.AssignedTo);
        Assert.Equal(OtherStaffId, request.DomainEvents.OfType<AccessRequestAssigned>().Single().ActorId);
    }

    [Fact]
    public void Assigning_to_nobody_is_a_bug()
    {
        Assert.Throws<ArgumentNullException>("assignee", () => Submitted().Build().AssignTo(Staff(Roles.Administrator), null!, Later));
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("approved")]
    public void A_request_outside_review_cannot_be_taken(string state)
    {
        var request = state == "draft" ? Draft().Complete().Build() : Approved().Build();

        Assert.Equal("access_request.invalid_transition", Assert.Single(request.Take(Instructor, Later).Errors).Code);
    }

    [Fact]
    public void An_auditor_cannot_take_a_request()
    {
        Assert.Equal("access_request.reviewer_role_required", Assert.Single(Submitted().Build().Take(Staff(Roles.Auditor), Later).Errors).Code);
    }

    // Reminder

    [Fact]
    public void An_applicant_is_reminded_only_of_a_request_for_changes_left_15_days_unanswered()
    {
        var request = ChangesRequested().Build();
        var since = request.WaitingForApplicantSince!.Value;

        Assert.True(request.RemindApplicant(since + AccessRequest.ReminderDelay - TimeSpan.FromSeconds(1)).IsFailure);
        Assert.Empty(request.DomainEvents);
        Assert.True(request.RemindApplicant(since + AccessRequest.ReminderDelay).IsSuccess);
        var reminder = Assert.IsType<AccessRequestReminderSent>(Assert.Single(request.DomainEvents));
        Assert.Equal((since, "access_request.reminder_sent", (Guid?)null), (reminder.WaitingSince, reminder.Action, reminder.ActorId));
        Assert.Null(Submitted().Build().WaitingForApplicantSince);
        Assert.True(Submitted().Build().RemindApplicant(Later.AddDays(30)).IsFailure);
    }

    [Fact]
    public void A_submission_records_who_sent_what_and_whether_it_is_an_update()
    {
        var request = Draft().Reopened().Build();
        var colleague = Guid.NewGuid();
        request.SaveScopes(Applicant, ["cnaf_enfants"], OfferableScopes, Later);

        request.Submit(colleague, CurrentCharter, OfferableScopes, Later);

        var cycle = request.CurrentSubmission!;
        Assert.Equal((2, colleague, Later, true), (cycle.Number, cycle.SubmittedBy, cycle.SubmittedAt, cycle.IsUpdate));
        Assert.Equal(["cnaf_enfants"], cycle.Content.Scopes);
        Assert.Equal(((DateTimeOffset?)null, (SubmissionOutcome?)null, (TimeSpan?)null), (cycle.FirstStaffActionAt, cycle.Outcome, cycle.TimeToFirstReview));
        var submitted = Assert.IsType<AccessRequestSubmitted>(Assert.Single(request.DomainEvents));
        Assert.Equal((colleague, "Draft", "Submitted", "access_request.submitted"), (submitted.ActorId, submitted.FromState, submitted.ToState, submitted.Action));
        Assert.False(request.Submissions[0].IsUpdate);
    }

    [Fact]
    public void The_first_staff_action_on_a_submission_starts_its_review_clock_once()
    {
        var request = Submitted().Build();

        request.NoteStaffAction(Later);
        request.NoteStaffAction(Later.AddDays(1));

        Assert.Equal(Later, request.CurrentSubmission!.FirstStaffActionAt);
        Assert.Equal(Later - TestClock.Now, request.CurrentSubmission.TimeToFirstReview);
    }

    [Fact]
    public void A_staff_action_on_a_request_not_under_review_changes_no_cycle()
    {
        var draft = Draft().Complete().Build();
        var approved = Approved().Build();
        var approvedAt = approved.CurrentSubmission!.FirstStaffActionAt;

        draft.NoteStaffAction(Later);
        approved.NoteStaffAction(Later);

        Assert.Null(draft.CurrentSubmission);
        Assert.Equal(approvedAt, approved.CurrentSubmission.FirstStaffActionAt);
    }

    [Fact]
    public void A_refusal_ends_the_cycle_and_names_the_previous_state()
    {
        var request = ChangesRequested().Build();

        request.Refuse(Instructor, "Démarche hors champ.", Later);

        Assert.Equal((SubmissionOutcome.Refused, Later), (request.CurrentSubmission!.Outcome, request.CurrentSubmission.EndedAt));
        var refused = Assert.IsType<AccessRequestRefused>(Assert.Single(request.DomainEvents));
        Assert.Equal((AccessRequestStatus.ChangesRequested, AccessRequestStatus.Refused, false), (refused.From, refused.To, refused.IsUpdate));
        Assert.Equal((Status.Refused, false), (request.Status, request.HasActiveAuthorization));
    }

    [Fact]
    public void Changes_requested_name_the_message_in_the_event()
    {
        var request = Submitted().Build();

        request.RequestChanges(Instructor, "Précisez la base légale.", Later);

        var asked = Assert.IsType<AccessRequestChangesRequested>(Assert.Single(request.DomainEvents));
        Assert.Equal(("Précisez la base légale.", "access_request.changes_requested", AccessRequestStatus.Submitted), (asked.Message, asked.Action, asked.From));
    }

    [Fact]
    public void Archiving_as_staff_needs_a_staff_member()
    {
        Assert.Throws<ArgumentNullException>(() => Refused().Build().Archive(null!, Later));
    }

    [Fact]
    public void Archiving_names_the_previous_state_in_the_event()
    {
        var request = Revoked().Build();

        request.Archive(Applicant, Later);

        var archived = Assert.IsType<AccessRequestArchived>(Assert.Single(request.DomainEvents));
        Assert.Equal((AccessRequestStatus.Revoked, "access_request.archived", Applicant), (archived.From, archived.Action, archived.ActorId));
    }

    [Fact]
    public void Reopening_keeps_the_authorization_and_raises_its_event()
    {
        var request = Approved().Build();
        var authorizationId = request.AuthorizationId;

        request.Reopen(Applicant, Later);

        var reopened = Assert.IsType<AccessRequestReopened>(Assert.Single(request.DomainEvents));
        Assert.Equal(("access_request.reopened", "Approved", "Draft", Applicant), (reopened.Action, reopened.FromState, reopened.ToState, reopened.ActorId));
        Assert.Equal(authorizationId, request.AuthorizationId);
        Assert.NotEmpty(request.GrantedScopes);
    }

    [Fact]
    public void Deciding_without_a_staff_member_or_a_grant_is_a_bug()
    {
        var request = Submitted().Build();

        Assert.Throws<ArgumentNullException>(() => request.RequestChanges(null!, "x", Later));
        Assert.Throws<ArgumentNullException>(() => request.Approve(Instructor, null!, null, Later));
        Assert.Throws<ArgumentNullException>(() => Approved().Build().Revoke(Instructor, "x", null!, Later));
    }

    /// <summary>An update that changes every content section, as far as the charter allows.</summary>
    private static void ChangeEverySection(AccessRequest request)
    {
        request.SaveProcedure(Applicant, new Procedure("Nouvelle démarche", "Nouvelle description", null, "Avis d'imposition", null, 10, ProcedureModalities.AgentTypedParameters), Later);
        request.SaveLegalBasis(Applicant, new LegalBasis("Nouveau texte", "https://www.legifrance.gouv.fr/nouveau", null), Later);
        request.SaveScopes(Applicant, ["cnaf_quotient_familial", "cnaf_enfants"], OfferableScopes, Later);
        request.SaveDataProtection(Applicant, new DataProtection("Agents du CCAS", 48, "Recours contentieux."), Later);
        request.SaveContacts(Applicant, new Contacts(ValidContact, ValidContact, ValidContact), Later);
    }

    [Fact]
    public void Refusing_an_update_restores_every_section_of_the_approved_content()
    {
        var request = Approved().Build();
        var approved = request.Content().Fields();
        request.Reopen(Applicant, Later);
        ChangeEverySection(request);
        Assert.True(request.Submit(Applicant, CurrentCharter, OfferableScopes, Later).IsSuccess);
        Assert.Equal(["Procedure", "LegalBasis", "Scopes", "DataProtection", "Contacts"],
            RequestContent.Compare(request.ApprovedContent!, request.Content()).Select(c => c.Field.Split('.', '[')[0]).Distinct());

        request.Refuse(Instructor, "La nouvelle donnée n'est pas justifiée.", Later);

        Assert.Equal(approved, request.Content().Fields());
    }

    [Fact]
    public void Revoking_an_update_in_draft_restores_every_section_of_the_approved_content()
    {
        var request = Approved().Build();
        var approved = request.Content().Fields();
        request.Reopen(Applicant, Later);
        ChangeEverySection(request);

        request.Revoke(Instructor, "Usage non conforme.", AuthorizationOf(request), Later);

        Assert.Equal(approved, request.Content().Fields());
    }
}
