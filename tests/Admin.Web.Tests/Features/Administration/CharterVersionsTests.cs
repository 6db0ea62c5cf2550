using System.Net;
using Admin.Domain.AccessRequests;
using Admin.Domain.Charters;
using Admin.Domain.Users;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Administration;

/// <summary>Publishing changes the current charter of the whole class's database: each test reads it first.</summary>
public sealed class CharterVersionsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private const string Body = "Premier engagement.\n\nSecond engagement.";

    [Fact]
    public async Task Get_as_administrator_lists_the_versions_newest_first_with_the_current_one_marked()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        var current = await CurrentAsync();

        var page = await administrator.GetAsync("/admin/charte");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var first = page.Document.QuerySelector("#charter-versions tbody tr")!;
        Assert.Contains(current.Label, first.TextContent);
        Assert.Contains("En vigueur", first.TextContent);
        var form = await administrator.GetAsync("/admin/charte/nouvelle");
        Assert.Equal(current.Title, form.ValueOf("Title"));
    }

    [Theory]
    [InlineData(Roles.Instructor)]
    [InlineData(Roles.Auditor)]
    public async Task Get_and_post_as_other_staff_are_refused_and_publish_nothing(string role)
    {
        var staff = await app.StaffWithTwoFactorAsync(role);
        var count = await app.WithDbAsync(db => db.CharterVersions.CountAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/charte")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/charte/nouvelle")).Status);
        await staff.GetAsync("/instruction");
        var posted = await staff.PostAsync("/admin/charte/nouvelle", Form("Charte", Body, CharterChange.Major, "publier"));

        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Equal(count, await app.WithDbAsync(db => db.CharterVersions.CountAsync()));
    }

    [Theory]
    [InlineData("", Body, "Major", "Title", "Saisissez le titre de la charte.")]
    [InlineData("Charte", " ", "Minor", "Body", "Saisissez le texte de la charte.")]
    [InlineData("Charte", Body, "", "Change", "Indiquez s'il s'agit d'une version mineure ou majeure.")]
    public async Task Post_with_bad_input_shows_the_message_next_to_the_field_keeps_what_was_typed_and_publishes_nothing(
        string title, string body, string change, string field, string message)
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        var count = await app.WithDbAsync(db => db.CharterVersions.CountAsync());

        var page = await administrator.SubmitAsync("/admin/charte/nouvelle", new Dictionary<string, string>
        {
            ["Title"] = title, ["Body"] = body, ["Change"] = change, ["step"] = "publier",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor(field));
        Assert.Equal(title, page.ValueOf("Title"));
        Assert.Equal(count, await app.WithDbAsync(db => db.CharterVersions.CountAsync()));
    }

    [Fact]
    public async Task Post_minor_asks_for_confirmation_then_publishes_the_next_minor_audits_it_and_acceptances_still_hold()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync(complete: true);
        var current = await CurrentAsync();
        var next = $"{current.Major}.{current.Minor + 1}";

        var confirm = await administrator.SubmitAsync("/admin/charte/nouvelle", Form("Charte révisée", Body, CharterChange.Minor));
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains(next, confirm.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("restent valables", confirm.Document.GetElementById("consequence")!.TextContent);
        Assert.Equal(current.Id, (await CurrentAsync()).Id);
        var back = await administrator.PostAsync("/admin/charte/nouvelle", Form("Charte révisée", Body, CharterChange.Minor, "modifier"));
        Assert.Equal(("Charte révisée", Body), (back.ValueOf("Title"), back.ValueOf("Body")));

        var published = await administrator.PostAsync("/admin/charte/nouvelle", Form("Charte révisée", Body, CharterChange.Minor, "publier"));

        Assert.Equal("/admin/charte", published.Location);
        var stored = await CurrentAsync();
        Assert.Equal((next, "Charte révisée", Body), (stored.Label, stored.Title, stored.Body));
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == stored.Id));
        Assert.Equal(("charter.published", administratorId), (audit.Action, audit.ActorId!.Value));
        var engagements = await browser.GetAsync(RequestArrange.StepUrl(request, "engagements"));
        Assert.Contains($"version {next}", engagements.Document.GetElementById("charter")!.TextContent);
        Assert.NotNull(engagements.Document.QuerySelector("input[name='Form.CharterAcceptance'][checked]"));
        Assert.DoesNotContain("Une nouvelle version a été publiée", engagements.Text);
    }

    [Fact]
    public async Task Post_major_publishes_the_next_major_and_the_wizard_asks_for_a_new_acceptance_before_the_next_submission()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync(complete: true);
        var current = await CurrentAsync();
        var next = $"{current.Major + 1}.0";

        var confirm = await administrator.SubmitAsync("/admin/charte/nouvelle", Form("Charte 2", Body, CharterChange.Major));
        Assert.Contains(next, confirm.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("devra l'accepter avant sa prochaine soumission", confirm.Document.GetElementById("consequence")!.TextContent);
        var published = await administrator.PostAsync("/admin/charte/nouvelle", Form("Charte 2", Body, CharterChange.Major, "publier"));

        Assert.Equal("/admin/charte", published.Location);
        Assert.Equal(next, (await CurrentAsync()).Label);
        var engagements = await browser.GetAsync(RequestArrange.StepUrl(request, "engagements"));
        Assert.Contains($"Cette demande s'appuyait sur la version {current.Label} de la charte. Une nouvelle version a été publiée",
            engagements.Document.QuerySelector(".fr-alert--warning")!.TextContent);
        Assert.Null(engagements.Document.QuerySelector("input[name='Form.CharterAcceptance'][checked]"));

        var summary = await browser.GetAsync($"/demandes/{request.Id}/recapitulatif");
        var submitted = await browser.PostAsync($"/demandes/{request.Id}/soumettre", new Dictionary<string, string> { ["version"] = summary.ValueOf("version")! });
        Assert.Null(submitted.Location);
        Assert.Contains(AccessRequestErrors.CharterAcceptanceOutdated.Message, submitted.Document.GetElementById("submit-errors")!.TextContent);
        Assert.Equal(AccessRequestStatus.Draft, (await app.StoredAsync(request.Id)).Status);

        var accepted = await browser.SubmitAsync(RequestArrange.StepUrl(request, "engagements"), RequestArrange.ValidForms["engagements"].Continue());
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        summary = await browser.GetAsync($"/demandes/{request.Id}/recapitulatif");
        var sent = await browser.PostAsync($"/demandes/{request.Id}/soumettre", new Dictionary<string, string> { ["version"] = summary.ValueOf("version")! });
        Assert.NotNull(sent.Location);
        Assert.Equal(AccessRequestStatus.Submitted, (await app.StoredAsync(request.Id)).Status);
    }

    private Task<CharterVersion> CurrentAsync() => app.WithDbAsync(db => db.CurrentCharterAsync(CancellationToken.None));

    private static Dictionary<string, string> Form(string title, string body, CharterChange change, string? step = null)
    {
        var form = new Dictionary<string, string> { ["Title"] = title, ["Body"] = body, ["Change"] = change.ToString() };
        if (step is not null) form["step"] = step;
        return form;
    }
}
