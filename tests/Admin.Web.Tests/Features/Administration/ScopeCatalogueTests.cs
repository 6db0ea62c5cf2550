using System.Net;
using System.Text.Json;
using Admin.Domain.Authorizations;
using Admin.Domain.Scopes;
using Admin.Domain.Users;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Administration;

public sealed class ScopeCatalogueTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [Fact]
    public async Task Get_as_administrator_lists_scopes_by_provider_with_their_french_names_and_retired_ones_marked()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);

        var page = await administrator.GetAsync("/admin/perimetres");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var cnaf = page.Document.GetElementById("provider-CNAF")!;
        Assert.Contains("Caisse nationale des allocations familiales", cnaf.QuerySelector("caption")!.TextContent);
        var quotient = cnaf.QuerySelector("tr[data-scope='cnaf_quotient_familial']")!;
        Assert.Equal("Quotient familial CAF & MSA", quotient.QuerySelector("td")!.TextContent.Trim());
        Assert.Contains("Proposé", quotient.TextContent);
        Assert.Contains("Retiré", page.Document.QuerySelector($"tr[data-scope='{RequestArrange.RetiredScope}']")!.TextContent);
    }

    [Theory]
    [InlineData(Roles.Instructor)]
    [InlineData(Roles.Auditor)]
    public async Task Get_and_post_as_other_staff_are_refused_and_change_nothing(string role)
    {
        var staff = await app.StaffWithTwoFactorAsync(role);
        var code = NewCode();
        var before = await CatalogueAsync();

        foreach (var url in new[] { "/admin/perimetres", "/admin/perimetres/nouveau", "/admin/perimetres/cnaf_quotient_familial/modifier", "/admin/perimetres/cnaf_quotient_familial/retirer" })
        {
            var page = await staff.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"GET {url} answered {(int)page.Status}");
        }

        await staff.GetAsync("/instruction");
        var posts = new Dictionary<string, Dictionary<string, string>>
        {
            ["/admin/perimetres/nouveau"] = new() { ["Code"] = code, ["ProviderCode"] = "CNAF", ["Label"] = "Intrus" },
            ["/admin/perimetres/cnaf_quotient_familial/modifier"] = new() { ["Label"] = "Renommé" },
            ["/admin/perimetres/cnaf_quotient_familial/retirer"] = [],
        };
        foreach (var (url, fields) in posts)
        {
            var page = await staff.PostAsync(url, fields);
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"POST {url} answered {(int)page.Status}");
        }

        Assert.Equal(before, await CatalogueAsync());
    }

    [Theory]
    [InlineData("Pas-Valide", "CNAF", "Nom", "Code", "Le code d'un périmètre ne contient que des minuscules, des chiffres et des tirets bas.")]
    [InlineData("cnaf_quotient_familial", "CNAF", "Nom", "Code", "Ce code existe déjà dans le catalogue.")]
    [InlineData("new", "", "Nom", "ProviderCode", "Choisissez l'un des fournisseurs de données du catalogue.")]
    [InlineData("new", "INCONNU", "Nom", "ProviderCode", "Choisissez l'un des fournisseurs de données du catalogue.")]
    [InlineData("new", "CNAF", " ", "Label", "Saisissez le nom du périmètre en français.")]
    public async Task Post_add_with_bad_input_shows_the_message_next_to_the_field_keeps_what_was_typed_and_adds_nothing(
        string code, string provider, string label, string field, string message)
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        code = code == "new" ? NewCode() : code;
        var before = await CatalogueAsync();

        var page = await administrator.SubmitAsync("/admin/perimetres/nouveau", new Dictionary<string, string>
        {
            ["Code"] = code, ["ProviderCode"] = provider, ["Label"] = label, ["Description"] = "Une description",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor(field));
        Assert.Equal(code, page.ValueOf("Code"));
        Assert.Equal("Une description", page.ValueOf("Description"));
        Assert.Equal(before, await CatalogueAsync());
    }

    [Fact]
    public async Task Post_add_stores_an_offered_scope_of_the_provider_audits_it_and_the_wizard_offers_it()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);
        var code = NewCode();

        var added = await administrator.SubmitAsync("/admin/perimetres/nouveau", new Dictionary<string, string>
        {
            ["Code"] = code, ["ProviderCode"] = "CNAF", ["Label"] = "  Montant du RSA  ", ["Description"] = "",
        });

        Assert.Equal("/admin/perimetres", added.Location);
        var scope = await app.WithDbAsync(db => db.Scopes.AsNoTracking().SingleAsync(s => s.Code == code));
        var cnaf = await app.WithDbAsync(db => db.Scopes.AsNoTracking().FirstAsync(s => s.Code == "cnaf_quotient_familial"));
        Assert.Equal(("CNAF", cnaf.ProviderName, "Montant du RSA", null, false),
            (scope.ProviderCode, scope.ProviderName, scope.Label, scope.Description, scope.IsRetired));
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == ScopeEvent.AggregateIdOf(code)));
        Assert.Equal(("scope.added", administratorId), (audit.Action, audit.ActorId!.Value));
        var (_, applicant, request) = await app.SignedInApplicantWithDraftAsync();
        Assert.NotNull((await applicant.GetAsync(RequestArrange.StepUrl(request, "donnees"))).Document.QuerySelector($"input[name='Form.Scopes'][value='{code}']"));
    }

    [Fact]
    public async Task Post_edit_changes_the_name_and_description_keeps_the_code_and_audits_the_previous_ones()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);
        var code = await AddedScopeAsync(administrator);

        var form = await administrator.GetAsync($"/admin/perimetres/{code}/modifier");
        Assert.Equal("Donnée de test", form.ValueOf("Label"));
        var edited = await administrator.PostAsync($"/admin/perimetres/{code}/modifier", new Dictionary<string, string>
        {
            ["Label"] = "Donnée renommée", ["Description"] = "Ce que contient la donnée.",
        });

        Assert.Equal("/admin/perimetres", edited.Location);
        var scope = await app.WithDbAsync(db => db.Scopes.AsNoTracking().SingleAsync(s => s.Code == code));
        Assert.Equal(("Donnée renommée", "Ce que contient la donnée."), (scope.Label, scope.Description));
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == ScopeEvent.AggregateIdOf(code) && a.Action == "scope.described"));
        Assert.Equal(administratorId, audit.ActorId);
        using var data = JsonDocument.Parse(audit.Data!);
        Assert.Equal("Donnée de test", data.RootElement.GetProperty("previousLabel").GetString());
    }

    [Fact]
    public async Task Post_edit_with_a_name_too_long_shows_the_message_next_to_it_and_keeps_what_was_typed()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        var code = await AddedScopeAsync(administrator);
        var tooLong = new string('n', Scope.LabelMaxLength + 1);

        var page = await administrator.SubmitAsync($"/admin/perimetres/{code}/modifier", new Dictionary<string, string>
        {
            ["Label"] = tooLong, ["Description"] = "Gardée",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains($"Le nom ne peut pas dépasser {Scope.LabelMaxLength} caractères.", page.ErrorsFor("Label"));
        Assert.Equal(tooLong, page.ValueOf("Label"));
        Assert.Equal("Gardée", page.ValueOf("Description"));
        Assert.Equal("Donnée de test", (await app.WithDbAsync(db => db.Scopes.AsNoTracking().SingleAsync(s => s.Code == code))).Label);
        Assert.Equal(HttpStatusCode.NotFound, (await administrator.GetAsync("/admin/perimetres/inconnu/modifier")).Status);
    }

    [Fact]
    public async Task Post_retire_after_confirmation_audits_and_the_scope_can_no_longer_be_requested_nor_granted()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);
        var code = await AddedScopeAsync(administrator);
        var (_, applicant, draft) = await app.SignedInApplicantWithDraftAsync(complete: true);
        var submitted = await app.SubmittedWithScopesAsync(await app.PartnerWithOrganizationAsync(), "Tarif social", code);

        var confirm = await administrator.GetAsync($"/admin/perimetres/{code}/retirer");
        Assert.Contains(code, confirm.Document.QuerySelector(".fr-text--lead")?.TextContent);
        Assert.False((await app.WithDbAsync(db => db.Scopes.AsNoTracking().SingleAsync(s => s.Code == code))).IsRetired);
        var retired = await administrator.PostAsync($"/admin/perimetres/{code}/retirer", new Dictionary<string, string>());

        Assert.Equal("/admin/perimetres", retired.Location);
        Assert.True((await app.WithDbAsync(db => db.Scopes.AsNoTracking().SingleAsync(s => s.Code == code))).IsRetired);
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == ScopeEvent.AggregateIdOf(code) && a.Action == "scope.retired"));
        Assert.Equal((administratorId, "Retired"), (audit.ActorId!.Value, audit.ToState));

        var form = RequestArrange.ValidForms["donnees"];
        form["Form.Scopes"] = code;
        var wizard = await applicant.SubmitAsync(RequestArrange.StepUrl(draft, "donnees"), form.Draft());
        Assert.Equal(HttpStatusCode.OK, wizard.Status);
        Assert.Contains($"La donnée « {code} » n'existe pas ou n'est plus proposée.", wizard.ErrorsFor("Form.Scopes"));

        var offerable = await app.WithDbAsync(db => db.OfferableScopesAsync(CancellationToken.None));
        var grant = Grant.Create([code], submitted.Scopes, offerable, null, null, null, null, DateTimeOffset.UtcNow);
        Assert.Equal(["authorization.scope_retired"], grant.Errors.Select(e => e.Code));
    }

    private async Task<string> AddedScopeAsync(Browser administrator)
    {
        var code = NewCode();
        var added = await administrator.SubmitAsync("/admin/perimetres/nouveau", new Dictionary<string, string>
        {
            ["Code"] = code, ["ProviderCode"] = "CNOUS", ["Label"] = "Donnée de test",
        });
        Assert.Equal("/admin/perimetres", added.Location);
        return code;
    }

    private static string NewCode() => "test_" + Guid.NewGuid().ToString("N")[..12];

    private Task<string> CatalogueAsync() => app.WithDbAsync(async db =>
        string.Join("|", (await db.Scopes.AsNoTracking().OrderBy(s => s.Code).ToListAsync())
            .Select(s => $"{s.Code}:{s.Label}:{s.Description}:{s.IsRetired}")));
}
