using static Admin.Domain.Tests.AccessRequests.AccessRequestBuilder;

namespace Admin.Domain.Tests.AccessRequests;

public class ScopeSelectionTests
{
    [Fact]
    public void Offered_scopes_are_accepted_once_each()
    {
        var request = Draft().Build();

        var errors = request.SaveScopes(Applicant, ["cnaf_quotient_familial", " cnaf_quotient_familial ", "men_statut_scolarite", ""], OfferableScopes, TestClock.Now).Value;

        Assert.Empty(errors);
        Assert.Equal(["cnaf_quotient_familial", "men_statut_scolarite"], request.Scopes);
    }

    [Fact]
    public void No_scope_is_refused()
    {
        var error = Assert.Single(Draft().Build().SaveScopes(Applicant, [], OfferableScopes, TestClock.Now).Value);

        Assert.Equal(("access_request.no_scope", "Scopes"), (error.Code, error.Field));
    }

    [Fact]
    public void Retired_scope_is_refused_but_kept_so_the_form_shows_it()
    {
        var request = Draft().Build();

        var errors = request.SaveScopes(Applicant, ["cnaf_quotient_familial", RetiredScope], OfferableScopes, TestClock.Now).Value;

        var error = Assert.Single(errors);
        Assert.Equal(("access_request.scope_not_offered", "Scopes"), (error.Code, error.Field));
        Assert.Contains(RetiredScope, error.Message);
        Assert.Contains(RetiredScope, request.Scopes);
    }

    [Fact]
    public void Unknown_scope_is_refused()
    {
        var errors = Draft().Build().SaveScopes(Applicant, ["cnaf_quotient_familial", "cnaf_tout"], OfferableScopes, TestClock.Now).Value;

        Assert.Equal(["access_request.scope_not_offered"], errors.Select(e => e.Code));
    }

    [Fact]
    public void Scope_codes_are_case_sensitive()
    {
        var errors = Draft().Build().SaveScopes(Applicant, ["CNAF_QUOTIENT_FAMILIAL"], OfferableScopes, TestClock.Now).Value;

        Assert.Equal(["access_request.scope_not_offered"], errors.Select(e => e.Code));
    }
}
