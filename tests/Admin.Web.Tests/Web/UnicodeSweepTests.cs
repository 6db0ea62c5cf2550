using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Admin.Web.Infrastructure;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Web;

/// <summary>
/// Characters no one types (non-characters, an unpaired surrogate, NUL) posted into every text
/// field of every form the app shows a partner: never a 500, and the French message at the field.
/// </summary>
public sealed class UnicodeSweepTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    /// <summary>
    /// How each refused character is posted, and whether it reaches the field. The form reader itself
    /// refuses a percent-encoded NUL (400 before any binding) and keeps the bytes of a lone surrogate,
    /// which are not UTF-8, as the literal "%ED%A0%80": those two only have to answer below 500. A raw
    /// NUL reaches the field through a multipart body; TextInputBindingTests gives the binder a real
    /// lone surrogate.
    /// </summary>
    private static readonly (string Label, bool Multipart, string Value, bool ReachesTheField)[] Refused =
    [
        ("U+FFFE", false, "x%EF%BF%BE%40example.com", true),
        ("U+FFFF", false, "x%EF%BF%BF%40example.com", true),
        ("U+001B", false, "x%1B%40example.com", true),
        ("NUL (multipart)", true, "x\0@example.com", true),
        ("NUL", false, "x%00%40example.com", false),
        ("lone U+D800 bytes", false, "x%ED%A0%80%40example.com", false),
    ];

    private static readonly string[] StepSlugs = ["demarche", "cadre-juridique", "donnees", "donnees-personnelles", "contacts", "engagements"];

    public static TheoryData<string> AccountForms => ["connexion", "inscription", "mot-de-passe-oublie", "renvoyer-confirmation", "nouveau-mot-de-passe", "invitation"];

    [Theory]
    [MemberData(nameof(AccountForms))]
    public async Task Post_email_with_a_non_character_answers_400_with_the_french_message_at_the_email_field(string form)
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var browser = form == "invitation" ? await app.SignedInAsync(applicant) : new Browser(app.CreateBrowser());
        var members = $"/organisations/{applicant.Organization.Id}/membres";
        var (formUrl, action, emailField, fields) = form switch
        {
            "connexion" => ("/compte/connexion", null, "Email", new Dictionary<string, string> { ["Password"] = Accounts.StrongPassword }),
            "inscription" => ("/compte/inscription", null, "Email", new Dictionary<string, string>
            {
                ["FirstName"] = "Claire", ["LastName"] = "Martin", ["Password"] = Accounts.StrongPassword, ["ConfirmPassword"] = Accounts.StrongPassword,
            }),
            "nouveau-mot-de-passe" => ("/compte/nouveau-mot-de-passe?code=abc", "/compte/nouveau-mot-de-passe", "Email", new Dictionary<string, string>
            {
                ["Code"] = "abc", ["Password"] = "Nouveau-Secret-2027", ["ConfirmPassword"] = "Nouveau-Secret-2027",
            }),
            "invitation" => (members, $"/organisations/{applicant.Organization.Id}/invitations", "Invite.Email",
                new Dictionary<string, string> { ["Invite.Role"] = "BusinessContact" }),
            _ => ($"/compte/{form}", null, "Email", new Dictionary<string, string>()),
        };
        fields[emailField] = "x\uFFFE@example.com";

        var page = await browser.SubmitAsync(formUrl, fields, action);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([UnsafeText.Message], page.ErrorsFor(emailField));
        Assert.Equal("x\uFFFD@example.com", page.ValueOf(emailField));
        Assert.Null(await app.FindUserAsync("x\uFFFD@example.com"));
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email.Contains("example.com"))));
    }

    [Fact]
    public async Task No_text_field_of_any_form_answers_500_to_refused_characters_and_email_fields_say_why()
    {
        var applicant = await app.PartnerWithOrganizationAsync("Commune balayée");
        var request = await app.DraftAsync(applicant);
        var partner = await app.SignedInAsync(applicant);
        var anonymous = new Browser(app.CreateBrowser());
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        string Url(string pattern, string? step = null) => "/" + Regex.Replace(pattern.TrimStart('/'), @"\{([^}:]+)[^}]*\}", m => m.Groups[1].Value switch
        {
            "step" => step ?? StepSlugs[0],
            "userId" => applicant.User.Id.ToString(),
            _ when pattern.Contains("organisations", StringComparison.Ordinal) => applicant.Organization.Id.ToString(),
            _ => request.Id.ToString(),
        });
        List<string> UrlsOf(string method) => [.. endpoints
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(method) == true)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => !p.Contains("admin/jobs", StringComparison.Ordinal) && !p.Contains("test/boom", StringComparison.Ordinal))
            .SelectMany(p => p.Contains("{step", StringComparison.Ordinal) ? StepSlugs.Select(s => Url(p, s)) : [Url(p)])
            .Distinct()];

        var posts = UrlsOf("POST").Where(u => !u.Contains("deconnexion", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var forms = new Dictionary<string, (Browser Browser, IElement Form)>(StringComparer.Ordinal);
        foreach (var browser in new[] { anonymous, partner })
        {
            foreach (var url in UrlsOf("GET"))
            {
                var page = await browser.GetAsync(url);
                foreach (var form in page.Document.QuerySelectorAll("form[method='post' i]"))
                {
                    var action = form.GetAttribute("action") is { Length: > 0 } a ? a.Split('?')[0] : url.Split('?')[0];
                    if (posts.Contains(action) && TextFields(form).Count > 0) forms.TryAdd(action, (browser, form));
                }
            }
        }

        var checkedFields = 0;
        foreach (var (action, (browser, form)) in forms)
        {
            var names = TextFields(form);
            foreach (var (refused, multipart, value, reachesTheField) in Refused)
            {
                var token = form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";
                using HttpContent content = multipart ? Multipart(token, names, value) : UrlEncoded(token, names, value);
                var response = await browser.Client.PostAsync(action, content);
                var html = await response.Content.ReadAsStringAsync();

                Assert.True((int)response.StatusCode < 500, $"POST {action} with {refused} answered {(int)response.StatusCode}");
                checkedFields += names.Count;
                var page = new Page(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), response.Headers.Location?.ToString(), response);
                foreach (var email in names.Where(n => reachesTheField && (n == "Email" || n.EndsWith(".Email", StringComparison.Ordinal))))
                {
                    Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {action} with {refused} answered {(int)response.StatusCode}");
                    IReadOnlyList<string> errors = page.Document.QuerySelector($"[name='{email}']") is null ? [] : page.ErrorsFor(email);
                    Assert.True(errors.Contains(UnsafeText.Message), $"POST {action} with {refused}: {email} shows [{string.Join(" | ", errors)}] on « {page.Document.Title} »");
                }
            }
        }

        Assert.True(forms.Count >= 10, $"only {forms.Count} forms swept: {string.Join(", ", forms.Keys)}");
        Assert.Contains(forms.Keys, a => a.Contains("/etapes/contacts", StringComparison.Ordinal));
        Assert.Contains("/compte/inscription", forms.Keys);
        Assert.True(checkedFields >= 150, $"only {checkedFields} fields swept");
    }

    private static MultipartFormDataContent Multipart(string token, IEnumerable<string> names, string value)
    {
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var name in names) content.Add(new StringContent(value, Encoding.UTF8), name);
        return content;
    }

    /// <summary>A form body written by hand: <paramref name="encodedValue"/> is sent as it is, already percent-encoded.</summary>
    private static StringContent UrlEncoded(string token, IEnumerable<string> names, string encodedValue) => new(
        string.Join("&", names.Select(n => $"{Uri.EscapeDataString(n)}={encodedValue}").Prepend("__RequestVerificationToken=" + Uri.EscapeDataString(token))),
        Encoding.UTF8, "application/x-www-form-urlencoded");

    /// <summary>The names of a form's text inputs (hidden ones included) and text areas, the antiforgery token aside.</summary>
    private static List<string> TextFields(IElement form) =>
    [
        .. form.QuerySelectorAll("input, textarea")
            .Where(e => e.LocalName == "textarea"
                || (e.GetAttribute("type")?.ToLowerInvariant() ?? "text") is "text" or "email" or "url" or "tel" or "search" or "password" or "hidden")
            .Select(e => e.GetAttribute("name") ?? "")
            .Where(n => n.Length > 0 && n != "__RequestVerificationToken")
            .Distinct(),
    ];
}
