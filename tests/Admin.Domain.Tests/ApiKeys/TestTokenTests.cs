using Admin.Domain.ApiKeys;
using Admin.Domain.Scopes;

namespace Admin.Domain.Tests.ApiKeys;

public class TestTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_gives_the_fixed_id_the_default_rate_and_the_sandbox_and_raises_an_event_without_actor()
    {
        var token = TestToken.Create(new string('b', 64), Now);

        Assert.Equal((TestToken.FixedId, 20, ApiKeyEnvironment.Sandbox), (token.Id, token.RatePerSecond, token.Environment));
        var created = Assert.IsType<TestTokenCreated>(Assert.Single(token.DomainEvents));
        Assert.Equal(("test_token.created", (Guid?)null), (created.Action, created.ActorId));
        Assert.Throws<ArgumentException>(() => TestToken.Create("abc", Now));
    }

    [Fact]
    public void Its_scopes_are_the_catalogue_s_offered_ones_sorted()
    {
        var catalogue = new[]
        {
            new Scope(ScopeCode.Parse("b_scope").Value, "P", "Fournisseur", false, "B"),
            new Scope(ScopeCode.Parse("a_scope").Value, "P", "Fournisseur", false, "A"),
            new Scope(ScopeCode.Parse("c_retired").Value, "P", "Fournisseur", true, "C"),
        };

        Assert.Equal(["a_scope", "b_scope"], TestToken.ScopesFrom(catalogue));
    }

    [Theory]
    [InlineData("test-token", true)]
    [InlineData("Test-Token", false)]
    [InlineData(" test-token", false)]
    [InlineData(null, false)]
    public void Only_the_exact_value_is_the_test_token(string? secret, bool expected) => Assert.Equal(expected, TestToken.Is(secret));
}

public class ApiKeyFormatDiagnosisTests
{
    private const string Key = "apip_live_CommuneDeDemoCleDeProduction20261gii4T";

    [Theory]
    [InlineData(Key, null)]
    [InlineData(null, ApiKeyFormatProblem.UnknownPrefix)]
    [InlineData("apip_prod_CommuneDeDemoCleDeProduction20261gii4T", ApiKeyFormatProblem.UnknownPrefix)]
    [InlineData("apip_live_CommuneDeDemoCleDeProduction20261gii4", ApiKeyFormatProblem.WrongLength)]
    [InlineData("apip_live_CommuneDeDemoCleDeProduction20261gii4T ", ApiKeyFormatProblem.WrongLength)]
    [InlineData("apip_live_CommuneDeDemoCleDeProduction-0261gii4T", ApiKeyFormatProblem.InvalidCharacter)]
    [InlineData("apip_live_CommuneDeDemoCleDeProduction20261gii4U", ApiKeyFormatProblem.ChecksumMismatch)]
    [InlineData("apip_test_CommuneDeDemoCleDeProduction20261gii4T", ApiKeyFormatProblem.ChecksumMismatch)]
    public void Diagnose_names_the_first_problem(string? key, ApiKeyFormatProblem? expected) =>
        Assert.Equal(expected, ApiKeyFormat.Diagnose(key));
}
