using System.Net;
using Admin.Domain.Users;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Features.Review;

/// <summary>Review statistics on a database of their own: the figures are exactly those of the arranged requests.</summary>
public sealed class StatisticsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private const string Url = "/instruction/statistiques";

    [Fact]
    public async Task Get_as_auditor_shows_the_figures_of_the_review_cycles_with_a_table_beside_the_chart()
    {
        await app.ChangesRequestedAsync(await app.PartnerWithOrganizationAsync("Ville renvoyée"));
        await app.SubmittedAsync(await app.PartnerWithOrganizationAsync("Ville en attente"));
        await app.SubmittedWithScopesAsync(await app.PartnerWithOrganizationAsync("Département"), "Bourses", "men_statut_scolarite");
        await app.ApprovedAsync(await app.PartnerWithOrganizationAsync("Ville validée"));
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var page = await auditor.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("50 %", page.Document.GetElementById("stat-sent-back")!.TextContent);
        Assert.Contains("1 sur 2", page.Document.GetElementById("stat-sent-back")!.TextContent);
        Assert.Contains("2", page.Document.GetElementById("stat-backlog-now")!.QuerySelector(".fr-h3")!.TextContent);
        Assert.Equal(12, page.Document.QuerySelectorAll("#backlog tbody tr").Length);
        Assert.NotNull(page.Document.QuerySelector("figure.apip-chart svg[role=img]"));
        var cnaf = page.Document.QuerySelector("#providers tr[data-provider='CNAF']")!.TextContent;
        var men = page.Document.QuerySelector("#providers tr[data-provider='MEN']")!.TextContent;
        Assert.Contains("50 %", cnaf);
        Assert.Contains("—", men);
    }

    [Fact]
    public async Task Get_as_partner_is_refused()
    {
        var partner = await app.SignedInAsync(await app.PartnerWithOrganizationAsync());

        var page = await partner.GetAsync(Url);

        Assert.True(page.Status == HttpStatusCode.Forbidden || page.Location?.Contains("/erreur/403") == true, $"{page.Status} {page.Location}");
    }
}
