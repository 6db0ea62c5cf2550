using System.Net;
using Admin.Domain.Users;
using Admin.Infrastructure.Seed;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Administration;

public sealed class GatewayRoutesTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static Dictionary<string, string> Form(string path, string match, string scopes, bool retired = false) => new()
    {
        ["PathPrefix"] = path, ["Match"] = match, ["Scopes"] = scopes, ["IsRetired"] = retired ? "true" : "false", ["Note"] = "",
    };

    [Fact]
    public async Task The_seed_creates_every_route_of_the_json_file_and_administrators_list_and_search_them()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);

        var page = await administrator.GetAsync("/admin/routes");
        var searched = await administrator.GetAsync("/admin/routes?q=pole_emploi_paiements");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var seeded = ReferenceDataSeeder.ReadRoutes();
        Assert.Equal(28, seeded.Count);
        Assert.Equal(seeded.Count, page.Document.QuerySelectorAll("#routes tr[data-route]").Length);
        Assert.Contains("Retirée", page.Document.QuerySelector("#routes tr[data-route='/api/v2/avis-imposition']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/api/v2/paiements-pole-emploi", "/v3/france_travail/indemnites"],
            searched.Document.QuerySelectorAll("#routes tr[data-route]").Select(r => r.GetAttribute("data-route")!));
    }

    [Fact]
    public async Task A_new_route_is_applied_by_the_gateway_at_once_and_retiring_it_refuses_its_paths()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        var key = await app.GatewayKeyAsync(["cnaf_quotient_familial"], ratePerSecond: 100);
        var credential = await app.GatewayCredentialAsync();
        var gateway = app.CreateClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await gateway.ForwardAuthAsync(credential, key.Secret, "/v4/nouvelle/route")).StatusCode);

        var added = await administrator.SubmitAsync("/admin/routes/nouvelle", Form("/v4/nouvelle/", "All", "cnaf_quotient_familial\ncnaf_enfants"), "/admin/routes/nouvelle");
        Assert.Equal("/admin/routes", added.Location);
        var insufficient = await gateway.ForwardAuthAsync(credential, key.Secret, "/v4/nouvelle/route");
        Assert.Equal("INSUFFICIENT_SCOPE", insufficient.Header("X-Api-Particulier-Code"));

        var route = await app.WithDbAsync(db => db.GatewayRoutes.AsNoTracking().SingleAsync(r => r.PathPrefix == "/v4/nouvelle"));
        var edited = await administrator.SubmitAsync($"/admin/routes/{route.Id}/modifier", Form("/v4/nouvelle", "Any", "cnaf_quotient_familial cnaf_enfants"), $"/admin/routes/{route.Id}/modifier");
        Assert.Equal("/admin/routes", edited.Location);
        Assert.Equal("VALID", (await gateway.ForwardAuthAsync(credential, key.Secret, "/v4/nouvelle/route")).Header("X-Api-Particulier-Code"));

        await administrator.SubmitAsync($"/admin/routes/{route.Id}/modifier", Form("/v4/nouvelle", "Any", "cnaf_quotient_familial", retired: true), $"/admin/routes/{route.Id}/modifier");
        Assert.Equal("ROUTE_NOT_FOUND", (await gateway.ForwardAuthAsync(credential, key.Secret, "/v4/nouvelle/route")).Header("X-Api-Particulier-Code"));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.AggregateId == route.Id && a.AggregateType == "GatewayRoute")));
    }

    [Fact]
    public async Task A_bad_path_a_taken_path_and_unknown_scopes_are_shown_next_to_their_fields_with_what_was_typed()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);

        var bad = await administrator.SubmitAsync("/admin/routes/nouvelle", Form("api/sans-barre?x=1", "Any", "inconnu_1 cnaf_enfants"), "/admin/routes/nouvelle");
        var taken = await administrator.SubmitAsync("/admin/routes/nouvelle", Form("/api/v2/composition-familiale/", "Any", ""), "/admin/routes/nouvelle");

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("commencer par « / »", string.Join(" ", bad.ErrorsFor("PathPrefix")), StringComparison.Ordinal);
        Assert.Contains("inconnu_1", string.Join(" ", bad.ErrorsFor("Scopes")), StringComparison.Ordinal);
        Assert.Equal("api/sans-barre?x=1", bad.ValueOf("PathPrefix"));
        Assert.Contains("Une route existe déjà pour /api/v2/composition-familiale", string.Join(" ", taken.ErrorsFor("PathPrefix")), StringComparison.Ordinal);
        Assert.StartsWith("Erreur", bad.Document.Title, StringComparison.Ordinal);
    }
}
