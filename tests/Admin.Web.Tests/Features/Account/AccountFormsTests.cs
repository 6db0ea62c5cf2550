using System.Net;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Features.Account;

/// <summary>Every account form that takes an e-mail answers bad input in French, next to the field, keeping what was typed.</summary>
public sealed class AccountFormsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    public static TheoryData<string, string, string> BadEmails()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var url in new[] { "/compte/mot-de-passe-oublie", "/compte/renvoyer-confirmation", "/compte/inscription", "/compte/connexion" })
        {
            data.Add(url, "", "Saisissez votre adresse électronique.");
            data.Add(url, new string('x', 260) + "@mairie.fr", "L'adresse électronique ne peut pas dépasser 254 caractères.");
            if (url != "/compte/connexion")
            {
                data.Add(url, "prenom.nom@", "Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadEmails))]
    public async Task Post_with_bad_email_shows_french_message_next_to_email_and_keeps_it(string url, string email, string message)
    {
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.SubmitAsync(url, new Dictionary<string, string> { ["Email"] = email, ["Password"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor("Email"));
        Assert.Equal(email, page.ValueOf("Email") ?? "");
    }

    [Fact]
    public async Task Recovery_code_form_without_a_pending_sign_in_goes_back_to_sign_in()
    {
        var browser = new Browser(app.CreateBrowser());

        var page = await browser.GetAsync("/compte/connexion/code-de-recuperation");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/compte/connexion", page.Location);
    }

    [Fact]
    public async Task Pages_never_answer_500_to_hostile_values()
    {
        var browser = new Browser(app.CreateBrowser());
        var hostile = new[] { "<script>alert(1)</script>@x.fr", "' OR 1=1 --", new string('é', 10_000), "\u0000\u0001", "%00" };

        foreach (var value in hostile)
        {
            foreach (var url in new[] { "/compte/inscription", "/compte/connexion", "/compte/mot-de-passe-oublie" })
            {
                var page = await browser.SubmitAsync(url, new Dictionary<string, string>
                {
                    ["Email"] = value, ["Password"] = value, ["FirstName"] = value, ["LastName"] = value, ["ConfirmPassword"] = value,
                });
                Assert.True(page.Status == HttpStatusCode.BadRequest, $"{url} answered {page.Status} to {value[..Math.Min(20, value.Length)]}");
                Assert.DoesNotContain("<script>alert(1)</script>", page.Document.DocumentElement.OuterHtml);
            }
        }

        var confirm = await browser.GetAsync("/compte/confirmer?userId=pas-un-guid&code=%%%");
        Assert.NotEqual(HttpStatusCode.InternalServerError, confirm.Status);
    }
}
