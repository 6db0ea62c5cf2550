using Admin.Domain.Scopes;

namespace Admin.Domain.Tests.Scopes;

public class ScopeTests
{
    [Fact]
    public void A_scope_keeps_its_code_and_provider_and_can_be_retired()
    {
        var scope = new Scope(ScopeCode.Parse("cnaf_quotient_familial").Value, "cnaf", "Caisse nationale des allocations familiales", isRetired: false);

        Assert.Equal(("cnaf_quotient_familial", "cnaf", "Caisse nationale des allocations familiales", false),
            (scope.Code, scope.ProviderCode, scope.ProviderName, scope.IsRetired));

        scope.Retire();

        Assert.True(scope.IsRetired);
    }
}
