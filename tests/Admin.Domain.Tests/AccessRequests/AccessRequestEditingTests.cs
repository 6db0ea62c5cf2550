using Admin.Domain.AccessRequests;
using Admin.Domain.Charters;
using Admin.Domain.Common;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;

namespace Admin.Domain.Tests.AccessRequests;

public class AccessRequestEditingTests
{
    private static readonly DateTimeOffset Later = TestClock.Now.AddHours(1);

    [Fact]
    public void New_request_is_an_empty_draft_of_its_organization()
    {
        var request = AccessRequest.Create(OrganizationId, Applicant, TestClock.Now);

        Assert.Equal((AccessRequestStatus.Draft, OrganizationId, Applicant, TestClock.Now), (request.Status, request.OrganizationId, request.CreatedBy, request.CreatedAt));
        Assert.Empty(request.Scopes);
        Assert.Null(request.Procedure.Name);
        var created = Assert.IsType<AccessRequestCreated>(Assert.Single(request.DomainEvents));
        Assert.Equal(("AccessRequest", "access_request.created", "Draft"), (created.AggregateType, created.Action, created.ToState));
    }

    [Fact]
    public void Autosave_keeps_an_incomplete_section_and_returns_its_errors()
    {
        var request = Draft().Build();

        var result = request.SaveProcedure(Applicant, new Procedure("Cantine", null, null, null, null, null, ProcedureModalities.None), Later);

        Assert.True(result.IsSuccess);
        Assert.Equal("Cantine", request.Procedure.Name);
        Assert.Equal(["Description", "Simplification", "Modalities"], result.Value.Select(e => e.Field));
    }

    /// <summary>Saves valid content in <paramref name="step"/>, as the form of that step would.</summary>
    private static Result<IReadOnlyList<Error>> Save(AccessRequest request, AccessRequestStep step, Guid actor, DateTimeOffset at) => step switch
    {
        AccessRequestStep.Procedure => request.SaveProcedure(actor, ValidProcedure, at),
        AccessRequestStep.LegalBasis => request.SaveLegalBasis(actor, ValidLegalBasis, at),
        AccessRequestStep.Scopes => request.SaveScopes(actor, ["cnaf_enfants"], OfferableScopes, at),
        AccessRequestStep.DataProtection => request.SaveDataProtection(actor, ValidDataProtection, at),
        AccessRequestStep.Contacts => request.SaveContacts(actor, ValidContacts, at),
        AccessRequestStep.Engagements => request.SaveEngagements(actor, CharterAcceptance.Record(CurrentCharter, actor, OrganizationId, at, null),
            true, true, CurrentCharter, at),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    public static TheoryData<AccessRequestStep> Steps => [.. AccessRequestStepLabels.All];

    [Theory]
    [MemberData(nameof(Steps))]
    public void Saving_any_section_moves_the_version_by_one_and_records_who_and_when(AccessRequestStep step)
    {
        var request = Draft().Build();
        var colleague = Guid.NewGuid();
        var before = request.Version;

        var result = Save(request, step, colleague, Later);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value);
        Assert.Equal((before + 1, Later, colleague), (request.Version, request.UpdatedAt, request.UpdatedBy));
        Assert.Empty(request.DomainEvents);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Saving_a_section_twice_moves_the_version_twice(AccessRequestStep step)
    {
        var request = Draft().Build();
        var before = request.Version;

        Save(request, step, Applicant, Later);
        Save(request, step, Applicant, Later.AddMinutes(1));

        Assert.Equal((before + 2, Later.AddMinutes(1)), (request.Version, request.UpdatedAt));
    }

    [Fact]
    public void Saving_scopes_again_replaces_the_previous_choice()
    {
        var request = Draft().Build();
        request.SaveScopes(Applicant, ["cnaf_quotient_familial", "cnaf_allocataires"], OfferableScopes, TestClock.Now);

        var errors = request.SaveScopes(Applicant, ["cnaf_enfants"], OfferableScopes, Later).Value;

        Assert.Empty(errors);
        Assert.Equal(["cnaf_enfants"], request.Scopes);
    }

    [Fact]
    public void Saving_no_scope_after_some_clears_the_choice()
    {
        var request = Draft().WithScopes("cnaf_quotient_familial").Build();

        var error = Assert.Single(request.SaveScopes(Applicant, [" ", ""], OfferableScopes, Later).Value);

        Assert.Equal(("access_request.no_scope", "Scopes"), (error.Code, error.Field));
        Assert.Empty(request.Scopes);
    }

    [Fact]
    public void Sections_can_be_saved_while_changes_are_requested()
    {
        var request = ChangesRequested().Build();

        var result = request.SaveDataProtection(Applicant, new DataProtection("Agents", 12, null), Later);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value);
        Assert.Equal(12, request.DataProtection.RetentionMonths);
    }

    public static TheoryData<string> LockedStates => ["Submitted", "Approved", "Refused", "Revoked", "Archived"];

    [Theory]
    [MemberData(nameof(LockedStates))]
    public void No_section_can_be_saved_outside_draft_and_changes_requested(string state)
    {
        var request = state switch
        {
            "Submitted" => Submitted().Build(),
            "Approved" => Approved().Build(),
            "Refused" => Refused().Build(),
            "Revoked" => Revoked().Build(),
            _ => Archived().Build(),
        };
        var fieldsBefore = request.Content().Fields();
        var before = (request.Engagements, request.UpdatedAt, request.UpdatedBy, request.Version);
        var colleague = Guid.NewGuid();

        var results = AccessRequestStepLabels.All.Select(step => Save(request, step, colleague, Later)).ToList();

        Assert.All(results, r =>
        {
            Assert.Equal(ErrorKind.Conflict, r.FailureKind);
            Assert.Equal("access_request.not_editable", Assert.Single(r.Errors).Code);
        });
        Assert.Equal(fieldsBefore, request.Content().Fields());
        Assert.Equal(before, (request.Engagements, request.UpdatedAt, request.UpdatedBy, request.Version));
        Assert.Empty(request.DomainEvents);
    }

    [Fact]
    public void Section_errors_are_recomputed_against_the_current_catalogue()
    {
        var request = Draft().Complete().Build();
        Assert.Empty(request.SectionErrors(AccessRequestStep.Scopes, CurrentCharter, OfferableScopes, Later));

        var withoutAllocataires = new HashSet<string>(OfferableScopes.Where(s => s != "cnaf_allocataires"));

        var error = Assert.Single(request.SectionErrors(AccessRequestStep.Scopes, CurrentCharter, withoutAllocataires, Later));
        Assert.Equal("access_request.scope_not_offered", error.Code);
    }

    [Fact]
    public void Complete_request_has_no_error_in_any_step()
    {
        var request = Draft().Complete().Build();

        Assert.All(AccessRequestStepLabels.All, step => Assert.Empty(request.SectionErrors(step, CurrentCharter, OfferableScopes, Later)));
        Assert.Empty(request.SubmissionErrors(CurrentCharter, OfferableScopes, Later));
    }

    [Fact]
    public void Every_step_has_a_french_label()
    {
        Assert.Equal(
            ["Démarche", "Cadre juridique", "Données demandées", "Protection des données", "Contacts", "Engagements"],
            AccessRequestStepLabels.All.Select(s => s.FrenchLabel()));
    }

    // Copy

    [Fact]
    public void Copy_is_a_new_draft_with_the_same_sections_but_no_engagement()
    {
        var original = Refused().Build();
        var otherApplicant = Guid.NewGuid();

        var copy = original.CopyAsNewDraft(otherApplicant, Later);

        Assert.NotEqual(original.Id, copy.Id);
        Assert.Equal((AccessRequestStatus.Draft, original.OrganizationId, otherApplicant, Later, original.Id),
            (copy.Status, copy.OrganizationId, copy.CreatedBy, copy.CreatedAt, copy.CopiedFromId));
        Assert.Equal(original.Procedure, copy.Procedure);
        Assert.Equal(original.LegalBasis, copy.LegalBasis);
        Assert.Equal(original.Scopes, copy.Scopes);
        Assert.Equal(original.DataProtection, copy.DataProtection);
        Assert.Equal(original.Contacts, copy.Contacts);
        Assert.False(copy.Engagements.IsCharterAccepted);
        Assert.False(copy.Engagements.DpoInformed);
        Assert.Empty(copy.GrantedScopes);
        Assert.Null(copy.SubmittedAt);
        Assert.Equal(original.Id, Assert.IsType<AccessRequestCreated>(Assert.Single(copy.DomainEvents)).CopiedFromId);
    }

    [Fact]
    public void Copy_must_accept_the_charter_again_before_submitting()
    {
        var copy = Refused().Build().CopyAsNewDraft(Applicant, Later);

        var result = copy.Submit(Applicant, CurrentCharter, OfferableScopes, Later);

        Assert.Contains(result.Errors, e => e.Code == "access_request.charter_not_accepted");
        Assert.All(result.Errors, e => Assert.StartsWith("Engagements.", e.Field));
    }

    [Fact]
    public void Copy_does_not_share_section_instances_with_the_original()
    {
        // EF Core tracks owned values by instance: two requests must never hold the same one.
        var original = Approved().Build();

        var copy = original.CopyAsNewDraft(Applicant, Later);

        Assert.NotSame(original.Procedure, copy.Procedure);
        Assert.NotSame(original.LegalBasis, copy.LegalBasis);
        Assert.NotSame(original.DataProtection, copy.DataProtection);
        Assert.NotSame(original.Contacts, copy.Contacts);
        Assert.NotSame(original.Contacts.Dpo, copy.Contacts.Dpo);
    }

    [Fact]
    public void Submission_errors_prefix_each_field_with_its_step()
    {
        var request = Draft().Build();
        request.SaveLegalBasis(Applicant, new LegalBasis("Délibération", null, new LegalDocument(Guid.NewGuid(), "texte.odt", 10, new string('a', 64))), Later);

        var errors = request.SubmissionErrors(CurrentCharter, OfferableScopes, Later);

        Assert.Contains(errors, e => (e.Code, e.Field) == ("access_request.legal_document_not_pdf", "LegalBasis.Document"));
        Assert.Contains(errors, e => (e.Code, e.Field) == ("access_request.no_scope", "Scopes"));
        Assert.Contains(errors, e => (e.Code, e.Field) == ("access_request.dpo_not_informed", "Engagements.DpoInformed"));
        Assert.Contains(errors, e => (e.Code, e.Field) == ("email.required", "Contacts.TechnicalContact.Email"));
        Assert.All(errors, e => Assert.Contains(e.Field!.Split('.')[0], AccessRequestStepLabels.All.Select(s => s.ToString())));
    }

    [Fact]
    public void Section_errors_of_each_step_are_those_of_its_section()
    {
        var request = Draft().Build();

        Assert.Equal("Name", request.SectionErrors(AccessRequestStep.Procedure, CurrentCharter, OfferableScopes, Later)[0].Field);
        Assert.Equal("Title", request.SectionErrors(AccessRequestStep.LegalBasis, CurrentCharter, OfferableScopes, Later)[0].Field);
        Assert.Equal("Scopes", Assert.Single(request.SectionErrors(AccessRequestStep.Scopes, CurrentCharter, OfferableScopes, Later)).Field);
        Assert.Equal("Recipients", request.SectionErrors(AccessRequestStep.DataProtection, CurrentCharter, OfferableScopes, Later)[0].Field);
        Assert.Equal("BusinessContact.FirstName", request.SectionErrors(AccessRequestStep.Contacts, CurrentCharter, OfferableScopes, Later)[0].Field);
        Assert.Equal("CharterAcceptance", request.SectionErrors(AccessRequestStep.Engagements, CurrentCharter, OfferableScopes, Later)[0].Field);
        Assert.Throws<ArgumentOutOfRangeException>(() => request.SectionErrors((AccessRequestStep)0, CurrentCharter, OfferableScopes, Later));
    }

    [Fact]
    public void Copy_is_created_by_its_author_and_records_the_original()
    {
        var original = Refused().Build();
        var otherApplicant = Guid.NewGuid();

        var copy = original.CopyAsNewDraft(otherApplicant, Later);

        Assert.Equal((Later, otherApplicant, 0), (copy.UpdatedAt, copy.UpdatedBy, copy.Version));
        var created = Assert.IsType<AccessRequestCreated>(Assert.Single(copy.DomainEvents));
        Assert.Equal((copy.Id, otherApplicant, Later, original.OrganizationId), (created.AggregateId, created.ActorId, created.OccurredAt, created.OrganizationId));
        Assert.Empty(original.DomainEvents);
        Assert.Null(copy.ApprovedContent);
    }

    [Fact]
    public void New_request_records_its_author_as_last_editor()
    {
        var request = AccessRequest.Create(OrganizationId, Applicant, TestClock.Now);

        Assert.Equal((TestClock.Now, Applicant, 0, (Guid?)null), (request.UpdatedAt, request.UpdatedBy, request.Version, request.CopiedFromId));
        var created = Assert.IsType<AccessRequestCreated>(Assert.Single(request.DomainEvents));
        Assert.Equal((request.Id, Applicant, OrganizationId, (Guid?)null), (created.AggregateId, created.ActorId, created.OrganizationId, created.CopiedFromId));
        Assert.Null(request.CurrentSubmission);
        Assert.False(request.HasActiveAuthorization);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Saving_a_missing_section_is_a_bug_whether_the_request_is_editable_or_locked(bool locked)
    {
        var request = locked ? Submitted().Build() : Draft().Build();
        var version = request.Version;

        Assert.Throws<ArgumentNullException>(() => request.SaveProcedure(Applicant, null!, Later));
        Assert.Throws<ArgumentNullException>(() => request.SaveLegalBasis(Applicant, null!, Later));
        Assert.Throws<ArgumentNullException>(() => request.SaveScopes(Applicant, null!, OfferableScopes, Later));
        Assert.Throws<ArgumentNullException>(() => request.SaveDataProtection(Applicant, null!, Later));
        Assert.Throws<ArgumentNullException>(() => request.SaveContacts(Applicant, null!, Later));
        Assert.Equal(version, request.Version);
    }

    [Fact]
    public void Checking_sections_without_the_catalogue_or_the_charter_is_a_bug()
    {
        var request = Draft().Build();

        Assert.Throws<ArgumentNullException>(() => request.SectionErrors(AccessRequestStep.Scopes, CurrentCharter, null!, Later));
        Assert.Throws<ArgumentNullException>(() => request.SectionErrors(AccessRequestStep.Engagements, null!, OfferableScopes, Later));
    }
}
