using Admin.Domain.AccessRequests;
using Admin.Domain.Common;
using Admin.Domain.UseCases;
using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;

namespace Admin.Domain.Tests.UseCases;

public sealed class UseCaseTests
{
    private static readonly Guid Administrator = Guid.Parse("00000000-0000-0000-0000-0000000000d4");

    private static readonly UseCase.Content Cantine = new("  Tarification de la cantine  ", " Communes ",
        " Joignez la délibération. ", " https://www.legifrance.gouv.fr/texte ");

    private static Dictionary<string, UseCaseScopeRole> Roles(params (string Code, UseCaseScopeRole Role)[] roles) =>
        roles.ToDictionary(r => r.Code, r => r.Role, StringComparer.Ordinal);

    private static UseCase NewUseCase(params (string Code, UseCaseScopeRole Role)[] roles) =>
        UseCase.Create("cantine", Cantine, Roles(roles), OfferableScopes, Administrator, TestClock.Now).Value;

    [Fact]
    public void Create_trims_sorts_scopes_by_role_and_raises_a_created_event()
    {
        var useCase = NewUseCase(("cnaf_quotient_familial", UseCaseScopeRole.Preselected), ("men_statut_scolarite", UseCaseScopeRole.Offered),
            ("cnaf_enfants", UseCaseScopeRole.Fixed), ("cnaf_adresse", UseCaseScopeRole.None));

        Assert.Equal(("cantine", "Tarification de la cantine", "Communes", "Joignez la délibération.", "https://www.legifrance.gouv.fr/texte", false),
            (useCase.Code, useCase.Title, useCase.Audience, useCase.LegalBasisHint, useCase.LegalBasisUrl, useCase.IsRetired));
        Assert.Equal(["cnaf_quotient_familial", "men_statut_scolarite", "cnaf_enfants"], useCase.OfferedScopes);
        Assert.Equal(["cnaf_quotient_familial", "cnaf_enfants"], useCase.PreselectedScopes);
        Assert.Equal(["cnaf_enfants"], useCase.FixedScopes);
        Assert.Equal(UseCaseScopeRole.Fixed, useCase.RoleOf("cnaf_enfants"));
        Assert.Equal(UseCaseScopeRole.None, useCase.RoleOf("cnaf_adresse"));
        var saved = Assert.IsType<UseCaseSaved>(Assert.Single(useCase.DomainEvents));
        Assert.Equal((useCase.Id, (Guid?)Administrator, "cantine", true, "use_case.created", "UseCase"),
            (saved.AggregateId, saved.ActorId, saved.Code, saved.IsNew, saved.Action, saved.AggregateType));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Cantine")]
    [InlineData("cantine scolaire")]
    [InlineData("1cantine")]
    public void Create_refuses_a_code_that_is_not_snake_case(string code)
    {
        var created = UseCase.Create(code, Cantine, Roles(("cnaf_quotient_familial", UseCaseScopeRole.Offered)), OfferableScopes, Administrator, TestClock.Now);

        var error = Assert.Single(created.Errors);
        Assert.Equal(("use_case.invalid_code", "Code"), (error.Code, error.Field));
    }

    [Fact]
    public void Create_lists_every_broken_rule_with_its_field()
    {
        var content = new UseCase.Content(" ", new string('a', UseCase.AudienceMaxLength + 1), new string('b', UseCase.HintMaxLength + 1), "ftp://exemple.fr");

        var created = UseCase.Create("cantine", content, Roles(), OfferableScopes, Administrator, TestClock.Now);

        Assert.Equal(ErrorKind.Validation, created.FailureKind);
        Assert.Equal(
            [("use_case.title_required", "Title"), ("use_case.audience_too_long", "Audience"), ("use_case.hint_too_long", "LegalBasisHint"),
             ("use_case.invalid_url", "LegalBasisUrl"), ("use_case.no_scope", "Scopes")],
            created.Errors.Select(e => (e.Code, e.Field!)));
    }

    [Fact]
    public void Create_refuses_a_title_longer_than_a_procedure_name()
    {
        var created = UseCase.Create("cantine", Cantine with { Title = new string('t', Procedure.NameMaxLength + 1) },
            Roles(("cnaf_quotient_familial", UseCaseScopeRole.Offered)), OfferableScopes, Administrator, TestClock.Now);

        Assert.Equal("use_case.title_too_long", Assert.Single(created.Errors).Code);
    }

    [Fact]
    public void Create_refuses_a_scope_the_catalogue_does_not_offer_and_names_it()
    {
        var created = UseCase.Create("cantine", Cantine, Roles(("cnaf_quotient_familial", UseCaseScopeRole.Offered), (RetiredScope, UseCaseScopeRole.Fixed)),
            OfferableScopes, Administrator, TestClock.Now);

        var error = Assert.Single(created.Errors);
        Assert.Equal(("use_case.unknown_scope", "Scopes"), (error.Code, error.Field));
        Assert.Contains(RetiredScope, error.Message);
    }

    [Fact]
    public void Create_refuses_a_role_that_does_not_exist()
    {
        var created = UseCase.Create("cantine", Cantine, Roles(("cnaf_quotient_familial", (UseCaseScopeRole)9)), OfferableScopes, Administrator, TestClock.Now);

        Assert.Equal("use_case.invalid_scope_role", Assert.Single(created.Errors).Code);
    }

    [Fact]
    public void Edit_replaces_texts_and_scopes_keeps_the_code_and_raises_an_edited_event()
    {
        var useCase = NewUseCase(("cnaf_quotient_familial", UseCaseScopeRole.Fixed));
        useCase.ClearDomainEvents();

        var edited = useCase.Edit(new UseCase.Content("Cantine", null, null, null), Roles(("men_statut_scolarite", UseCaseScopeRole.Preselected)),
            OfferableScopes, Administrator, TestClock.Now.AddDays(1));

        Assert.True(edited.IsSuccess);
        Assert.Equal(("cantine", "Cantine", (string?)null, (string?)null, TestClock.Now.AddDays(1)), (useCase.Code, useCase.Title, useCase.LegalBasisUrl, useCase.Audience, useCase.UpdatedAt));
        Assert.Equal(["men_statut_scolarite"], useCase.OfferedScopes);
        Assert.Empty(useCase.FixedScopes);
        Assert.Equal("use_case.edited", Assert.IsType<UseCaseSaved>(Assert.Single(useCase.DomainEvents)).Action);
    }

    [Fact]
    public void Edit_with_an_error_changes_nothing()
    {
        var useCase = NewUseCase(("cnaf_quotient_familial", UseCaseScopeRole.Fixed));
        useCase.ClearDomainEvents();

        var edited = useCase.Edit(Cantine with { Title = "" }, Roles(), OfferableScopes, Administrator, TestClock.Now);

        Assert.Equal(ErrorKind.Validation, edited.FailureKind);
        Assert.Equal("Tarification de la cantine", useCase.Title);
        Assert.Equal(["cnaf_quotient_familial"], useCase.FixedScopes);
        Assert.Empty(useCase.DomainEvents);
    }

    [Fact]
    public void Retire_once_then_refuses_as_a_conflict()
    {
        var useCase = NewUseCase(("cnaf_quotient_familial", UseCaseScopeRole.Offered));
        useCase.ClearDomainEvents();

        Assert.True(useCase.Retire(Administrator, TestClock.Now).IsSuccess);
        var again = useCase.Retire(Administrator, TestClock.Now);

        Assert.True(useCase.IsRetired);
        Assert.Equal((ErrorKind.Conflict, "use_case.already_retired"), (again.FailureKind, Assert.Single(again.Errors).Code));
        var retired = Assert.IsType<UseCaseRetired>(Assert.Single(useCase.DomainEvents));
        Assert.Equal(("use_case.retired", "Offered", "Retired"), (retired.Action, retired.FromState, retired.ToState));
    }

    [Fact]
    public void A_request_started_from_a_use_case_is_named_after_it_with_preselected_and_fixed_scopes_ticked_and_the_legal_address_filled()
    {
        var useCase = NewUseCase(("cnaf_quotient_familial", UseCaseScopeRole.Preselected), ("men_statut_scolarite", UseCaseScopeRole.Offered),
            ("cnaf_enfants", UseCaseScopeRole.Fixed));

        var request = AccessRequest.StartFrom(useCase, OfferableScopes, OrganizationId, Applicant, TestClock.Now).Value;

        Assert.Equal(("Tarification de la cantine", "https://www.legifrance.gouv.fr/texte", useCase.Id, "Tarification de la cantine"),
            (request.Procedure.Name, request.LegalBasis.Url, request.UseCaseId, request.UseCaseTitle));
        Assert.Equal(["cnaf_quotient_familial", "cnaf_enfants"], request.Scopes);
        Assert.Equal(["cnaf_enfants"], request.LockedScopes);
        var created = Assert.IsType<AccessRequestCreated>(Assert.Single(request.DomainEvents));
        Assert.Equal(("cantine", Applicant, AccessRequestStatus.Draft), (created.UseCaseCode, request.ApplicantId, request.Status));
    }

    [Fact]
    public void A_request_cannot_start_from_a_retired_use_case()
    {
        var useCase = NewUseCase(("cnaf_quotient_familial", UseCaseScopeRole.Offered));
        useCase.Retire(Administrator, TestClock.Now);

        var started = AccessRequest.StartFrom(useCase, OfferableScopes, OrganizationId, Applicant, TestClock.Now);

        Assert.Equal("use_case.not_offered", Assert.Single(started.Errors).Code);
    }

    [Fact]
    public void A_use_case_scope_retired_from_the_catalogue_since_is_neither_ticked_nor_locked()
    {
        var useCase = NewUseCase(("cnaf_quotient_familial", UseCaseScopeRole.Fixed), ("cnaf_enfants", UseCaseScopeRole.Fixed));
        var fewer = OfferableScopes.Where(s => s != "cnaf_enfants").ToHashSet(StringComparer.Ordinal);

        var request = AccessRequest.StartFrom(useCase, fewer, OrganizationId, Applicant, TestClock.Now).Value;

        Assert.Equal(["cnaf_quotient_familial"], request.Scopes);
        Assert.Equal(["cnaf_quotient_familial"], request.LockedScopes);
    }

    [Fact]
    public void A_locked_scope_stays_when_the_scopes_are_saved_without_it()
    {
        var request = AccessRequest.StartFrom(NewUseCase(("cnaf_enfants", UseCaseScopeRole.Fixed), ("cnaf_quotient_familial", UseCaseScopeRole.Offered)),
            OfferableScopes, OrganizationId, Applicant, TestClock.Now).Value;

        var errors = request.SaveScopes(Applicant, ["cnaf_quotient_familial"], OfferableScopes, TestClock.Now).Value;

        Assert.Empty(errors);
        Assert.Equal(["cnaf_enfants", "cnaf_quotient_familial"], request.Scopes);
    }

    [Fact]
    public void A_copy_keeps_the_use_case_and_its_locked_scopes()
    {
        var request = AccessRequest.StartFrom(NewUseCase(("cnaf_enfants", UseCaseScopeRole.Fixed)), OfferableScopes, OrganizationId, Applicant, TestClock.Now).Value;

        var copy = request.CopyAsNewDraft(Applicant, TestClock.Now);

        Assert.Equal((request.UseCaseId, request.UseCaseTitle), (copy.UseCaseId, copy.UseCaseTitle));
        Assert.Equal(["cnaf_enfants"], copy.LockedScopes);
    }
}
