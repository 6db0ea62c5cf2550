using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Domain.Charters;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Admin.Web.Features.AccessRequests.Steps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Support;

/// <summary>
/// The application as <see cref="AdminWebFactory"/>, with a client address on every request (the
/// test server has none), so charter acceptances record an IP as in production.
/// </summary>
public sealed class WizardWebFactory : AdminWebFactory
{
    public const string ClientIp = "203.0.113.7";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressStartupFilter>());
    }

    private sealed class ClientAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ClientIp);
                return nextMiddleware();
            });
            next(app);
        };
    }
}

/// <summary>An applicant signed in, and a draft of their organization.</summary>
public sealed record SignedInDraft(PartnerArrangement Applicant, Browser Browser, AccessRequest Request);

/// <summary>Arrange steps and valid forms for the request wizard.</summary>
public static class RequestArrange
{
    public const string RetiredScope = "dgfip_revenu_fiscal_reference";

    public static string StepUrl(AccessRequest request, string slug) => $"/demandes/{request.Id}/etapes/{slug}";

    /// <summary>A valid form for each step, keyed by slug, as the browser posts it.</summary>
    public static IReadOnlyDictionary<string, Dictionary<string, string>> ValidForms => new Dictionary<string, Dictionary<string, string>>
    {
        ["demarche"] = new()
        {
            ["Form.Name"] = "Inscription à la cantine",
            ["Form.Description"] = "Calcul du tarif de la cantine selon le quotient familial.",
            ["Form.PublicUrl"] = "https://www.ville-exemple.fr/cantine",
            ["Form.Simplification"] = "Attestation de quotient familial",
            ["Form.ExpectedGoLive"] = "2099-09-01",
            ["Form.YearlyVolume"] = "1200",
            ["Form.Modalities"] = "CitizenForm",
        },
        ["cadre-juridique"] = new()
        {
            ["Form.Title"] = "Délibération du conseil municipal du 12 mars 2025",
            ["Form.Url"] = "https://www.ville-exemple.fr/deliberations/2025-03-12",
        },
        ["donnees"] = new() { ["Form.Scopes"] = "cnaf_quotient_familial" },
        ["donnees-personnelles"] = new()
        {
            ["Form.Recipients"] = "Service scolaire",
            ["Form.RetentionMonths"] = "24",
            ["Form.RetentionJustification"] = "",
        },
        ["contacts"] = new()
        {
            ["Form.BusinessContact.FirstName"] = "Claire", ["Form.BusinessContact.LastName"] = "Métier",
            ["Form.BusinessContact.Email"] = "claire.metier@ville-exemple.fr", ["Form.BusinessContact.Phone"] = "01 23 45 67 89",
            ["Form.TechnicalContact.FirstName"] = "Théo", ["Form.TechnicalContact.LastName"] = "Technique",
            ["Form.TechnicalContact.Email"] = "theo.technique@ville-exemple.fr", ["Form.TechnicalContact.Phone"] = "01 23 45 67 80",
            ["Form.Dpo.FirstName"] = "Dominique", ["Form.Dpo.LastName"] = "Données",
            ["Form.Dpo.Email"] = "dpo@ville-exemple.fr", ["Form.Dpo.Phone"] = "01 23 45 67 81",
        },
        ["engagements"] = new()
        {
            ["Form.CharterAcceptance"] = "true",
            ["Form.DpoInformed"] = "true",
            ["Form.CitizenConsentCommitment"] = "true",
        },
    };

    public static Dictionary<string, string> Continue(this Dictionary<string, string> form)
    {
        form["intent"] = "continue";
        return form;
    }

    public static Dictionary<string, string> Draft(this Dictionary<string, string> form)
    {
        form["intent"] = "draft";
        return form;
    }

    /// <summary>Fills the six steps of the request through the domain, as a complete request ready to send.</summary>
    /// <param name="contacts">The three contacts; by default one person is all three.</param>
    /// <param name="draft">The draft to complete (e.g. one started from a use case); a new one by default.</param>
    public static async Task<AccessRequest> CompleteDraftAsync(this AdminWebFactory app, PartnerArrangement applicant, string name = "Inscription à la cantine",
        Contacts? contacts = null, AccessRequest? draft = null)
    {
        draft ??= await app.DraftAsync(applicant);
        await app.WithDbAsync(async db =>
        {
            var request = await db.AccessRequests.SingleAsync(r => r.Id == draft.Id);
            var charter = await db.CurrentCharterAsync(CancellationToken.None);
            var offerable = await db.OfferableScopesAsync(CancellationToken.None);
            var now = DateTimeOffset.UtcNow;
            var user = applicant.User.Id;
            request.SaveProcedure(user, new Procedure(name, "Tarifs selon le quotient familial.", "https://www.ville-exemple.fr/cantine",
                "Attestation de quotient familial", null, 1200, ProcedureModalities.CitizenForm), now);
            request.SaveLegalBasis(user, new LegalBasis("Délibération du 12 mars 2025", "https://www.ville-exemple.fr/deliberation", null), now);
            request.SaveScopes(user, [.. request.Scopes, "cnaf_quotient_familial"], offerable, now);
            request.SaveDataProtection(user, new DataProtection("Service scolaire", 24, null), now);
            var contact = new Contact("Claire", "Martin", "claire.martin@ville-exemple.fr", "01 23 45 67 89");
            request.SaveContacts(user, contacts ?? new Contacts(contact, contact with { }, contact with { }), now);
            var acceptance = CharterAcceptance.Record(charter, user, applicant.Organization.Id, now, WizardWebFactory.ClientIp);
            db.CharterAcceptances.Add(acceptance);
            request.SaveEngagements(user, acceptance, dpoInformed: true, citizenConsentCommitment: true, charter, now);
            if (request.SubmissionErrors(charter, offerable, now) is { Count: > 0 } errors)
                throw new InvalidOperationException("Arranged request is incomplete: " + string.Join(", ", errors.Select(e => e.Code)));
            return await db.SaveChangesAsync();
        });
        return draft;
    }

    /// <summary>A new organization's applicant, signed in, with an empty draft (or a complete one, ready to send).</summary>
    public static async Task<SignedInDraft> SignedInApplicantWithDraftAsync(this AdminWebFactory app, bool complete = false, string? organizationName = null)
    {
        var applicant = await app.PartnerWithOrganizationAsync(organizationName);
        var request = complete ? await app.CompleteDraftAsync(applicant) : await app.DraftAsync(applicant);
        return new SignedInDraft(applicant, await app.SignedInAsync(applicant), request);
    }

    public static Task<AccessRequest> StoredAsync(this AdminWebFactory app, Guid requestId) =>
        app.WithDbAsync(db => db.AccessRequests.AsNoTracking().SingleAsync(r => r.Id == requestId));

    public static Task<AppUser> InstructorAsync(this AdminWebFactory app) =>
        app.CreateUserAsync($"instructeur.{Guid.NewGuid():N}@api-particulier.gouv.fr", Accounts.StrongPassword, Roles.Instructor);

    /// <summary>Posts a multipart form with a file, with the antiforgery token of the form page.</summary>
    public static async Task<Page> UploadAsync(this Browser browser, string formUrl, IDictionary<string, string> fields,
        string fileField, string fileName, byte[] content, string contentType = "application/pdf")
    {
        var form = await browser.GetAsync(formUrl);
        var token = form.Document.QuerySelector("form[enctype='multipart/form-data'] input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No multipart form with an antiforgery token on " + formUrl);
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        body.Add(file, fileField, fileName);
        var response = await browser.Client.PostAsync(formUrl, body);
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), response.Headers.Location?.ToString(), response);
    }

    /// <summary>A small valid PDF (header, one empty page, trailer).</summary>
    public static byte[] Pdf(int padTo = 0)
    {
        var text = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        if (padTo <= bytes.Length) return bytes;
        var padded = new byte[padTo];
        bytes.CopyTo(padded, 0);
        Array.Fill(padded, (byte)' ', bytes.Length, padTo - bytes.Length);
        return padded;
    }
}
