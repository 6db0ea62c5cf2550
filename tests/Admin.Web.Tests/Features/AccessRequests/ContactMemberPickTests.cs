using System.Net;
using Admin.Domain.Organizations;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Web.Tests.Support;

namespace Admin.Web.Tests.Features.AccessRequests;

/// <summary>The contacts step: a contact taken from a member of the organization chosen in a list, server-side.</summary>
public sealed class ContactMemberPickTests(WizardWebFactory app) : IClassFixture<WizardWebFactory>
{
    private const string Field = "TechnicalContactMember";

    private static Dictionary<string, string> Typed(string? member)
    {
        var form = new Dictionary<string, string>(RequestArrange.ValidForms["contacts"])
        {
            ["Form.BusinessContact.FirstName"] = "Autre",
            ["intent"] = "fill:TechnicalContact:member",
        };
        if (member is not null) form[Field] = member;
        return form;
    }

    private static List<string?> Options(Page page) =>
        [.. page.Document.QuerySelectorAll($"select[name='{Field}'] option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v))];

    [Fact]
    public async Task Contacts_step_lists_the_members_of_the_organization_and_no_one_else()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var colleague = await app.MemberOfAsync(applicant, MembershipRole.TechnicalContact);
        var outsider = await app.PartnerWithOrganizationAsync();

        var page = await browser.GetAsync(RequestArrange.StepUrl(request, "contacts"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(new[] { applicant.User.Id.ToString(), colleague.User.Id.ToString() }.Order(), Options(page).Order());
        Assert.DoesNotContain(outsider.User.Id.ToString(), page.Document.Body!.InnerHtml);
        Assert.NotNull(page.Document.QuerySelector("select[name='BusinessContactMember']"));
        Assert.NotNull(page.Document.QuerySelector("select[name='DpoMember']"));
    }

    [Fact]
    public async Task Choosing_a_member_fills_that_contact_and_keeps_what_was_typed_in_the_others()
    {
        var (applicant, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var colleague = await app.MemberOfAsync(applicant, MembershipRole.TechnicalContact);

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, "contacts"), Typed(colleague.User.Id.ToString()));

        Assert.Contains("rempli avec les coordonnées du membre choisi", page.Text);
        Assert.Equal(colleague.Email, page.ValueOf("Form.TechnicalContact.Email"));
        Assert.Equal("Autre", page.ValueOf("Form.BusinessContact.FirstName"));
        var stored = await app.StoredAsync(request.Id);
        Assert.Equal((colleague.User.FirstName, colleague.User.LastName, colleague.Email),
            (stored.Contacts.TechnicalContact.FirstName, stored.Contacts.TechnicalContact.LastName, stored.Contacts.TechnicalContact.Email));
        Assert.Equal("Autre", stored.Contacts.BusinessContact.FirstName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("outsider")]
    public async Task Choosing_no_member_or_someone_outside_the_organization_shows_the_message_beside_the_list_and_keeps_what_was_typed(string member)
    {
        var (_, browser, request) = await app.SignedInApplicantWithDraftAsync();
        var outsider = await app.PartnerWithOrganizationAsync();
        var typed = Typed(member == "outsider" ? outsider.User.Id.ToString() : member);

        var page = await browser.SubmitAsync(RequestArrange.StepUrl(request, "contacts"), typed);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(FillContact.MemberNotFound.Message, page.ErrorsFor(Field));
        Assert.Equal(typed["Form.TechnicalContact.Email"], page.ValueOf("Form.TechnicalContact.Email"));
        Assert.Equal("Autre", page.ValueOf("Form.BusinessContact.FirstName"));
        var stored = await app.StoredAsync(request.Id);
        Assert.Equal(typed["Form.TechnicalContact.Email"], stored.Contacts.TechnicalContact.Email);
        Assert.DoesNotContain(outsider.Email, page.Document.Body!.InnerHtml);
    }

    [Fact]
    public async Task Choosing_a_member_on_another_organizations_request_answers_404_and_changes_nothing()
    {
        var (_, _, request) = await app.SignedInApplicantWithDraftAsync();
        var (_, intruder, own) = await app.SignedInApplicantWithDraftAsync();
        var url = RequestArrange.StepUrl(request, "contacts");
        await intruder.GetAsync(RequestArrange.StepUrl(own, "contacts"));

        var page = await intruder.PostAsync(url, Typed(Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.True(string.IsNullOrEmpty((await app.StoredAsync(request.Id)).Contacts.TechnicalContact.Email));
    }
}
