using Admin.Domain.Gateways;

namespace Admin.Domain.Tests.Gateways;

public sealed class RouteTableTests
{
    private static readonly RouteTable Table = new([
        new RouteRule("/api/v2/composition-familiale", RouteMatch.Any, ["cnaf_quotient_familial", "cnaf_enfants"], false),
        new RouteRule("/api/v2/composition-familiale-v2", RouteMatch.All, ["cnaf_quotient_familial", "cnaf_enfants"], false),
        new RouteRule("/api/v2/avis-imposition", RouteMatch.Any, ["dgfip_revenu_fiscal_reference"], true),
        new RouteRule("/v3", RouteMatch.Any, ["a"], false),
        new RouteRule("/v3/dss/quotient_familial", RouteMatch.Any, ["b"], false),
        new RouteRule("/api/introspect", RouteMatch.Any, [], false),
    ]);

    [Theory]
    [InlineData("/api/v2/composition-familiale", "/api/v2/composition-familiale")]
    [InlineData("/api/v2/composition-familiale/", "/api/v2/composition-familiale")]
    [InlineData("/api/v2/composition-familiale/x/y", "/api/v2/composition-familiale")]
    [InlineData("/api/v2/composition-familiale-v2", "/api/v2/composition-familiale-v2")]
    [InlineData("/api/v2/composition-familiale-v2/x", "/api/v2/composition-familiale-v2")]
    [InlineData("/v3/dss/quotient_familial/identite", "/v3/dss/quotient_familial")]
    [InlineData("/v3/dss/autre", "/v3")]
    [InlineData("/v3", "/v3")]
    [InlineData("/api/v2/avis-imposition/2024", "/api/v2/avis-imposition")]
    public void A_path_matches_the_longest_prefix_on_a_segment_boundary(string path, string prefix) =>
        Assert.Equal(prefix, Table.Find(path)?.PathPrefix);

    [Theory]
    [InlineData("/api/v2/composition-familialeX")]
    [InlineData("/api/v2/Composition-familiale")]
    [InlineData("/api/v2")]
    [InlineData("/v3x")]
    [InlineData("/")]
    [InlineData("/api")]
    public void A_path_outside_every_prefix_or_differing_in_case_matches_nothing(string path) => Assert.Null(Table.Find(path));

    [Fact]
    public void A_retired_route_still_decides_but_is_not_open()
    {
        Assert.True(Table.Find("/api/v2/avis-imposition")!.IsRetired);
        Assert.Null(Table.FindOpen("/api/v2/avis-imposition/2024"));
        Assert.NotNull(Table.FindOpen("/api/v2/composition-familiale"));
    }

    [Fact]
    public void A_root_route_catches_every_path_but_itself_only_when_it_is_the_path()
    {
        var table = new RouteTable([new RouteRule("/", RouteMatch.Any, [], false), new RouteRule("/a", RouteMatch.Any, ["x"], false)]);
        Assert.Equal("/", table.Find("/b/c")?.PathPrefix);
        Assert.Equal("/a", table.Find("/a/b")?.PathPrefix);
        Assert.Equal("/", table.Find("/")?.PathPrefix);
    }

    [Fact]
    public void Any_needs_one_granted_scope_all_needs_every_one_and_none_admits_every_key()
    {
        var any = Table.Find("/api/v2/composition-familiale")!;
        var all = Table.Find("/api/v2/composition-familiale-v2")!;
        var open = Table.Find("/api/introspect")!;

        Assert.True(any.AdmitsScopes(new HashSet<string> { "cnaf_enfants" }));
        Assert.False(any.AdmitsScopes(new HashSet<string> { "autre" }));
        Assert.False(all.AdmitsScopes(new HashSet<string> { "cnaf_enfants" }));
        Assert.True(all.AdmitsScopes(new HashSet<string> { "cnaf_enfants", "cnaf_quotient_familial", "autre" }));
        Assert.True(open.AdmitsScopes(new HashSet<string>()));
        Assert.False(any.AdmitsScopes(new HashSet<string>()));
    }
}

public sealed class ForwardedPathTests
{
    [Theory]
    [InlineData("/api/v2/x?codePostal=75001", "/api/v2/x")]
    [InlineData("/api/v2/x/", "/api/v2/x")]
    [InlineData("/api/v2/x//", "/api/v2/x")]
    [InlineData("/", "/")]
    [InlineData("/api/v2/caf%C3%A9", "/api/v2/café")]
    [InlineData("/api/v2/café-\U0001F642", "/api/v2/café-\U0001F642")]
    [InlineData("/api/v2/%2561", "/api/v2/%61")]
    [InlineData("/api/v2/a.b/..c", "/api/v2/a.b/..c")]
    [InlineData("/api/v2/x#frag", "/api/v2/x")]
    public void A_path_is_decoded_once_without_its_query_nor_trailing_slash(string uri, string expected) =>
        Assert.Equal(expected, ForwardedPath.Normalize(uri));

    [Theory]
    [InlineData("/api/../x")]
    [InlineData("/api/./x")]
    [InlineData("/api/..")]
    [InlineData("/api/%2E%2E/x")]
    [InlineData("/api/%2e/x")]
    [InlineData("/api%2Fx")]
    [InlineData("/api%2fx")]
    [InlineData("/api\\x")]
    [InlineData("/api%5cx")]
    [InlineData("/api%0Ax")]
    [InlineData("/api%7Fx")]
    [InlineData("/api\tx")]
    [InlineData("/api%")]
    [InlineData("/api%4")]
    [InlineData("/api%G1")]
    [InlineData("/api%C3")]
    [InlineData("/api/\uFFFE")]
    [InlineData("/api/%EF%BF%BF")]
    [InlineData("/api/%ED%A0%80")]
    [InlineData("/api/a\0b")]
    [InlineData("api/x")]
    [InlineData("")]
    [InlineData("?x=1")]
    [InlineData("https://example.org/api")]
    public void A_path_with_dot_segments_encoded_slashes_backslashes_controls_or_bad_escapes_is_invalid(string uri) =>
        Assert.Null(ForwardedPath.Normalize(uri));

    [Fact]
    public void A_path_with_a_lone_surrogate_is_invalid_and_a_pair_is_text()
    {
        // Built here: xunit would replace a lone surrogate written in [InlineData] by U+FFFD before the test sees it.
        string[] lone = ["/api/" + '\uD800' + "x", "/api/x" + '\uDC00', "/api/x" + '\uD800', "/api/%41" + '\uD800', "/api/%41" + '\uDC00' + "x", "/api/%41" + '\uD800' + '\uD800'];
        foreach (var uri in lone) Assert.Null(ForwardedPath.Normalize(uri));
        Assert.Equal("/api/x\U0001F642", ForwardedPath.Normalize("/api/x\U0001F642"));
        Assert.Equal("/api/A\U0001F642", ForwardedPath.Normalize("/api/%41\U0001F642"));
    }
}
