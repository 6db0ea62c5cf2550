using System.Net;
using Admin.Domain.Organizations;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Organizations;

public sealed class RegisterOrganizationTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private const string Url = "/organisations/nouvelle";

    private static Dictionary<string, string> Form(string siret) => new()
    {
        ["Siret"] = siret,
        ["Name"] = "Ville de Villeurbanne",
        ["Kind"] = nameof(OrganizationKind.Commune),
        ["Address.Street"] = "Place Lazare-Goujon",
        ["Address.PostalCode"] = "69100",
        ["Address.City"] = "Villeurbanne",
    };

    private static string Spaced(string siret) => $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}";

    [Fact]
    public async Task Post_valid_form_registers_organization_with_creator_as_applicant_and_makes_it_current()
    {
        // Already a member of "Commune de Test", which comes first: the new one is current only if we switched to it.
        var partner = await app.PartnerWithOrganizationAsync();
        var browser = await app.SignedInAsync(partner);
        var siret = Arrange.NewSiret();

        var page = await browser.SubmitAsync(Url, Form(Spaced(siret)));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/espace-partenaire", page.Location);
        var stored = await app.WithDbAsync(db => db.Organizations.AsNoTracking().Include(o => o.Memberships)
            .SingleAsync(o => o.Name == "Ville de Villeurbanne" && o.Memberships.Any(m => m.UserId == partner.User.Id)));
        Assert.Equal(siret, stored.Siret.Value);
        Assert.Equal(OrganizationKind.Commune, stored.Kind);
        Assert.Equal(("Place Lazare-Goujon", "69100", "Villeurbanne"), (stored.Address.Street, stored.Address.PostalCode, stored.Address.City));
        var membership = Assert.Single(stored.Memberships);
        Assert.Equal((partner.User.Id, MembershipRole.Applicant), (membership.UserId, membership.Role));
        Assert.True(await app.AuditedAsync(stored.Id, "organization.registered", partner.User.Id));

        var home = await browser.FollowAsync(page);
        Assert.Contains("« Ville de Villeurbanne » est inscrite", home.Text);
        var list = await browser.GetAsync("/organisations");
        var currentRow = list.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Organisation courante"));
        Assert.Contains("Ville de Villeurbanne", currentRow.TextContent);
    }

    [Fact]
    public async Task Post_already_registered_siret_shows_message_next_to_siret_and_keeps_values()
    {
        var existing = await app.PartnerWithOrganizationAsync();
        var partner = await app.PartnerWithoutOrganizationAsync();
        var browser = await app.SignedInAsync(partner);
        var form = Form(Spaced(existing.Organization.Siret.Value));

        var page = await browser.SubmitAsync(Url, form);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Cette organisation est déjà inscrite : demandez à l'un de ses demandeurs de vous inviter.", page.ErrorsFor("Siret"));
        Assert.Equal(form["Siret"], page.ValueOf("Siret"));
        Assert.Equal(form["Name"], page.ValueOf("Name"));
        Assert.Equal(form["Address.City"], page.ValueOf("Address.City"));
        Assert.Equal(nameof(OrganizationKind.Commune), page.SelectedIn("Kind"));
        Assert.False(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.UserId == partner.User.Id)));
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "Siret", "", OrganizationErrors.SiretRequired.Message },
        { "Siret", "1234 5678", "Le numéro SIRET doit comporter 14 chiffres." },
        { "Siret", "CHECKSUM", "Ce numéro SIRET n'est pas valide : vérifiez les chiffres saisis." },
        { "Name", "", "Indiquez le nom de l'organisation." },
        { "Name", new string('a', Organization.NameMaxLength + 1), OrganizationErrors.NameTooLong.Message },
        { "Kind", "", "Choisissez le type d'organisation dans la liste." },
        { "Address.Street", "", OrganizationErrors.StreetRequired.Message },
        { "Address.Street", new string('a', Address.StreetMaxLength + 1), OrganizationErrors.StreetTooLong.Message },
        { "Address.PostalCode", "6910", "Le code postal doit comporter 5 chiffres." },
        { "Address.City", "", OrganizationErrors.CityRequired.Message },
        { "Address.City", new string('a', Address.CityMaxLength + 1), OrganizationErrors.CityTooLong.Message },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Post_with_invalid_field_shows_french_message_next_to_it_and_keeps_values(string field, string value, string message)
    {
        var partner = await app.PartnerWithoutOrganizationAsync();
        var browser = await app.SignedInAsync(partner);
        var siret = Arrange.NewSiret();
        var form = Form(siret);
        // The last digit is not doubled by Luhn: changing it always breaks the checksum.
        form[field] = value == "CHECKSUM" ? siret[..13] + (char)('0' + (siret[13] - '0' + 1) % 10) : value;

        var page = await browser.SubmitAsync(Url, form);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor(field));
        Assert.NotNull(page.Document.GetElementById("error-summary"));
        foreach (var kept in new[] { "Siret", "Name", "Address.Street", "Address.PostalCode", "Address.City" }.Where(f => f != field))
        {
            Assert.Equal(form[kept], page.ValueOf(kept));
        }

        if (field != "Kind") Assert.Equal(form["Kind"], page.SelectedIn("Kind"));
        Assert.False(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.UserId == partner.User.Id)));
    }

    [Fact]
    public async Task Post_empty_form_shows_a_message_next_to_every_field_at_once()
    {
        var browser = await app.SignedInAsync(await app.PartnerWithoutOrganizationAsync());

        var page = await browser.SubmitAsync(Url, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(OrganizationErrors.SiretRequired.Message, page.ErrorsFor("Siret"));
        Assert.Contains(OrganizationErrors.NameRequired.Message, page.ErrorsFor("Name"));
        Assert.Contains(OrganizationErrors.KindInvalid.Message, page.ErrorsFor("Kind"));
        Assert.Contains(OrganizationErrors.StreetRequired.Message, page.ErrorsFor("Address.Street"));
        Assert.Contains(OrganizationErrors.PostalCodeFormat.Message, page.ErrorsFor("Address.PostalCode"));
        Assert.Contains(OrganizationErrors.CityRequired.Message, page.ErrorsFor("Address.City"));
    }

    [Fact]
    public async Task Get_form_shows_kinds_with_french_labels()
    {
        var browser = await app.SignedInAsync(await app.PartnerWithoutOrganizationAsync());

        var page = await browser.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var options = page.Document.QuerySelectorAll("select[name='Kind'] option[value]:not([value=''])").Select(o => o.TextContent.Trim());
        Assert.Equal(Enum.GetValues<OrganizationKind>().Select(k => k.FrenchLabel()), options);
        Assert.NotNull(page.Document.QuerySelector("label[for='Kind']"));
    }

    [Fact]
    public async Task Get_form_as_anonymous_redirects_to_sign_in()
    {
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/compte/connexion", page.Location);
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_refused()
    {
        var partner = await app.PartnerWithoutOrganizationAsync();
        var browser = await app.SignedInAsync(partner);

        var page = await browser.PostAsync(Url, Form(Arrange.NewSiret()), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.False(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.UserId == partner.User.Id)));
    }

    [Fact]
    public async Task Get_form_without_a_configured_directory_offers_no_lookup()
    {
        var browser = await app.SignedInAsync(await app.PartnerWithoutOrganizationAsync());

        var page = await browser.GetAsync(Url);

        Assert.Null(page.Document.GetElementById("siret-lookup"));
        Assert.NotNull(page.Document.QuerySelector("[name='Siret']"));
    }

    [Fact]
    public async Task Post_lookup_without_a_configured_directory_keeps_everything_typed_and_says_to_type_it()
    {
        var partner = await app.PartnerWithoutOrganizationAsync();
        var browser = await app.SignedInAsync(partner);
        var form = Form(Arrange.NewSiret());
        form["intent"] = "lookup";

        var page = await browser.SubmitAsync(Url, form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Le service de recherche est indisponible, saisissez les informations.",
            page.Document.GetElementById("siret-lookup-note")?.TextContent.Trim());
        foreach (var field in new[] { "Siret", "Name", "Address.Street", "Address.PostalCode", "Address.City" })
        {
            Assert.Equal(form[field], page.ValueOf(field));
        }

        Assert.Equal(form["Kind"], page.SelectedIn("Kind"));
        Assert.False(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.UserId == partner.User.Id)));
    }

    [Fact]
    public async Task Get_with_a_siret_without_the_directory_fills_the_field_without_a_lookup()
    {
        var partner = await app.PartnerWithoutOrganizationAsync();
        var browser = await app.SignedInAsync(partner);
        var siret = Arrange.NewSiret();

        var page = await browser.GetAsync($"{Url}?siret={siret}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(siret, page.ValueOf("Siret"));
        Assert.Null(page.Document.GetElementById("siret-lookup-note"));
        Assert.Null(page.ValueOf("Name"));
    }
}
