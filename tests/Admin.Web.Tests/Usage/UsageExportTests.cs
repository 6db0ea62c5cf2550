using System.Net;
using System.Text;
using System.Text.Json;
using Admin.Domain.ApiKeys;
using Admin.Domain.Users;
using Admin.Web.Tests.Support;
using static Admin.Web.Tests.Usage.StaffUsageArrange;

namespace Admin.Web.Tests.Usage;

/// <summary>
/// The usage CSV, for an authorization's key holders and for staff: the exact bytes of a known scenario (days
/// rolled up, today from the hourly rows), who may download it, and the French 400 of a malformed period.
/// Each test's rows belong to its own organization; the watermark (yesterday) is the same for all.
/// </summary>
public sealed class UsageExportTests : IClassFixture<ClockedWebFactory>
{
    private const string Route = "/api/v2/composition-familiale";
    private const string Scope = "cnaf_quotient_familial";
    private readonly ClockedWebFactory _app;

    public UsageExportTests(ClockedWebFactory app) => _app = app.AtNoon();

    private static string PartnerUrl(Guid authorizationId, DateOnly from, DateOnly to) =>
        $"/habilitations/{authorizationId}/consommation/export.csv?du={from:yyyy-MM-dd}&au={to:yyyy-MM-dd}";

    private static string StaffUrl(Guid organizationId, DateOnly from, DateOnly to) =>
        $"/instruction/consommation/export.csv?organisation={organizationId}&du={from:yyyy-MM-dd}&au={to:yyyy-MM-dd}";

    /// <summary>
    /// An organization whose name needs quoting, two keys (one whose name a spreadsheet would read as a formula),
    /// usage on the two days before today (daily rows, rolled up through yesterday) and today (hourly rows), and
    /// rows that must not appear: another organization's, a day before the period, an hour of a rolled-up day.
    /// </summary>
    private async Task<(KeyArrangement Arranged, string Expected)> ScenarioAsync()
    {
        var arranged = await _app.ApprovedWithMembersAsync("Syndicat \"Eau; assainissement\"");
        var (a, _) = await _app.KeyAsync(arranged, name: "Logiciel A");
        var (b, _) = await _app.KeyAsync(arranged, ApiKeyEnvironment.Sandbox, "@Batch nocturne");
        var other = await _app.ApprovedWithMembersAsync("Autre commune");
        var (o, _) = await _app.KeyAsync(other);
        var (keyA, keyB, keyO) = (UsageKey.Of(a), UsageKey.Of(b), UsageKey.Of(o));
        var (d3, d2, d1) = (Today.AddDays(-3), Today.AddDays(-2), Today.AddDays(-1));

        await _app.RolledUpThroughAsync(d1);
        await _app.DayAsync(keyA, d3, Route, "", "VALID", 99, 99);
        await _app.DayAsync(keyA, d2, Route, "", "VALID", 10, 10);
        await _app.DayAsync(keyA, d2, Route, "", "RATE_LIMITED", 2, 2);
        await _app.DayAsync(keyB, d2, "", Scope, "VALID", 5, 5);
        await _app.DayAsync(keyO, d2, Route, "", "VALID", 50, 50);
        await _app.DayAsync(keyA, d1, Route, "", "VALID", 7, 7);
        await _app.DayAsync(keyB, d1, "", Scope, "INSUFFICIENT_SCOPE", 1, 2);
        // Yesterday is rolled up: its hourly rows are not read again.
        await _app.HourAsync(keyA, At(d1, 12), Route, "", "VALID", 1000, 1000);
        await _app.HourAsync(keyA, At(Today, 8), Route, "", "VALID", 3, 3);
        await _app.HourAsync(keyA, At(Today, 10), Route, "", "VALID", 4, 4);
        await _app.HourAsync(keyB, At(Today, 9), "", Scope, "VALID", 1, 1);
        await _app.HourAsync(keyO, At(Today, 9), Route, "", "VALID", 9, 9);

        var organization = $"\"Syndicat \"\"Eau; assainissement\"\"\";{arranged.Applicant.Organization.Siret.Value};{arranged.Request.Number}";
        var lineA = $"{organization};Logiciel A;{a.Prefix.Value};Production;{Route}";
        var lineB = $"{organization};'@Batch nocturne;{b.Prefix.Value};Bac à sable;{Scope}";
        string[] lines =
        [
            "Jour;Organisation;SIRET;Habilitation;Clé;Préfixe;Environnement;Route ou données;Résultat;Code;Appels;Unités",
            $"{d2:dd/MM/yyyy};{lineB};Admis;VALID;5;5",
            $"{d2:dd/MM/yyyy};{lineA};Trop de requêtes;RATE_LIMITED;2;2",
            $"{d2:dd/MM/yyyy};{lineA};Admis;VALID;10;10",
            $"{d1:dd/MM/yyyy};{lineB};Droits insuffisants;INSUFFICIENT_SCOPE;1;2",
            $"{d1:dd/MM/yyyy};{lineA};Admis;VALID;7;7",
            $"{Today:dd/MM/yyyy};{lineB};Admis;VALID;1;1",
            $"{Today:dd/MM/yyyy};{lineA};Admis;VALID;7;7",
        ];
        return (arranged, string.Concat(lines.Select(l => l + "\r\n")));
    }

    private static byte[] WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public async Task Get_partner_export_is_the_rolled_up_days_then_today_from_the_hours_byte_for_byte()
    {
        var (arranged, expected) = await ScenarioAsync();
        var applicant = await _app.SignedInAsync(arranged.Applicant);
        var (from, to) = (Today.AddDays(-2), Today);

        using var response = await applicant.Client.GetAsync(PartnerUrl(arranged.AuthorizationId, from, to));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"consommation-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes.AsSpan(3)));
        Assert.Equal(WithBom(expected), bytes);
    }

    [Fact]
    public async Task Get_partner_export_as_technical_contact_is_the_same_file()
    {
        var (arranged, expected) = await ScenarioAsync();
        var technical = await _app.SignedInAsync(arranged.Technical);

        var bytes = await technical.Client.GetByteArrayAsync(PartnerUrl(arranged.AuthorizationId, Today.AddDays(-2), Today));

        Assert.Equal(WithBom(expected), bytes);
    }

    [Fact]
    public async Task Get_staff_export_as_auditor_filtered_on_the_organization_is_the_same_file_and_unfiltered_holds_every_organization()
    {
        var (arranged, expected) = await ScenarioAsync();
        var auditor = await _app.StaffWithTwoFactorAsync(Roles.Auditor);

        using var filtered = await auditor.Client.GetAsync(StaffUrl(arranged.Applicant.Organization.Id, Today.AddDays(-2), Today));
        var everything = Encoding.UTF8.GetString(await auditor.Client.GetByteArrayAsync(
            $"/instruction/consommation/export.csv?du={Today.AddDays(-2):yyyy-MM-dd}&au={Today:yyyy-MM-dd}"));

        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
        Assert.Equal(WithBom(expected), await filtered.Content.ReadAsByteArrayAsync());
        Assert.Contains($"{Today.AddDays(-2):dd/MM/yyyy};Autre commune;", everything, StringComparison.Ordinal);
        Assert.Contains(";Admis;VALID;50;50\r\n", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_partner_export_without_dates_covers_the_last_30_days()
    {
        var arranged = await _app.ApprovedWithMembersAsync();
        var applicant = await _app.SignedInAsync(arranged.Applicant);

        using var response = await applicant.Client.GetAsync($"/habilitations/{arranged.AuthorizationId}/consommation/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"consommation-{Today.AddDays(-29):yyyy-MM-dd}-{Today:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(WithBom("Jour;Organisation;SIRET;Habilitation;Clé;Préfixe;Environnement;Route ou données;Résultat;Code;Appels;Unités\r\n"),
            await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_partner_export_of_another_organization_is_not_found()
    {
        var arranged = await _app.ApprovedWithMembersAsync();
        var outsider = await _app.SignedInAsync(await _app.PartnerWithOrganizationAsync("Commune voisine"));

        var page = await outsider.GetAsync(PartnerUrl(arranged.AuthorizationId, Today.AddDays(-2), Today));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Get_partner_export_as_business_contact_is_forbidden()
    {
        var arranged = await _app.ApprovedWithMembersAsync();
        var business = await _app.SignedInAsync(arranged.Business);

        var page = await business.GetAsync(PartnerUrl(arranged.AuthorizationId, Today.AddDays(-2), Today));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    [Fact]
    public async Task Get_staff_export_as_partner_is_refused()
    {
        var partner = await _app.SignedInAsync(await _app.PartnerWithOrganizationAsync());

        var page = await partner.GetAsync("/instruction/consommation/export.csv");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    [Theory]
    [InlineData("du=2026-13-01", "du", "La date de début (du) doit être une date au format AAAA-MM-JJ")]
    [InlineData("au=01/12/2026", "au", "La date de fin (au) doit être une date au format AAAA-MM-JJ")]
    [InlineData("du=2026-12-10&au=2026-12-01", "du", "La date de début doit être antérieure ou égale à la date de fin.")]
    [InlineData("du=2025-01-01&au=2026-12-01", "du", "La période ne peut pas dépasser 400 jours")]
    public async Task Get_partner_export_with_a_malformed_period_answers_400_with_the_french_message_under_its_parameter(string query, string field, string message)
    {
        var arranged = await _app.ApprovedWithMembersAsync();
        var applicant = await _app.SignedInAsync(arranged.Applicant);

        using var response = await applicant.Client.GetAsync($"/habilitations/{arranged.AuthorizationId}/consommation/export.csv?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_staff_export_with_a_malformed_organization_answers_400_and_an_unknown_one_404()
    {
        var instructor = await _app.StaffWithTwoFactorAsync(Roles.Instructor);

        using var malformed = await instructor.Client.GetAsync("/instruction/consommation/export.csv?organisation=abc");
        using var unknown = await instructor.Client.GetAsync($"/instruction/consommation/export.csv?organisation={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("L'organisation demandée n'est pas un identifiant valide.", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
