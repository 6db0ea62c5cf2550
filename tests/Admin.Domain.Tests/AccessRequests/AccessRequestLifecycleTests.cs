using Admin.Domain.AccessRequests;
using Admin.Domain.Charters;
using Admin.Domain.Common;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;
using Status = Admin.Domain.AccessRequests.AccessRequestStatus;
using Transition = Admin.Domain.AccessRequests.AccessRequestTransition;

namespace Admin.Domain.Tests.AccessRequests;

public class AccessRequestLifecycleTests
{
    private static readonly DateTimeOffset Later = TestClock.Now.AddDays(3);

    /// <summary>Starting points: the seven statuses, and the three states of an approved request being updated.</summary>
    public enum Start
    {
        Draft, Submitted, ChangesRequested, Approved, Refused, Revoked, Archived,
        ReopenedDraft, ReopenedSubmitted, ReopenedChangesRequested,
    }

    /// <summary>The lifecycle table of the domain guide, written out: every pair not listed here is refused.</summary>
    private static readonly Dictionary<(Start, Transition), Status> Allowed = new()
    {
        [(Start.Draft, Transition.Submit)] = Status.Submitted,
        [(Start.Draft, Transition.Archive)] = Status.Archived,
        [(Start.Submitted, Transition.RequestChanges)] = Status.ChangesRequested,
        [(Start.Submitted, Transition.Approve)] = Status.Approved,
        [(Start.Submitted, Transition.Refuse)] = Status.Refused,
        [(Start.ChangesRequested, Transition.Submit)] = Status.Submitted,
        [(Start.ChangesRequested, Transition.Approve)] = Status.Approved,
        [(Start.ChangesRequested, Transition.Refuse)] = Status.Refused,
        [(Start.Approved, Transition.Revoke)] = Status.Revoked,
        [(Start.Approved, Transition.Reopen)] = Status.Draft,
        [(Start.Refused, Transition.Archive)] = Status.Archived,
        [(Start.Revoked, Transition.Archive)] = Status.Archived,
        [(Start.ReopenedDraft, Transition.Submit)] = Status.Submitted,
        [(Start.ReopenedSubmitted, Transition.RequestChanges)] = Status.ChangesRequested,
        [(Start.ReopenedSubmitted, Transition.Approve)] = Status.Approved,
        [(Start.ReopenedSubmitted, Transition.Refuse)] = Status.Approved, // the update is refused, the approval stands
        [(Start.ReopenedChangesRequested, Transition.Submit)] = Status.Submitted,
        [(Start.ReopenedChangesRequested, Transition.Approve)] = Status.Approved,
        [(Start.ReopenedChangesRequested, Transition.Refuse)] = Status.Approved,
        // Revoking ends the authorization even while an update is being written or reviewed.
        [(Start.ReopenedDraft, Transition.Revoke)] = Status.Revoked,
        [(Start.ReopenedSubmitted, Transition.Revoke)] = Status.Revoked,
        [(Start.ReopenedChangesRequested, Transition.Revoke)] = Status.Revoked,
    };

    public static TheoryData<Start, Transition> AllPairs()
    {
        var data = new TheoryData<Start, Transition>();
        foreach (var start in Enum.GetValues<Start>())
            foreach (var transition in Enum.GetValues<Transition>())
                data.Add(start, transition);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_transition_from_every_state_follows_the_lifecycle_table(Start start, Transition transition)
    {
        var request = Build(start);
        var (statusBefore, versionBefore) = (request.Status, request.Version);

        var result = Apply(request, transition);

        if (Allowed.TryGetValue((start, transition), out var expected))
        {
            Assert.True(result.IsSuccess, string.Join(", ", result.Errors.Select(e => e.Code)));
            Assert.Equal(expected, request.Status);
            Assert.Equal(versionBefore + 1, request.Version);
            Assert.Equal((Later, ActorOf(transition)), (request.UpdatedAt, request.UpdatedBy));
            var transitioned = Assert.IsAssignableFrom<AccessRequestTransitioned>(Assert.Single(request.DomainEvents));
            Assert.Equal(("AccessRequest", request.Id, ActorOf(transition), Later), (transitioned.AggregateType, transitioned.AggregateId, transitioned.ActorId, transitioned.OccurredAt));
            Assert.Equal((statusBefore.ToString(), expected.ToString()), (transitioned.FromState, transitioned.ToState));
            Assert.StartsWith("access_request.", transitioned.Action);
        }
        else
        {
            var expectedCode = start == Start.ReopenedDraft && transition == Transition.Archive
                ? "access_request.active_authorization"
                : "access_request.invalid_transition";
            Assert.Equal(ErrorKind.Conflict, result.FailureKind);
            Assert.Equal(expectedCode, Assert.Single(result.Errors).Code);
            Assert.Equal((statusBefore, versionBefore), (request.Status, request.Version));
            Assert.Empty(request.DomainEvents);
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Lifecycle_helper_agrees_with_the_table(Start start, Transition transition)
    {
        var request = Build(start);
        var allowedSomewhere = Allowed.ContainsKey((start, transition))
            || (start == Start.ReopenedDraft && transition == Transition.Archive); // allowed for a draft, refused for its authorization

        Assert.Equal(allowedSomewhere, AccessRequestLifecycle.IsAllowed(request.Status, request.IsReopening, transition));
    }

    [Fact]
    public void Invalid_transition_message_names_the_current_state()
    {
        var request = Archived().Build();

        var error = Assert.Single(request.Submit(Applicant, CurrentCharter, OfferableScopes, Later).Errors);

        Assert.Contains(Status.Archived.FrenchLabel(), error.Message);
    }

    // Submit

    [Fact]
    public void Submitting_a_complete_request_records_the_time()
    {
        var request = Draft().Complete().Build();

        request.Submit(Applicant, CurrentCharter, OfferableScopes, Later);

        Assert.Equal(Later, request.SubmittedAt);
        Assert.False(Assert.IsType<AccessRequestSubmitted>(Assert.Single(request.DomainEvents)).IsUpdate);
    }

    [Fact]
    public void Submitting_an_empty_draft_lists_the_errors_of_every_step()
    {
        var request = Draft().Build();

        var result = request.Submit(Applicant, CurrentCharter, OfferableScopes, Later);

        Assert.Equal(ErrorKind.Validation, result.FailureKind);
        var fields = result.Errors.Select(e => e.Field).ToList();
        Assert.Contains("Procedure.Name", fields);
        Assert.Contains("LegalBasis.Title", fields);
        Assert.Contains("Scopes", fields);
        Assert.Contains("DataProtection.RetentionMonths", fields);
        Assert.Contains("Contacts.Dpo.Email", fields);
        Assert.Contains("Engagements.CharterAcceptance", fields);
        Assert.Equal(Status.Draft, request.Status);
        Assert.Empty(request.DomainEvents);
    }

    [Fact]
    public void Submitting_with_a_charter_of_an_older_major_version_is_refused()
    {
        var olderMajor = new CharterVersion(1, 4, "Charte", "…", TestClock.Now.AddYears(-2));
        var request = Draft().Complete().WithCharterAccepted(olderMajor).Build();

        var result = request.Submit(Applicant, CurrentCharter, OfferableScopes, Later);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("access_request.charter_not_accepted", "Engagements.CharterAcceptance"), (error.Code, error.Field));
    }

    [Fact]
    public void Submitting_with_a_charter_of_an_older_minor_version_is_accepted()
    {
        var olderMinor = new CharterVersion(CurrentCharter.Major, 0, "Charte", "…", TestClock.Now.AddYears(-1));
        var request = Draft().Complete().WithCharterAccepted(olderMinor).Build();

        Assert.True(request.Submit(Applicant, CurrentCharter, OfferableScopes, Later).IsSuccess);
    }

    [Fact]
    public void Submitting_without_charter_acceptance_is_refused()
    {
        var request = Draft().Complete().WithoutCharterAcceptance().Build();

        var result = request.Submit(Applicant, CurrentCharter, OfferableScopes, Later);

        Assert.Equal("access_request.charter_not_accepted", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Submitting_without_informing_the_dpo_is_refused()
    {
        var request = Draft().Complete().WithoutDpoInformed().Build();

        var result = request.Submit(Applicant, CurrentCharter, OfferableScopes, Later);

        Assert.Equal("access_request.dpo_not_informed", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Submitting_without_the_citizen_consent_commitment_is_refused()
    {
        var request = Draft().Complete().WithoutCitizenConsent().Build();

        var result = request.Submit(Applicant, CurrentCharter, OfferableScopes, Later);

        Assert.Equal("access_request.citizen_consent_required", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Submitting_a_scope_retired_since_it_was_chosen_is_refused()
    {
        var request = Draft().Complete().Build();
        var afterRetirement = new HashSet<string>(OfferableScopes);
        afterRetirement.Remove("cnaf_allocataires");

        var result = request.Submit(Applicant, CurrentCharter, afterRetirement, Later);

        Assert.Equal(("access_request.scope_not_offered", "Scopes"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
    }

    [Fact]
    public void Submitting_after_the_planned_go_live_date_has_passed_is_refused()
    {
        var procedure = ValidProcedure;
        var request = Draft().Complete().WithProcedure(new Procedure(procedure.Name, procedure.Description, procedure.PublicUrl,
            procedure.Simplification, TestClock.Today.AddDays(1), procedure.YearlyVolume, procedure.Modalities)).Build();

        var result = request.Submit(Applicant, CurrentCharter, OfferableScopes, TestClock.Now.AddDays(2));

        Assert.Equal(("access_request.go_live_in_past", "Procedure.ExpectedGoLive"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
    }

    // Request changes

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Requesting_changes_without_a_message_is_refused(string? message)
    {
        var request = Submitted().Build();

        var result = request.RequestChanges(Instructor, message, Later);

        Assert.Equal(("access_request.changes_message_required", "Message"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
        Assert.Equal(Status.Submitted, request.Status);
    }

    [Fact]
    public void Requesting_changes_keeps_the_message_and_first_review_time()
    {
        var request = Submitted().Build();

        request.RequestChanges(Instructor, " Précisez les destinataires. ", Later);

        Assert.Equal(("Précisez les destinataires.", Later), (request.DecisionMessage, request.CurrentSubmission!.FirstStaffActionAt));
        Assert.Equal(SubmissionOutcome.ChangesRequested, request.CurrentSubmission.Outcome);
        Assert.Equal("Précisez les destinataires.", Assert.Single(request.DomainEvents).Reason);
        Assert.True(request.IsEditable);
    }

    [Fact]
    public void Message_longer_than_4000_characters_is_refused()
    {
        var result = Submitted().Build().RequestChanges(Instructor, new string('x', 4001), Later);

        Assert.Equal("access_request.message_too_long", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Message_of_exactly_4000_characters_is_kept()
    {
        var request = Submitted().Build();
        var message = new string('x', 4000);

        var result = request.RequestChanges(Instructor, message, Later);

        Assert.True(result.IsSuccess);
        Assert.Equal(message, request.DecisionMessage);
    }

    [Fact]
    public void Message_of_4001_characters_is_refused_on_its_field_and_changes_nothing()
    {
        var request = Submitted().Build();
        var version = request.Version;

        var result = request.RequestChanges(Instructor, new string('x', 4001), Later);

        Assert.Equal((ErrorKind.Validation, "access_request.message_too_long", "Message"), (result.FailureKind, Assert.Single(result.Errors).Code, result.Errors[0].Field));
        Assert.Equal((Status.Submitted, version, (string?)null), (request.Status, request.Version, request.DecisionMessage));
        Assert.Empty(request.DomainEvents);
    }

    [Fact]
    public void Message_counts_windows_line_breaks_once_and_is_trimmed()
    {
        var request = Submitted().Build();
        var typed = " " + string.Join("\r\n", Enumerable.Repeat(new string('x', 99), 40)) + " "; // 3960 + 39 line breaks

        Assert.True(request.RequestChanges(Instructor, typed, Later).IsSuccess);
        Assert.Equal(3999, request.DecisionMessage!.Length);
    }

    // Approve

    [Fact]
    public void Approving_grants_a_subset_of_the_requested_scopes()
    {
        var request = Submitted().WithScopes("cnaf_quotient_familial", "cnaf_allocataires").Build();

        var result = request.Approve(Instructor, GrantOf(request, "cnaf_quotient_familial"), null, Later);

        Assert.True(result.IsSuccess);
        Assert.Equal(["cnaf_quotient_familial"], request.GrantedScopes);
        Assert.Equal((Later, Later), (request.DecidedAt, request.CurrentSubmission!.FirstStaffActionAt));
        Assert.Equal(["cnaf_quotient_familial"], result.Value.Scopes);
        Assert.Equal(result.Value.Id, request.AuthorizationId);
        var approved = Assert.IsType<AccessRequestApproved>(Assert.Single(request.DomainEvents));
        Assert.Equal(("access_request.approved", false), (approved.Action, approved.IsUpdate));
        Assert.Equal(["cnaf_quotient_familial"], approved.GrantedScopes);
    }

    [Fact]
    public void Approving_a_scope_that_was_not_requested_is_refused()
    {
        var request = Submitted().WithScopes("cnaf_quotient_familial").Build();

        var grant = Admin.Domain.Authorizations.Grant.Create(["cnaf_quotient_familial", "cnous_statut_boursier"], ["cnaf_quotient_familial", "cnous_statut_boursier"],
            OfferableScopes, null, null, null, null, TestClock.Now).Value;

        var result = request.Approve(Instructor, grant, null, Later);

        Assert.Equal(("authorization.granted_scopes_not_requested", "GrantedScopes"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
        Assert.Equal(Status.Submitted, request.Status);
    }


    // Refuse, revoke

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Refusing_without_a_reason_is_refused(string? reason)
    {
        var request = Submitted().Build();

        var result = request.Refuse(Instructor, reason, Later);

        Assert.Equal(("access_request.refusal_reason_required", "Reason"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
        Assert.Equal(Status.Submitted, request.Status);
    }

    [Fact]
    public void Refusing_records_the_reason_and_decision_time()
    {
        var request = Submitted().Build();

        request.Refuse(Instructor, "Hors du champ d'API Particulier.", Later);

        Assert.Equal(("Hors du champ d'API Particulier.", Later), (request.DecisionMessage, request.DecidedAt));
        var refused = Assert.IsType<AccessRequestRefused>(Assert.Single(request.DomainEvents));
        Assert.Equal(("access_request.refused", "Hors du champ d'API Particulier."), (refused.Action, refused.Reason));
    }

    [Fact]
    public void Revoking_without_a_reason_is_refused()
    {
        var request = Approved().Build();

        var result = request.Revoke(Instructor, " ", AuthorizationOf(request), Later);

        Assert.Equal(("access_request.revocation_reason_required", "Reason"), (Assert.Single(result.Errors).Code, result.Errors[0].Field));
        Assert.Equal(Status.Approved, request.Status);
    }

    [Fact]
    public void Revoking_ends_the_active_authorization()
    {
        var request = Approved().Build();

        request.Revoke(Instructor, "Usage non conforme.", AuthorizationOf(request), Later);

        Assert.Equal(Later, request.RevokedAt);
        Assert.False(request.HasActiveAuthorization);
        Assert.Equal("Usage non conforme.", Assert.Single(request.DomainEvents).Reason);
    }

    // Reopen: an update of an approved request

    [Fact]
    public void Reopening_makes_an_editable_draft_whose_authorization_stays_active()
    {
        var request = Approved().Build();

        request.Reopen(Applicant, Later);

        Assert.Equal(Status.Draft, request.Status);
        Assert.True(request.IsReopening);
        Assert.True(request.IsEditable);
        Assert.True(request.HasActiveAuthorization);
    }

    [Fact]
    public void Refusing_an_update_returns_to_approved_with_the_granted_scopes_unchanged()
    {
        var request = Submitted().Reopened().Build();
        var grantedBefore = request.GrantedScopes.ToList();

        request.Refuse(Instructor, "La nouvelle donnée n'est pas justifiée.", Later);

        Assert.Equal(Status.Approved, request.Status);
        Assert.False(request.IsReopening);
        Assert.Equal(grantedBefore, request.GrantedScopes);
        var refused = Assert.IsType<AccessRequestRefused>(Assert.Single(request.DomainEvents));
        Assert.Equal(("access_request.update_refused", "Approved", true), (refused.Action, refused.ToState, refused.IsUpdate));
    }

    [Fact]
    public void Approving_an_update_supersedes_the_granted_scopes()
    {
        var request = Submitted().Reopened().Build();

        request.Approve(Instructor, GrantOf(request, "cnaf_allocataires"), AuthorizationOf(request), Later);

        Assert.False(request.IsReopening);
        Assert.Equal(["cnaf_allocataires"], request.GrantedScopes);
        Assert.True(Assert.IsType<AccessRequestApproved>(Assert.Single(request.DomainEvents)).IsUpdate);
    }

    [Fact]
    public void Submitting_an_update_is_marked_as_such()
    {
        var request = Draft().Reopened().Build();

        request.Submit(Applicant, CurrentCharter, OfferableScopes, Later);

        Assert.True(Assert.IsType<AccessRequestSubmitted>(Assert.Single(request.DomainEvents)).IsUpdate);
    }

    // Archive

    [Fact]
    public void Archiving_records_the_time()
    {
        var request = Refused().Build();

        request.Archive(Applicant, Later);

        Assert.Equal((Status.Archived, Later), (request.Status, request.ArchivedAt));
    }

    // Labels

    [Fact]
    public void Every_status_has_its_french_label()
    {
        Assert.Equal(
            ["Brouillon", "Envoyée", "Modifications demandées", "Validée", "Refusée", "Révoquée", "Archivée"],
            Enum.GetValues<Status>().Select(s => s.FrenchLabel()));
        Assert.Equal("En instruction", Status.Submitted.FrenchLabel(forStaff: true));
    }

    private static AccessRequest Build(Start start)
    {
        var request = start switch
        {
            Start.Draft => Draft().Complete().Build(),
            Start.Submitted => Submitted().Build(),
            Start.ChangesRequested => ChangesRequested().Build(),
            Start.Approved => Approved().Build(),
            Start.Refused => Refused().Build(),
            Start.Revoked => Revoked().Build(),
            Start.Archived => Archived().Build(),
            Start.ReopenedDraft => Draft().Reopened().Build(),
            Start.ReopenedSubmitted => Submitted().Reopened().Build(),
            Start.ReopenedChangesRequested => ChangesRequested().Reopened().Build(),
            _ => throw new ArgumentOutOfRangeException(nameof(start)),
        };
        Assert.Equal(start.ToString().StartsWith("Reopened", StringComparison.Ordinal), request.IsReopening);
        return request;
    }

    private static Guid ActorOf(Transition transition) =>
        transition is Transition.Submit or Transition.Reopen or Transition.Archive ? Applicant : InstructorId;

    /// <summary>The request's authorization if it was ever approved; for the others, one it does not own (refused before it matters).</summary>
    private static Admin.Domain.Authorizations.Authorization AuthorizationOrNew(AccessRequest request) =>
        AuthorizationOf(request.AuthorizationId is null ? Approved().Build() : request);

    private static Admin.Domain.Authorizations.Authorization? CurrentAuthorizationOrNull(AccessRequest request) =>
        request.IsReopening ? AuthorizationOf(request) : null;

    private static Result Apply(AccessRequest request, Transition transition) => transition switch
    {
        Transition.Submit => request.Submit(Applicant, CurrentCharter, OfferableScopes, Later),
        Transition.RequestChanges => request.RequestChanges(Instructor, "Précisez la base légale.", Later),
        Transition.Approve => request.Approve(Instructor, GrantOf(request), CurrentAuthorizationOrNull(request), Later),
        Transition.Refuse => request.Refuse(Instructor, "Démarche hors champ.", Later),
        Transition.Revoke => request.Revoke(Instructor, "Usage non conforme.", AuthorizationOrNew(request), Later),
        Transition.Reopen => request.Reopen(Applicant, Later),
        Transition.Archive => request.Archive(Applicant, Later),
        _ => throw new ArgumentOutOfRangeException(nameof(transition)),
    };
}
