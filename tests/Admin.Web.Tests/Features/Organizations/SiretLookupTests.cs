using System.Net;
using Admin.Domain.Organizations;
using Admin.Web.Features.Organizations;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Organizations;

/// <summary>"Rechercher" beside the SIRET of the registration form, against the stub directory (no JavaScript involved).</summary>
public sealed class SiretLookupTests(SireneWebFactory app) : IClassFixture<SireneWebFactory>
{
    private const string Url = "/organisations/nouvelle";

    private static Dictionary<string, string> Typed(string siret) => new()
    {
        ["intent"] = "lookup",
        ["Siret"] = siret,
        ["Name"] = "Nom saisi",
        ["Kind"] = nameof(OrganizationKind.Autre),
        ["Address.Street"] = "Rue saisie",
        ["Address.PostalCode"] = "75001",
        ["Address.City"] = "Ville saisie",
    };

    private static string? Note(Page page) => page.Document.GetElementById("siret-lookup-note")?.TextContent.Trim();

    [Fact]
    public async Task Get_form_offers_the_lookup_button_when_the_directory_is_configured()
    {
        var browser = await app.SignedInAsync(await app.PartnerWithoutOrganizationAsync());

        var page = await browser.GetAsync(Url);

        Assert.Equal("lookup", page.Document.GetElementById("siret-lookup")?.GetAttribute("value"));
        Assert.Null(Note(page));
    }

    [Fact]
    public async Task Post_lookup_of_found_siret_fills_name_address_and_kind_and_registers_nothing()
    {
        var partner = await app.PartnerWithoutOrganizationAsync();
        var browser = await app.SignedInAsync(partner);

        var page = await browser.SubmitAsync(Url, Typed("216 902 668 00013"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("216 902 668 00013", page.ValueOf("Siret"));
        Assert.Equal("COMMUNE DE VILLEURBANNE", page.ValueOf("Name"));
        Assert.Equal(nameof(OrganizationKind.Commune), page.SelectedIn("Kind"));
        Assert.Equal(("PLACE LAZARE GOUJON", "69100", "VILLEURBANNE"),
            (page.ValueOf("Address.Street"), page.ValueOf("Address.PostalCode"), page.ValueOf("Address.City")));
        Assert.Equal(SiretLookup.FoundNote, Note(page));
        Assert.False(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.UserId == partner.User.Id)));
    }

    [Fact]
    public async Task Post_lookup_of_closed_establishment_says_it_is_closed_and_still_fills_the_fields()
    {
        var browser = await app.SignedInAsync(await app.PartnerWithoutOrganizationAsync());

        var page = await browser.SubmitAsync(Url, Typed(SireneStub.Closed));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Cet établissement est fermé", Note(page));
        Assert.Contains("fr-alert--warning", page.Document.GetElementById("siret-lookup-note")!.ClassName);
        Assert.Equal("12 RUE DE L'ANCIENNE ECOLE", page.ValueOf("Address.Street"));
    }

    [Theory]
    [InlineData(SireneStub.Unknown, SiretLookup.NotFoundNote)]
    [InlineData(SireneStub.Malformed, SiretLookup.UnavailableNote)]
    [InlineData(SireneStub.ServerError, SiretLookup.UnavailableNote)]
    public async Task Post_lookup_without_an_answer_keeps_everything_typed_with_a_note(string siret, string note)
    {
        var browser = await app.SignedInAsync(await app.PartnerWithoutOrganizationAsync());
        var typed = Typed(siret);

        var page = await browser.SubmitAsync(Url, typed);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(note, Note(page));
        foreach (var field in new[] { "Siret", "Name", "Address.Street", "Address.PostalCode", "Address.City" })
        {
            Assert.Equal(typed[field], page.ValueOf(field));
        }

        Assert.Equal(nameof(OrganizationKind.Autre), page.SelectedIn("Kind"));
    }

    [Fact]
    public async Task Post_lookup_of_invalid_siret_shows_the_message_next_to_it_and_keeps_values()
    {
        var browser = await app.SignedInAsync(await app.PartnerWithoutOrganizationAsync());
        var typed = Typed("1234 5678");

        var page = await browser.SubmitAsync(Url, typed);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Le numéro SIRET doit comporter 14 chiffres.", page.ErrorsFor("Siret"));
        Assert.Equal(typed["Name"], page.ValueOf("Name"));
        Assert.Null(Note(page));
    }

    [Fact]
    public async Task Post_register_after_a_lookup_stores_what_the_partner_corrected()
    {
        var partner = await app.PartnerWithoutOrganizationAsync();
        var browser = await app.SignedInAsync(partner);
        var looked = await browser.SubmitAsync(Url, Typed(SireneStub.Found));
        var form = new Dictionary<string, string>
        {
            ["Siret"] = looked.ValueOf("Siret")!,
            ["Name"] = "Ville de Villeurbanne",
            ["Kind"] = looked.SelectedIn("Kind")!,
            ["Address.Street"] = looked.ValueOf("Address.Street")!,
            ["Address.PostalCode"] = looked.ValueOf("Address.PostalCode")!,
            ["Address.City"] = looked.ValueOf("Address.City")!,
        };

        var page = await browser.PostAsync(Url, form);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var stored = await app.WithDbAsync(db => db.Organizations.AsNoTracking()
            .SingleAsync(o => o.Memberships.Any(m => m.UserId == partner.User.Id)));
        Assert.Equal((SireneStub.Found, "Ville de Villeurbanne", OrganizationKind.Commune, "PLACE LAZARE GOUJON"),
            (stored.Siret.Value, stored.Name, stored.Kind, stored.Address.Street));
    }
}
