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

    [Fact]
    public void Saving_bumps_the_version_and_records_who_and_when()
    {
        var request = Draft().Build();
        var before = request.Version;

        request.SaveDataProtection(Applicant, ValidDataProtection, Later);

        Assert.Equal((before + 1, Later, Applicant), (request.Version, request.UpdatedAt, request.UpdatedBy));
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
        var before = (request.Procedure, request.Version);
        var acceptance = CharterAcceptance.Record(CurrentCharter, Applicant, OrganizationId, Later, null);

        Result[] results =
        [
            request.SaveProcedure(Applicant, ValidProcedure, Later),
            request.SaveLegalBasis(Applicant, ValidLegalBasis, Later),
            request.SaveScopes(Applicant, ["cnaf_enfants"], OfferableScopes, Later),
            request.SaveDataProtection(Applicant, ValidDataProtection, Later),
            request.SaveContacts(Applicant, ValidContacts, Later),
            request.SaveEngagements(Applicant, acceptance, true, true, CurrentCharter, Later),
        ];

        Assert.All(results, r => Assert.Equal("access_request.not_editable", Assert.Single(r.Errors).Code));
        Assert.Equal(before, (request.Procedure, request.Version));
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
}
