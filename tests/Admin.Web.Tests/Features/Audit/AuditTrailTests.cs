using System.Net;
using System.Text;
using Admin.Domain.Common;
using Admin.Domain.Users;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Features.Audit;

public sealed class AuditTrailTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private const string Url = "/instruction/journal";

    [Theory]
    [InlineData(Roles.Instructor)]
    [InlineData(Roles.Partner)]
    public async Task Get_as_instructor_or_partner_is_refused(string role)
    {
        var browser = role == Roles.Partner
            ? await app.SignedInAsync(await app.PartnerWithOrganizationAsync())
            : await app.StaffWithTwoFactorAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(Url)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(Url + "/export.csv")).Status);
    }

    [Fact]
    public async Task Get_as_auditor_filters_by_organization_request_and_action()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var applicant = await app.PartnerWithOrganizationAsync($"Ville auditée {tag}");
        var request = await app.SubmittedAsync(applicant);
        var other = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync($"Autre ville {tag}"));
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        var byOrganization = await auditor.GetAsync($"{Url}?organisation={Uri.EscapeDataString("Ville auditée " + tag)}");
        var subjects = Subjects(byOrganization);
        Assert.Contains(applicant.Organization.Id.ToString(), subjects);
        Assert.Contains(request.Id.ToString(), subjects);
        Assert.DoesNotContain(other.Id.ToString(), subjects);

        var byRequest = await auditor.GetAsync($"{Url}?demande={request.Reference}&action=access_request.submitted");
        Assert.Equal([request.Id.ToString()], Subjects(byRequest));

        var future = await auditor.GetAsync($"{Url}?demande={request.Reference}&du=2099-01-01");
        Assert.Empty(Subjects(future));
    }

    [Fact]
    public async Task Export_is_a_french_excel_csv_with_bom_semicolons_and_neutralised_formulas()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.SubmittedAsync(applicant);
        await app.ThenAsync(request.Id, (_, r, _, now) => Task.FromResult(r.Refuse(LifecycleArrange.SomeInstructor, "=HYPERLINK(\"http://x\";\"clic\")", now)));
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);

        var response = await administrator.Client.GetAsync($"{Url}/export.csv?demande={request.Reference}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Numéro;Date (heure de Paris);Acteur;Action;Objet;Identifiant;État avant;État après;Motif", lines[0]);
        Assert.Contains(lines, l => l.Contains("access_request.submitted;AccessRequest;" + request.Id, StringComparison.Ordinal));
        var refused = Assert.Single(lines, l => l.Contains("access_request.refused", StringComparison.Ordinal));
        Assert.EndsWith("\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\"", refused);
    }

    [Theory]
    [InlineData("du=pas-une-date&page=-3")]
    [InlineData("organisation=%25_%5C&acteur=%27%3B--&demande=zz")]
    public async Task Malformed_filters_are_ignored_without_error(string query)
    {
        var auditor = await app.StaffWithTwoFactorAsync(Roles.Auditor);

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"{Url}?{query}")).Status);
    }

    private static List<string> Subjects(Page page) =>
        [.. page.Document.QuerySelectorAll("#audit tbody tr td:nth-child(4) small").Select(s => s.TextContent.Trim()).Distinct()];
}
