using System.Net;
using Admin.Domain.Organizations;
using Admin.Domain.Users;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Features.Review;

/// <summary>
/// The staff queue. Each test gives its requests a unique organization name and searches for it, so
/// requests of the other tests sharing the database never interfere.
/// </summary>
public sealed class QueueTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private const string QueueUrl = "/instruction/demandes";

    [Fact]
    public async Task Get_as_partner_is_refused_and_shows_no_request()
    {
        var applicant = await app.PartnerWithOrganizationAsync($"Commune secrète {Guid.NewGuid():N}");
        await app.SubmittedAsync(applicant);
        var partner = await app.SignedInAsync(applicant);

        var page = await partner.GetAsync(QueueUrl);

        Assert.NotEqual(HttpStatusCode.OK, page.Status);
        Assert.True(page.Status == HttpStatusCode.Forbidden || page.Location?.Contains("/erreur/403") == true, $"{page.Status} {page.Location}");
        Assert.DoesNotContain("Commune secrète", page.Text);
    }

    [Theory]
    [InlineData(Roles.Instructor)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Auditor)]
    public async Task Get_as_staff_lists_the_requests_awaiting_staff_oldest_submission_first_and_nothing_else(string role)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var first = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync($"Ville A {tag}"), "Cantine");
        var sentBack = await app.ChangesRequestedAsync(await app.PartnerWithOrganizationAsync($"Ville B {tag}"), "Périscolaire");
        var approved = await app.ApprovedAsync(await app.PartnerWithOrganizationAsync($"Ville C {tag}"), "Crèche");
        var draft = await app.CompleteDraftAsync(await app.PartnerWithOrganizationAsync($"Ville D {tag}"));
        var staff = await app.StaffWithTwoFactorAsync(role);

        var page = await staff.GetAsync($"{QueueUrl}?q={tag}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([first.Id.ToString(), sentBack.Id.ToString()], RowIds(page));
        var sentBackRow = Row(page, sentBack.Id);
        Assert.Contains("En attente du demandeur depuis 0 jour(s)", sentBackRow);
        Assert.Contains($"n° {first.Number}", Row(page, first.Id));
        Assert.DoesNotContain(approved.Id.ToString(), page.Document.Body!.InnerHtml);
        Assert.DoesNotContain(draft.Id.ToString(), page.Document.Body!.InnerHtml);
    }

    [Fact]
    public async Task Search_finds_a_request_by_organization_name_siret_or_reference()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var applicant = await app.PartnerWithOrganizationAsync($"Métropole {tag}");
        var request = await app.SubmittedAsync(applicant);
        await app.SubmittedAsync(await app.PartnerWithOrganizationAsync($"Autre {tag}"));
        var staff = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        foreach (var search in new[] { $"métropole {tag}", applicant.Organization.Siret.Value, request.Reference.ToLowerInvariant(), "n° " + request.Reference[..6] })
        {
            var page = await staff.GetAsync($"{QueueUrl}?q={Uri.EscapeDataString(search)}");
            Assert.Contains(request.Id.ToString(), RowIds(page));
            Assert.All(RowIds(page), id => Assert.True(id == request.Id.ToString() || !search.Contains(tag), $"{search} found {id}"));
        }
    }

    [Fact]
    public async Task Filters_by_status_provider_organization_kind_and_assignee()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var cnaf = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync($"Commune {tag}"));
        var men = await app.SubmittedWithScopesAsync(await app.PartnerWithOrganizationAsync($"Département {tag}", OrganizationKind.Departement), "Bourses", "men_statut_scolarite");
        var sentBack = await app.ChangesRequestedAsync(await app.PartnerWithOrganizationAsync($"Région {tag}", OrganizationKind.Region));
        var (staff, staffId) = await app.StaffMemberSignedInAsync(Roles.Instructor);
        var mine = await app.TakenAsync(await app.PartnerWithOrganizationAsync($"EPCI {tag}", OrganizationKind.Epci), staffId);

        Assert.Equal([men.Id.ToString()], RowIds(await staff.GetAsync($"{QueueUrl}?q={tag}&fournisseur=MEN")));
        Assert.Equal([men.Id.ToString()], RowIds(await staff.GetAsync($"{QueueUrl}?q={tag}&type=Departement")));
        Assert.Equal([sentBack.Id.ToString()], RowIds(await staff.GetAsync($"{QueueUrl}?q={tag}&statut=ChangesRequested")));
        Assert.Equal([mine.Id.ToString()], RowIds(await staff.GetAsync($"{QueueUrl}?q={tag}&suivi=Mine")));
        Assert.DoesNotContain(mine.Id.ToString(), RowIds(await staff.GetAsync($"{QueueUrl}?q={tag}&suivi=Unassigned")));
        Assert.Contains(cnaf.Id.ToString(), RowIds(await staff.GetAsync($"{QueueUrl}?q={tag}&fournisseur=CNAF")));
        Assert.Empty(RowIds(await staff.GetAsync($"{QueueUrl}?q={tag}&attente=30")));
        Assert.Contains("Vous", Row(await staff.GetAsync($"{QueueUrl}?q={tag}"), mine.Id));
    }

    [Theory]
    [InlineData("statut=Pirate&type=99&attente=-4&suivi=Nimporte&page=-1&fournisseur=%3Cscript%3E")]
    [InlineData("q=%25%25%25_\\&page=999999")]
    public async Task Unknown_filter_values_are_ignored_without_error(string filters)
    {
        var staff = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var page = await staff.GetAsync($"{QueueUrl}?{filters}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("form[role=search]"));
    }

    private static List<string> RowIds(Page page) =>
        [.. page.Document.QuerySelectorAll("#queue tbody tr").Select(r => r.GetAttribute("data-request-id")!)];

    private static string Row(Page page, Guid id) =>
        page.Document.QuerySelector($"#queue tbody tr[data-request-id='{id}']")?.TextContent ?? throw new InvalidOperationException($"No row for {id}.");
}
