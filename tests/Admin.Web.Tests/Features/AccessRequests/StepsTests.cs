using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Web.Tests.Support;
using Admin.Web.Features.AccessRequests.Steps;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.AccessRequests;

public sealed class StepsTests(WizardWebFactory app) : IClassFixture<WizardWebFactory>
{
    public static TheoryData<string, string> NextSteps => new()
    {
        { "demarche", "cadre-juridique" },
        { "cadre-juridique", "donnees" },
        { "donnees", "donnees-personnelles" },
        { "donnees-personnelles", "contacts" },
        { "contacts", "engagements" },
    };

    [Theory]
    [MemberData(nameof(NextSteps))]
    public async Task Post_valid_step_with_continue_saves_it_goes_to_next_step_and_reload_shows_values(string slug, string next)
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var form = RequestArrange.ValidForms[slug];

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, slug), form.Continue());

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(RequestArrange.StepUrl(request, next), page.Location);
        var reloaded = await browser.GetAsync(RequestArrange.StepUrl(request, slug));
        foreach (var (field, value) in RequestArrange.ValidForms[slug])
        {
            AssertShown(reloaded, field, value);
        }
    }

    [Fact]
    public async Task Post_valid_engagements_with_continue_goes_to_summary_and_records_charter_acceptance_with_ip()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, "engagements"), RequestArrange.ValidForms["engagements"].Continue());

        Assert.Equal($"/demandes/{request.Id}/recapitulatif", page.Location);
        var stored = await app.StoredAsync(request.Id);
        Assert.True(stored.Engagements.DpoInformed);
        Assert.True(stored.Engagements.CitizenConsentCommitment);
        var acceptance = await app.WithDbAsync(db => db.CharterAcceptances.AsNoTracking().SingleAsync(a => a.Id == stored.Engagements.CharterAcceptanceId));
        Assert.Equal((applicant.User.Id, applicant.Organization.Id, WizardWebFactory.ClientIp, 1, 0),
            (acceptance.UserId, acceptance.OrganizationId, acceptance.ClientIp, acceptance.Major, acceptance.Minor));
        var reloaded = await browser.GetAsync(RequestArrange.StepUrl(request, "engagements"));
        Assert.NotNull(reloaded.Document.QuerySelector("input[name='Form.CharterAcceptance'][checked]"));
    }

    [Fact]
    public async Task Post_engagements_again_reuses_the_acceptance_of_the_current_charter()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync();
        await browser.SubmitAsync(RequestArrange.StepUrl(request, "engagements"), RequestArrange.ValidForms["engagements"].Continue());
        var first = (await app.StoredAsync(request.Id)).Engagements.CharterAcceptanceId;

        await browser.SubmitAsync(RequestArrange.StepUrl(request, "engagements"), RequestArrange.ValidForms["engagements"].Draft());

        Assert.Equal(first, (await app.StoredAsync(request.Id)).Engagements.CharterAcceptanceId);
        Assert.Equal(1, await app.WithDbAsync(db => db.CharterAcceptances.CountAsync(a => a.OrganizationId == applicant.Organization.Id)));
    }

    public static TheoryData<string, string, string, string> InvalidFields => new()
    {
        { "demarche", "Form.PublicUrl", "pas-une-adresse", "L'adresse de la démarche doit être complète et commencer par https:// ou http://." },
        { "demarche", "Form.Name", "", "Indiquez le nom de la démarche." },
        { "demarche", "Form.ExpectedGoLive", "2001-01-01", "La date de mise en service prévue ne peut pas être dans le passé." },
        { "demarche", "Form.YearlyVolume", "abc", "La valeur « abc » n'est pas valide." },
        { "demarche", "Form.Name", new string('n', 201), "Le nom de la démarche ne doit pas dépasser 200 caractères." },
        { "cadre-juridique", "Form.Url", "ftp://exemple.fr/texte", "L'adresse du texte doit être complète et commencer par https:// ou http://." },
        { "donnees", "Form.Scopes", RequestArrange.RetiredScope, $"La donnée « {RequestArrange.RetiredScope} » n'existe pas ou n'est plus proposée." },
        { "donnees-personnelles", "Form.RetentionMonths", "0", "La durée de conservation doit être comprise entre 1 et 1 200 mois." },
        { "donnees-personnelles", "Form.RetentionMonths", "1201", "La durée de conservation doit être comprise entre 1 et 1 200 mois." },
        { "donnees-personnelles", "Form.RetentionMonths", "abc", "La valeur « abc » n'est pas valide." },
        { "contacts", "Form.BusinessContact.Email", "claire@", "L'adresse électronique n'est pas valide (exemple : prenom.nom@mairie.fr)." },
        { "contacts", "Form.Dpo.Phone", "12345", "Le numéro de téléphone doit comporter 10 chiffres (exemple : 01 23 45 67 89 ou +33 1 23 45 67 89)." },
        { "engagements", "Form.CharterAcceptance", "false", "Acceptez la charte d'utilisation pour envoyer la demande." },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Post_invalid_field_is_refused_with_french_message_next_to_it_and_everything_typed_kept(string slug, string field, string value, string message)
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var form = RequestArrange.ValidForms[slug];
        form[field] = value;

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, slug), form.Draft());

        // A text too long for its column is refused whole (400); anything else is saved as typed and shown with its error.
        Assert.Equal(message.Contains("ne doit pas dépasser", StringComparison.Ordinal) ? HttpStatusCode.BadRequest : HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.ErrorsFor(field));
        Assert.NotNull(page.Document.GetElementById("error-summary"));
        foreach (var (name, typed) in form.Where(f => f.Key.StartsWith("Form.", StringComparison.Ordinal)))
        {
            AssertShown(page, name, typed);
        }
    }

    [Fact]
    public async Task Post_retention_over_36_months_without_justification_shows_message_at_justification()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var form = RequestArrange.ValidForms["donnees-personnelles"];
        form["Form.RetentionMonths"] = "40";

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, "donnees-personnelles"), form.Draft());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Justifiez une durée de conservation supérieure à 36 mois.", page.ErrorsFor("Form.RetentionJustification"));
        Assert.Equal("40", page.ValueOf("Form.RetentionMonths"));
        Assert.Equal(40, (await app.StoredAsync(request.Id)).DataProtection.RetentionMonths);
    }

    [Fact]
    public async Task Post_without_any_scope_shows_message_at_the_scope_list()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, "donnees"), new Dictionary<string, string>().Draft());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Choisissez au moins une donnée.", page.ErrorsFor("Form.Scopes"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Post_blank_scope_value_shows_message_at_the_scope_list_and_stores_no_scope(string blank)
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, "donnees"), new Dictionary<string, string> { ["Form.Scopes"] = blank }.Draft());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Choisissez au moins une donnée.", page.ErrorsFor("Form.Scopes"));
        Assert.Empty(page.Document.QuerySelectorAll("input[name='Form.Scopes'][checked]"));
        Assert.Empty((await app.StoredAsync(request.Id)).Scopes);
    }

    [Fact]
    public async Task Post_text_as_a_number_keeps_it_in_the_field_and_saves_the_other_fields()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var form = RequestArrange.ValidForms["demarche"];
        form["Form.YearlyVolume"] = "abc";

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, "demarche"), form.Draft());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("abc", page.ValueOf("Form.YearlyVolume"));
        Assert.Contains("La valeur « abc » n'est pas valide.", page.ErrorsFor("Form.YearlyVolume"));
        var stored = await app.StoredAsync(request.Id);
        Assert.Equal("Inscription à la cantine", stored.Procedure.Name);
        Assert.Equal(ProcedureModalities.CitizenForm, stored.Procedure.Modalities);
        Assert.Null(stored.Procedure.YearlyVolume);
    }

    [Fact]
    public async Task Post_incomplete_draft_saves_what_was_typed_stays_with_flash_and_shows_errors()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var form = new Dictionary<string, string> { ["Form.Recipients"] = "Service scolaire" };

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, "donnees-personnelles"), form.Draft());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Brouillon enregistré", page.Text);
        Assert.Contains("Indiquez la durée de conservation des données, en mois.", page.ErrorsFor("Form.RetentionMonths"));
        Assert.Equal("Service scolaire", (await app.StoredAsync(request.Id)).DataProtection.Recipients);
    }

    [Fact]
    public async Task Post_complete_draft_redirects_to_the_same_step_with_flash()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var url = RequestArrange.StepUrl(request, "contacts");

        var page = await browser.SubmitAsync(url, RequestArrange.ValidForms["contacts"].Draft());

        Assert.Equal(url, page.Location);
        var followed = await browser.FollowAsync(page);
        Assert.Contains("Brouillon enregistré", followed.Text);
        Assert.Equal("Claire", followed.ValueOf("Form.BusinessContact.FirstName"));
    }

    [Fact]
    public async Task Cest_moi_fills_a_contact_from_the_account_and_keeps_what_was_typed_in_the_others()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var url = RequestArrange.StepUrl(request, "contacts");
        var form = new Dictionary<string, string>(RequestArrange.ValidForms["contacts"])
        {
            ["Form.BusinessContact.FirstName"] = "Autre",
            ["intent"] = "fill:BusinessContact:me",
        };

        var page = await browser.SubmitAsync(url, form);

        // The account has no phone: the draft is saved and the step shown again with that one field to complete.
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var followed = page;
        Assert.Contains("rempli avec vos coordonnées", followed.Text);
        Assert.NotEmpty(followed.ErrorsFor("Form.BusinessContact.Phone"));
        Assert.Equal(applicant.User.FirstName, followed.ValueOf("Form.BusinessContact.FirstName"));
        Assert.Equal(applicant.User.LastName, followed.ValueOf("Form.BusinessContact.LastName"));
        Assert.Equal(applicant.Email, followed.ValueOf("Form.BusinessContact.Email"));
        Assert.Equal(RequestArrange.ValidForms["contacts"]["Form.TechnicalContact.Email"], followed.ValueOf("Form.TechnicalContact.Email"));
        var stored = await app.StoredAsync(request.Id);
        Assert.Equal((applicant.User.FirstName, applicant.Email), (stored.Contacts.BusinessContact.FirstName, stored.Contacts.BusinessContact.Email));
    }

    [Fact]
    public async Task Same_as_the_business_contact_copies_it_into_the_dpo_and_a_forged_fill_is_an_ordinary_draft_save()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var url = RequestArrange.StepUrl(request, "contacts");
        var form = new Dictionary<string, string>(RequestArrange.ValidForms["contacts"]) { ["intent"] = "fill:Dpo:BusinessContact" };

        await browser.SubmitAsync(url, form);
        var stored = await app.StoredAsync(request.Id);
        Assert.Equal(stored.Contacts.BusinessContact, stored.Contacts.Dpo);

        var forged = await browser.SubmitAsync(url, new Dictionary<string, string>(RequestArrange.ValidForms["contacts"]) { ["intent"] = "fill:Dpo:Dpo" });
        Assert.NotEqual(HttpStatusCode.InternalServerError, forged.Status);
    }

    [Fact]
    public async Task Post_too_long_text_is_refused_whole_and_shown_again_as_typed()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var form = RequestArrange.ValidForms["contacts"];
        form["Form.TechnicalContact.LastName"] = new string('x', 101);

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, "contacts"), form.Draft());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Ce champ ne doit pas dépasser 100 caractères.", page.ErrorsFor("Form.TechnicalContact.LastName"));
        Assert.Equal(new string('x', 101), page.ValueOf("Form.TechnicalContact.LastName"));
        Assert.Null((await app.StoredAsync(request.Id)).Contacts.TechnicalContact.LastName);
    }

    private static readonly string[] SlugsInOrder = ["demarche", "cadre-juridique", "donnees", "donnees-personnelles", "contacts", "engagements"];

    public static TheoryData<string> Slugs => [.. SlugsInOrder];

    [Theory]
    [MemberData(nameof(Slugs))]
    public async Task Post_empty_step_shows_every_error_of_the_step_next_to_a_field_of_that_step(string slug)
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, slug), new Dictionary<string, string>().Draft());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var step = AccessRequestStepLabels.All[Array.IndexOf(SlugsInOrder, slug)];
        var errors = await app.WithDbAsync(async db =>
        {
            var stored = await db.AccessRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id);
            var charter = await db.CurrentCharterAsync(CancellationToken.None);
            var offerable = await db.OfferableScopesAsync(CancellationToken.None);
            return stored.SectionErrors(step, charter, offerable, DateTimeOffset.UtcNow);
        });
        Assert.NotEmpty(errors);
        foreach (var error in errors)
        {
            Assert.Contains(error.Message, page.ErrorsFor("Form." + error.Field));
        }
    }

    [Fact]
    public async Task Get_scopes_step_groups_offerable_scopes_by_provider_and_hides_retired_ones()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.GetAsync(RequestArrange.StepUrl(request, "donnees"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var legends = page.Document.QuerySelectorAll("#scopes fieldset legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains(legends, l => l.StartsWith("Caisse nationale des allocations familiales", StringComparison.Ordinal));
        Assert.DoesNotContain(legends, l => l.StartsWith("Direction générale des finances publiques", StringComparison.Ordinal));
        Assert.NotNull(page.Document.QuerySelector("input[name='Form.Scopes'][value='cnaf_quotient_familial']"));
        Assert.Null(page.Document.QuerySelector($"input[name='Form.Scopes'][value='{RequestArrange.RetiredScope}']"));
    }

    [Fact]
    public async Task Get_scopes_step_names_each_scope_in_french_with_its_code_in_small_type_under_its_provider()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.GetAsync(RequestArrange.StepUrl(request, "donnees"));

        var box = page.Document.QuerySelector("input[name='Form.Scopes'][value='cnaf_quotient_familial']")!;
        var label = page.Document.QuerySelector($"label[for='{box.Id}']")!;
        Assert.StartsWith("Quotient familial CAF & MSA", label.TextContent.Trim());
        Assert.Equal("cnaf_quotient_familial", label.QuerySelector(".fr-hint-text")!.TextContent.Trim());
        Assert.StartsWith("Caisse nationale des allocations familiales", box.Closest("fieldset")!.QuerySelector("legend")!.TextContent.Trim());
        Assert.Null(page.Document.GetElementById("use-case-scopes"));
    }

    [Fact]
    public async Task Post_step_with_errors_and_next_step_saves_it_as_typed_and_goes_on_with_a_flash()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var form = new Dictionary<string, string> { ["Form.Recipients"] = "Service scolaire" };

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, "donnees-personnelles"), form.Continue());

        Assert.Equal(RequestArrange.StepUrl(request, "contacts"), page.Location);
        Assert.Equal("Service scolaire", (await app.StoredAsync(request.Id)).DataProtection.Recipients);
        var next = await browser.FollowAsync(page);
        Assert.Contains("L'étape « Protection des données » est enregistrée. Un point reste à compléter", next.Text);
    }

    [Fact]
    public async Task Post_text_as_a_number_with_next_step_stays_on_the_step_because_the_value_could_not_be_saved()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var form = RequestArrange.ValidForms["demarche"];
        form["Form.YearlyVolume"] = "abc";

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, "demarche"), form.Continue());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("abc", page.ValueOf("Form.YearlyVolume"));
        Assert.StartsWith("Erreur : ", page.Document.Title);
    }

    [Fact]
    public async Task Get_step_to_check_shows_the_saved_errors_next_to_fields_with_a_summary_linking_to_each_field_and_an_error_title()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        await browser.SubmitAsync(RequestArrange.StepUrl(request, "contacts"), new Dictionary<string, string> { ["Form.Dpo.Email"] = "dpo@" }.Continue());

        var plain = await browser.GetAsync(RequestArrange.StepUrl(request, "contacts"));
        var page = await browser.GetAsync(RequestArrange.StepUrl(request, "contacts") + "?verifier=1");

        Assert.Null(plain.Document.GetElementById("error-summary"));
        Assert.DoesNotContain("Erreur", plain.Document.Title);
        Assert.StartsWith("Erreur : Contacts", page.Document.Title);
        Assert.Contains("L'adresse électronique n'est pas valide (exemple : prenom.nom@mairie.fr).", page.ErrorsFor("Form.Dpo.Email"));
        var links = page.Document.QuerySelectorAll("#error-summary ul a").ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.NotNull(page.Document.GetElementById(link.GetAttribute("href")!.TrimStart('#'))));
        var dpoEmail = Assert.Single(links, a => a.GetAttribute("href") == "#Form_Dpo_Email");
        Assert.Equal("Délégué à la protection des données : L'adresse électronique n'est pas valide (exemple : prenom.nom@mairie.fr).", dpoEmail.TextContent);
        Assert.Equal("dpo@", page.ValueOf("Form.Dpo.Email"));
    }

    [Fact]
    public async Task Error_summary_of_the_scope_step_links_to_the_scope_list()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, "donnees"), new Dictionary<string, string>().Draft());

        var link = Assert.Single(page.Document.QuerySelectorAll("#error-summary ul a"));
        Assert.Equal(("#Form_Scopes", "Choisissez au moins une donnée."), (link.GetAttribute("href"), link.TextContent));
        Assert.Equal("fieldset", page.Document.GetElementById("Form_Scopes")!.LocalName);
    }

    [Fact]
    public async Task Get_step_shows_every_step_as_a_link_the_current_one_marked_and_the_last_button_says_check_and_send()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync(complete: true);

        var first = await browser.GetAsync(RequestArrange.StepUrl(request, "demarche"));
        var last = await browser.GetAsync(RequestArrange.StepUrl(request, "engagements"));

        var links = first.Document.QuerySelectorAll("#stepper-links a").ToList();
        Assert.Equal([.. SlugsInOrder.Select(slug => RequestArrange.StepUrl(request, slug)), $"/demandes/{request.Id}/recapitulatif"],
            links.Select(a => a.GetAttribute("href")));
        Assert.Equal("1. Démarche", Assert.Single(links, a => a.GetAttribute("aria-current") == "step").TextContent.Trim());
        Assert.DoesNotContain(links, a => a.TextContent.Contains("à compléter", StringComparison.Ordinal));
        Assert.Equal("Étape suivante", first.Document.QuerySelector("button[name='intent'][value='continue']")!.TextContent.Trim());
        Assert.Equal("Vérifier et envoyer", last.Document.QuerySelector("button[name='intent'][value='continue']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_step_of_an_empty_draft_marks_the_steps_left_to_complete()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.GetAsync(RequestArrange.StepUrl(request, "donnees"));

        Assert.Equal(6, page.Document.QuerySelectorAll("#stepper-links a").Count(a => a.TextContent.Contains("(à compléter)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Get_step_shows_stepper_with_position_and_next_step()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.GetAsync(RequestArrange.StepUrl(request, "donnees"));

        var stepper = page.Document.QuerySelector(".fr-stepper")!;
        Assert.Contains("Données demandées", stepper.QuerySelector(".fr-stepper__title")!.TextContent);
        Assert.Equal("Étape 3 sur 6", stepper.QuerySelector(".fr-stepper__state")!.TextContent.Trim());
        Assert.Contains("Protection des données", stepper.QuerySelector(".fr-stepper__details")!.TextContent);
    }

    [Fact]
    public async Task Get_engagements_shows_the_current_charter_in_full_with_its_version()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.GetAsync(RequestArrange.StepUrl(request, "engagements"));

        var callout = page.Document.QuerySelector(".fr-callout#charter")!;
        Assert.Contains("version 1.0", callout.QuerySelector(".fr-callout__title")!.TextContent);
        Assert.Contains("Minimisation.", callout.TextContent);
        Assert.Contains("Évolution.", callout.TextContent);
        Assert.Contains("(version 1.0)", page.Document.QuerySelector("label[for='Form_CharterAcceptance']")!.TextContent);
    }

    [Fact]
    public async Task Get_unknown_step_answers_404()
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();

        var page = await browser.GetAsync(RequestArrange.StepUrl(request, "inconnue"));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }


    /// <summary>A text field shows the value; a checkbox with that value (or "true") is checked.</summary>
    private static void AssertShown(Page page, string field, string value)
    {
        var inputs = page.Document.QuerySelectorAll($"[name='{field}']").ToList();
        Assert.NotEmpty(inputs);
        if (inputs[0].GetAttribute("type") == "checkbox")
        {
            var box = inputs.Single(i => i.GetAttribute("type") == "checkbox" && i.GetAttribute("value") == (value == "false" ? "true" : value));
            Assert.Equal(value != "false", box.HasAttribute("checked"));
            return;
        }

        Assert.Equal(value, page.ValueOf(field));
    }
}
