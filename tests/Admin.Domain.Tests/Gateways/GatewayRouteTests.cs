using Admin.Domain.Gateways;

namespace Admin.Domain.Tests.Gateways;

public sealed class GatewayRouteTests
{
    private static readonly IReadOnlySet<string> Catalogue = new HashSet<string> { "cnaf_enfants", "cnaf_quotient_familial" };

    [Fact]
    public void A_route_is_created_with_its_prefix_normalized_and_audited()
    {
        var route = GatewayRoute.Create(new GatewayRoute.Content(" /api/v2/x/ ", RouteMatch.All, ["cnaf_enfants", "cnaf_enfants", " "], false, " note "),
            Catalogue, new HashSet<string>(), null, TestClock.Now).Value;

        Assert.Equal(("/api/v2/x", RouteMatch.All, "note"), (route.PathPrefix, route.Match, route.Note));
        Assert.Equal(["cnaf_enfants"], route.Scopes);
        var saved = Assert.IsType<GatewayRouteSaved>(Assert.Single(route.DomainEvents));
        Assert.Equal(("gateway_route.created", "Open"), (saved.Action, saved.ToState));
    }

    [Theory]
    [InlineData(null, "gateway_route.path_required")]
    [InlineData("  ", "gateway_route.path_required")]
    [InlineData("api/x", "gateway_route.path_invalid")]
    [InlineData("/api/x?y=1", "gateway_route.path_invalid")]
    [InlineData("/api/%41", "gateway_route.path_invalid")]
    [InlineData("/api/../x", "gateway_route.path_invalid")]
    [InlineData("/taken", "gateway_route.path_taken")]
    [InlineData("/taken/", "gateway_route.path_taken")]
    public void A_bad_or_taken_prefix_is_refused_at_the_field(string? prefix, string code)
    {
        var result = GatewayRoute.Create(new GatewayRoute.Content(prefix, RouteMatch.Any, [], false, null), Catalogue, new HashSet<string> { "/taken" }, null, TestClock.Now);
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, "PathPrefix"), (error.Code, error.Field));
    }

    [Fact]
    public void Unknown_scopes_a_missing_match_and_a_long_note_are_refused_together()
    {
        var result = GatewayRoute.Create(new GatewayRoute.Content("/a", null, ["inconnu"], false, new string('n', 501)), Catalogue, new HashSet<string>(), null, TestClock.Now);
        Assert.Equal(["Match", "Scopes", "Note"], result.Errors.Select(e => e.Field));
        Assert.Contains("inconnu", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_retires_a_route_and_its_rule_follows()
    {
        var route = GatewayRoute.Create(new GatewayRoute.Content("/a", RouteMatch.Any, [], false, null), Catalogue, new HashSet<string>(), null, TestClock.Now).Value;
        var edited = route.Edit(new GatewayRoute.Content("/a", RouteMatch.Any, ["cnaf_enfants"], true, null), Catalogue, new HashSet<string>(), Guid.NewGuid(), TestClock.Now);

        Assert.True(edited.IsSuccess);
        Assert.True(route.ToRule().IsRetired);
        Assert.Equal(["cnaf_enfants"], route.ToRule().Scopes);
        Assert.Equal("Retired", route.DomainEvents.OfType<GatewayRouteSaved>().Last().ToState);
        Assert.Equal("gateway_route.edited", route.DomainEvents.Last().Action);
    }
}
