using System.Net;
using System.Security.Cryptography;
using Admin.Infrastructure;
using Admin.Infrastructure.Documents;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Features.AccessRequests;

public sealed class LegalBasisUploadTests(WizardWebFactory app) : IClassFixture<WizardWebFactory>
{
    private const string Slug = "cadre-juridique";
    private const string Title = "Délibération du 12 mars 2025";

    [Fact]
    public async Task Post_valid_pdf_stores_it_outside_the_web_root_and_references_it_from_the_request()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var pdf = RequestArrange.Pdf();

        var page = await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Continue(), "Form.Document", "../../arrêté municipal.pdf", pdf);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var stored = await app.StoredAsync(request.Id);
        var document = stored.LegalBasis.Document!;
        Assert.Equal("arrêté municipal.pdf", document.FileName);
        Assert.Equal(pdf.Length, document.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), document.Sha256);
        var row = await app.WithDbAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == document.DocumentId));
        Assert.Equal((request.Id, applicant.Organization.Id, applicant.User.Id, "application/pdf", document.Sha256),
            (row.AccessRequestId, row.OrganizationId, row.UploadedBy, row.ContentType, row.Sha256));
        var uploads = app.Services.GetRequiredService<DataPaths>().Uploads;
        var path = Path.Combine(uploads, document.DocumentId.ToString("N"));
        Assert.Equal(pdf, await File.ReadAllBytesAsync(path));
        Assert.False(Path.GetFullPath(path).Contains("wwwroot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_step_after_upload_shows_the_current_document_with_a_download_link()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Draft(), "Form.Document", "texte.pdf", RequestArrange.Pdf());
        var documentId = (await app.StoredAsync(request.Id)).LegalBasis.Document!.DocumentId;

        var page = await browser.GetAsync(RequestArrange.StepUrl(request, Slug));

        var link = page.Document.QuerySelector("#current-document a.fr-link--download")!;
        Assert.Equal($"/demandes/{request.Id}/documents/{documentId}", link.GetAttribute("href"));
        Assert.Contains("texte.pdf", link.TextContent);
        Assert.Equal(Title, page.ValueOf("Form.Title"));
    }

    [Fact]
    public async Task Post_text_file_named_pdf_is_refused_at_the_file_field_and_the_title_is_kept()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Continue(), "Form.Document", "x.pdf",
            "Ceci n'est pas un PDF"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Le document doit être un fichier PDF.", page.ErrorsFor("Form.Document"));
        Assert.Equal(Title, page.ValueOf("Form.Title"));
        var stored = await app.StoredAsync(request.Id);
        Assert.Equal(Title, stored.LegalBasis.Title);
        Assert.Null(stored.LegalBasis.Document);
        Assert.False(await app.WithDbAsync(db => db.Documents.AnyAsync(d => d.AccessRequestId == request.Id)));
    }

    [Fact]
    public async Task Post_11_mb_pdf_is_refused_at_the_file_field_with_a_french_message()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Continue(), "Form.Document", "gros.pdf",
            RequestArrange.Pdf(padTo: 11 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Le document ne doit pas dépasser 10 Mo.", page.ErrorsFor("Form.Document"));
        Assert.Equal(Title, page.ValueOf("Form.Title"));
        Assert.Null((await app.StoredAsync(request.Id)).LegalBasis.Document);
    }

    [Fact]
    public async Task Post_step_again_without_a_file_keeps_the_pdf_already_attached()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Draft(), "Form.Document", "arrete.pdf", RequestArrange.Pdf());
        var attached = (await app.StoredAsync(request.Id)).LegalBasis.Document!;

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, Slug), Fields().Draft());

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(attached, (await app.StoredAsync(request.Id)).LegalBasis.Document);
    }

    public static TheoryData<string, int, string> RefusedUploads => new()
    {
        { "texte.txt", 0, "Le document doit être un fichier PDF." },
        { "gros.pdf", 11 * 1024 * 1024, "Le document ne doit pas dépasser 10 Mo." },
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task Post_refused_upload_still_shows_the_pdf_already_attached_with_its_download_link(string fileName, int size, string message)
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Draft(), "Form.Document", "arrete.pdf", RequestArrange.Pdf());
        var attached = (await app.StoredAsync(request.Id)).LegalBasis.Document!;
        var refused = size == 0 ? "Ceci n'est pas un PDF"u8.ToArray() : RequestArrange.Pdf(padTo: size);

        var page = await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Continue(), "Form.Document", fileName, refused);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor("Form.Document"));
        var link = page.Document.QuerySelector("#current-document a.fr-link--download");
        Assert.NotNull(link);
        Assert.Equal($"/demandes/{request.Id}/documents/{attached.DocumentId}", link.GetAttribute("href"));
        Assert.Contains("arrete.pdf", link.TextContent);
        Assert.Equal(attached.DocumentId, (await app.StoredAsync(request.Id)).LegalBasis.Document?.DocumentId);
    }

    [Fact]
    public async Task Post_pdf_the_scanner_finds_infected_is_refused_at_the_file_field()
    {
        using var infectedApp = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IDocumentScanner, InfectedScanner>()));
        var applicant = await app.PartnerWithOrganizationAsync();
        var request = await app.DraftAsync(applicant);
        var browser = new Browser(infectedApp.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await Accounts.SignInAsync(browser, applicant.Email, applicant.Password);

        var page = await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Continue(), "Form.Document", "arrete.pdf", RequestArrange.Pdf());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Le document a été refusé par l'analyse antivirus. Vérifiez le fichier ou joignez-en un autre.", page.ErrorsFor("Form.Document"));
        Assert.Null((await app.StoredAsync(request.Id)).LegalBasis.Document);
    }

    [Fact]
    public async Task Get_document_as_member_streams_the_pdf_as_an_attachment_with_its_name()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var pdf = RequestArrange.Pdf();
        await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Draft(), "Form.Document", "arrete.pdf", pdf);
        var documentId = (await app.StoredAsync(request.Id)).LegalBasis.Document!.DocumentId;
        var member = await app.SignedInAsync(await app.MemberOfAsync(applicant, Admin.Domain.Organizations.MembershipRole.BusinessContact));

        var response = await member.Client.GetAsync($"/demandes/{request.Id}/documents/{documentId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("arrete.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_document_as_member_or_staff_forbids_any_cache_to_keep_it()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Draft(), "Form.Document", "arrete.pdf", RequestArrange.Pdf());
        var documentId = (await app.StoredAsync(request.Id)).LegalBasis.Document!.DocumentId;
        var auditor = await app.StaffWithTwoFactorAsync(Admin.Domain.Users.Roles.Auditor);

        var asMember = await browser.Client.GetAsync($"/demandes/{request.Id}/documents/{documentId}");
        var asStaff = await auditor.Client.GetAsync($"/instruction/demandes/{request.Id}/documents/{documentId}");

        foreach (var response in new[] { asMember, asStaff })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cacheControl = response.Headers.CacheControl;
            Assert.True(cacheControl is { Private: true, NoStore: true }, $"{response.RequestMessage?.RequestUri} Cache-Control: {cacheControl}");
        }
    }

    [Fact]
    public async Task Get_document_as_member_of_another_organization_answers_404()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Draft(), "Form.Document", "arrete.pdf", RequestArrange.Pdf());
        var documentId = (await app.StoredAsync(request.Id)).LegalBasis.Document!.DocumentId;
        var outsider = await app.SignedInAsync(await app.PartnerWithOrganizationAsync("Autre commune"));

        var response = await outsider.Client.GetAsync($"/demandes/{request.Id}/documents/{documentId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_document_of_another_request_through_this_request_answers_404()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync();
        await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Draft(), "Form.Document", "arrete.pdf", RequestArrange.Pdf());
        var documentId = (await app.StoredAsync(request.Id)).LegalBasis.Document!.DocumentId;
        var other = await app.DraftAsync(applicant);

        var response = await browser.Client.GetAsync($"/demandes/{other.Id}/documents/{documentId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_document_through_the_staff_route_is_for_staff_with_two_factor_only()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var pdf = RequestArrange.Pdf();
        await browser.UploadAsync(RequestArrange.StepUrl(request, Slug), Fields().Draft(), "Form.Document", "arrete.pdf", pdf);
        var documentId = (await app.StoredAsync(request.Id)).LegalBasis.Document!.DocumentId;
        var staffUrl = $"/instruction/demandes/{request.Id}/documents/{documentId}";

        var auditor = await app.StaffWithTwoFactorAsync(Admin.Domain.Users.Roles.Auditor);
        var response = await auditor.Client.GetAsync(staffUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.Client.GetAsync($"/instruction/demandes/{Guid.NewGuid()}/documents/{documentId}")).StatusCode);

        var partner = await browser.Client.GetAsync(staffUrl);
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
        Assert.DoesNotContain("%PDF", await partner.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var staffWithoutTwoFactor = new Browser(app.CreateBrowser());
        var email = $"sans2fa.{Guid.NewGuid():N}@api.gouv.fr";
        await app.CreateUserAsync(email, Accounts.StrongPassword, Admin.Domain.Users.Roles.Instructor);
        await Accounts.SignInAsync(staffWithoutTwoFactor, email, Accounts.StrongPassword);
        var refused = await staffWithoutTwoFactor.Client.GetAsync(staffUrl);
        Assert.StartsWith("/compte/double-authentification", refused.Headers.Location?.ToString());
    }

    private sealed class InfectedScanner : IDocumentScanner
    {
        public Task<bool> IsCleanAsync(Stream content, CancellationToken ct) => Task.FromResult(false);
    }

    private static Dictionary<string, string> Fields() => new() { ["Form.Title"] = Title, ["Form.Url"] = "" };
}
