using System.Net;
using Admin.Domain.UseCases;
using Admin.Domain.Users;
using Admin.Infrastructure.Seed;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Features.Administration;

public sealed class UseCasesTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static Dictionary<string, string> Form(string title, params (string Code, string Role)[] scopes)
    {
        var form = new Dictionary<string, string>
        {
            ["Title"] = title, ["Audience"] = "Communes", ["LegalBasisHint"] = "Joignez la délibération.", ["LegalBasisUrl"] = "",
        };
        foreach (var (code, role) in scopes) form[$"Scopes[{code}]"] = role;
        return form;
    }

    [Fact]
    public async Task The_seed_creates_every_use_case_of_the_json_file_with_its_scope_roles_and_they_are_listed_for_administrators()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);

        var page = await administrator.GetAsync("/admin/cas-usage");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var seeded = ReferenceDataSeeder.ReadUseCases().Select(u => u.Code).ToList();
        Assert.Equal(7, seeded.Count);
        Assert.All(seeded, code => Assert.NotNull(page.Document.QuerySelector($"#use-cases tr[data-use-case='{code}']")));
        var eaje = await app.WithDbAsync(db => db.UseCases.AsNoTracking().SingleAsync(u => u.Code == "tarification_eaje"));
        Assert.Equal(4, eaje.FixedScopes.Count);
        Assert.Equal(eaje.OfferedScopes.Order(), eaje.FixedScopes.Order());
        var ccas = await app.WithDbAsync(db => db.UseCases.AsNoTracking().SingleAsync(u => u.Code == "ccas"));
        Assert.Equal(["cnaf_quotient_familial"], ccas.PreselectedScopes);
        Assert.StartsWith("https://www.legifrance.gouv.fr/", ccas.LegalBasisUrl);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_keeps_what_administrators_changed()
    {
        var before = await app.WithDbAsync(db => db.UseCases.CountAsync());
        await app.WithDbAsync(async db =>
        {
            var ccas = await db.UseCases.SingleAsync(u => u.Code == "gestion_rh_secteur_public");
            ccas.Retire(Guid.NewGuid(), DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);
        }

        var all = await app.WithDbAsync(db => db.UseCases.AsNoTracking().ToListAsync());
        Assert.Equal(before, all.Count);
        Assert.True(all.Single(u => u.Code == "gestion_rh_secteur_public").IsRetired);
    }

    [Fact]
    public async Task Adding_a_use_case_without_title_nor_scope_is_refused_next_to_the_fields_and_keeps_what_was_typed()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        var form = Form("");
        form["Code"] = "cantine_vide";

        var page = await administrator.SubmitAsync("/admin/cas-usage/nouveau", form);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Saisissez le titre du cas d'usage.", page.ErrorsFor("Title"));
        Assert.Contains("Proposez au moins une donnée.", page.Document.GetElementById("Scopes-messages")!.TextContent);
        Assert.Equal("cantine_vide", page.ValueOf("Code"));
        Assert.Contains(page.Document.QuerySelectorAll("#error-summary a"), a => a.GetAttribute("href") == "#Scopes");
        Assert.StartsWith("Erreur : ", page.Document.Title);
        Assert.False(await app.WithDbAsync(db => db.UseCases.AnyAsync(u => u.Code == "cantine_vide")));
    }

    [Fact]
    public async Task Adding_a_use_case_with_a_code_already_taken_is_refused_at_the_code()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        var form = Form("Doublon", ("cnaf_quotient_familial", "Offered"));
        form["Code"] = "ccas";

        var page = await administrator.SubmitAsync("/admin/cas-usage/nouveau", form);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Ce code est déjà celui d'un autre cas d'usage.", page.ErrorsFor("Code"));
    }

    [Fact]
    public async Task A_use_case_added_edited_then_retired_is_audited_offered_to_partners_then_no_longer()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);
        var code = $"cas_{Guid.NewGuid():N}"[..20];
        var form = Form("Bourses communales", ("cnaf_quotient_familial", "Fixed"), ("cnaf_enfants", "Preselected"), ("cnaf_adresse", "Offered"), ("cnaf_allocataires", "None"));
        form["Code"] = code;

        var added = await administrator.SubmitAsync("/admin/cas-usage/nouveau", form);

        Assert.Equal("/admin/cas-usage", added.Location);
        var useCase = await app.WithDbAsync(db => db.UseCases.AsNoTracking().SingleAsync(u => u.Code == code));
        Assert.Equal(["cnaf_quotient_familial"], useCase.FixedScopes);
        Assert.Equal(["cnaf_quotient_familial", "cnaf_enfants"], useCase.PreselectedScopes.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(3, useCase.OfferedScopes.Count);
        var partner = await app.SignedInAsync(await app.PartnerWithOrganizationAsync());
        Assert.NotNull((await partner.GetAsync("/demandes/nouvelle")).Document.GetElementById($"UseCase-{code}"));

        var editPage = await administrator.GetAsync($"/admin/cas-usage/{useCase.Id}/modifier");
        Assert.Equal("Fixed", editPage.Document.QuerySelector("select[name='Scopes[cnaf_quotient_familial]'] option[selected]")!.GetAttribute("value"));
        var edited = await administrator.SubmitAsync($"/admin/cas-usage/{useCase.Id}/modifier", Form("Bourses communales 2026", ("cnaf_enfants", "Offered")));
        Assert.Equal("/admin/cas-usage", edited.Location);
        var stored = await app.WithDbAsync(db => db.UseCases.AsNoTracking().SingleAsync(u => u.Id == useCase.Id));
        Assert.Equal(("Bourses communales 2026", code), (stored.Title, stored.Code));
        Assert.Equal(["cnaf_enfants"], stored.OfferedScopes);

        var confirm = await administrator.GetAsync($"/admin/cas-usage/{useCase.Id}/retirer");
        Assert.Contains("Bourses communales 2026", confirm.Text);
        var retired = await administrator.SubmitAsync($"/admin/cas-usage/{useCase.Id}/retirer", new Dictionary<string, string>());
        Assert.Equal("/admin/cas-usage", retired.Location);
        Assert.True((await app.WithDbAsync(db => db.UseCases.AsNoTracking().SingleAsync(u => u.Id == useCase.Id))).IsRetired);
        Assert.Null((await partner.GetAsync("/demandes/nouvelle")).Document.GetElementById($"UseCase-{code}"));

        var actions = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.AggregateId == useCase.Id).OrderBy(a => a.OccurredAt).Select(a => new { a.Action, a.ActorId }).ToListAsync());
        Assert.Equal(["use_case.created", "use_case.edited", "use_case.retired"], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal(administratorId, a.ActorId));
    }

    [Theory]
    [InlineData(Roles.Instructor)]
    [InlineData(Roles.Auditor)]
    public async Task Other_staff_get_403_on_the_use_case_pages_and_change_nothing(string role)
    {
        var staff = await app.StaffWithTwoFactorAsync(role);
        var ccas = await app.WithDbAsync(db => db.UseCases.AsNoTracking().SingleAsync(u => u.Code == "ccas"));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/cas-usage")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/admin/cas-usage/{ccas.Id}/modifier", Form("Piraté", ("cnaf_enfants", "Fixed")))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/admin/cas-usage/{ccas.Id}/retirer", new Dictionary<string, string>())).Status);
        var stored = await app.WithDbAsync(db => db.UseCases.AsNoTracking().SingleAsync(u => u.Id == ccas.Id));
        Assert.Equal(("Aides sociales des CCAS", false), (stored.Title, stored.IsRetired));
    }
}
