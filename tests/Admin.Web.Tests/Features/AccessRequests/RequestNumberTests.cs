using System.Net;
using System.Text.RegularExpressions;
using Admin.Domain.AccessRequests;
using Admin.Domain.Users;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.AccessRequests;

/// <summary>Every request's number (DA-2026-000123): given at creation, unique, shown where the request is named, searchable.</summary>
public sealed partial class RequestNumberTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    [GeneratedRegex(@"^DA-(\d{4})-(\d{6})$")]
    private static partial Regex Shape();

    [Fact]
    public async Task Created_request_is_stored_with_a_number_of_its_creation_year()
    {
        var draft = await app.DraftAsync(await app.PartnerWithOrganizationAsync());

        var stored = await app.StoredAsync(draft.Id);

        var match = Shape().Match(stored.Number);
        Assert.True(match.Success, stored.Number);
        Assert.Equal(RequestNumber.YearOf(stored.CreatedAt).ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups[1].Value);
        var counter = await app.WithDbAsync(db => db.RequestNumberCounters.AsNoTracking().SingleAsync(c => c.Year == RequestNumber.YearOf(stored.CreatedAt)));
        Assert.True(counter.Last >= int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Requests_created_at_the_same_time_get_distinct_consecutive_numbers()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var now = DateTimeOffset.UtcNow;
        var year = RequestNumber.YearOf(now);
        var before = await app.WithDbAsync(db => db.RequestNumberCounters.AsNoTracking().Where(c => c.Year == year).Select(c => c.Last).FirstOrDefaultAsync());

        // Each save in its own scope (own context, own connection), all at once; one of them saves two requests.
        var saves = Enumerable.Range(0, 12).Select(i => Task.Run(() => app.WithDbAsync(async db =>
        {
            db.AccessRequests.Add(AccessRequest.Create(applicant.Organization.Id, applicant.User.Id, now));
            if (i == 0) db.AccessRequests.Add(AccessRequest.Create(applicant.Organization.Id, applicant.User.Id, now));
            return await db.SaveChangesAsync();
        })));
        await Task.WhenAll(saves);

        var numbers = await app.WithDbAsync(db => db.AccessRequests.AsNoTracking()
            .Where(r => r.OrganizationId == applicant.Organization.Id).Select(r => r.Number).ToListAsync());
        Assert.Equal(13, numbers.Count);
        Assert.Equal(13, numbers.Distinct().Count());
        var sequences = numbers.Select(n => int.Parse(Shape().Match(n).Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        // Other tests of this class may create requests meanwhile: ours are distinct, after the counter we read, all counted.
        Assert.All(sequences, s => Assert.True(s > before));
        var after = await app.WithDbAsync(db => db.RequestNumberCounters.AsNoTracking().SingleAsync(c => c.Year == year));
        Assert.True(after.Last >= before + 13);
    }

    [Fact]
    public async Task Partner_list_and_request_page_show_the_number_and_the_list_finds_a_request_by_it()
    {
        var applicant = await app.PartnerWithOrganizationAsync();
        var wanted = await app.DraftAsync(applicant);
        var other = await app.DraftAsync(applicant);
        var elsewhere = await app.DraftAsync(await app.PartnerWithOrganizationAsync());
        var browser = await app.SignedInAsync(applicant);

        var all = await browser.GetAsync("/espace-partenaire");
        var found = await browser.GetAsync("/espace-partenaire?q=" + Uri.EscapeDataString(wanted.Number.ToLowerInvariant().Replace('-', ' ')));
        var notOurs = await browser.GetAsync("/espace-partenaire?q=" + Uri.EscapeDataString(elsewhere.Number));
        var show = await browser.GetAsync($"/demandes/{wanted.Id}");

        Assert.Contains($"n° {wanted.Number}", all.Text);
        Assert.Contains($"n° {other.Number}", all.Text);
        Assert.Contains($"/demandes/{wanted.Id}", found.Document.Body!.InnerHtml);
        Assert.DoesNotContain($"/demandes/{other.Id}", found.Document.Body!.InnerHtml);
        Assert.DoesNotContain($"/demandes/{elsewhere.Id}", notOurs.Document.Body!.InnerHtml);
        Assert.Contains("Aucune demande ne correspond", notOurs.Text);
        Assert.Equal(HttpStatusCode.OK, show.Status);
        Assert.Contains(wanted.Number, show.Document.GetElementById("request-number")!.TextContent);
    }

    [Fact]
    public async Task Staff_queue_and_review_page_show_the_number_and_the_queue_finds_a_request_by_it()
    {
        var request = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync());
        var other = await app.SubmittedAsync(await app.PartnerWithOrganizationAsync());
        var staff = await app.StaffWithTwoFactorAsync(Roles.Instructor);

        var found = await staff.GetAsync("/instruction/demandes?q=" + Uri.EscapeDataString(request.Number));
        var review = await staff.GetAsync($"/instruction/demandes/{request.Id}");

        var rows = found.Document.QuerySelectorAll("tr[data-request-id]").Select(r => r.GetAttribute("data-request-id")).ToList();
        Assert.Equal([request.Id.ToString()], rows);
        Assert.Contains($"n° {request.Number}", found.Text);
        Assert.DoesNotContain(other.Id.ToString(), found.Document.Body!.InnerHtml);
        Assert.Contains($"n° {request.Number}", review.Text);
    }

    [Fact]
    public async Task Receipt_and_instructor_e_mails_name_the_request_by_its_number()
    {
        await app.InstructorAsync();
        var applicant = await app.PartnerWithOrganizationAsync();

        var request = await app.SubmittedAsync(applicant);

        var sent = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == AccessRequestNotifications.ReceiptKind && m.To == applicant.Email).ToListAsync());
        var receipt = Assert.Single(sent);
        Assert.Contains($"(n° {request.Number})", receipt.Subject);
        Assert.Contains($"(n° {request.Number})", receipt.TextBody);
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m =>
            m.Kind == AccessRequestNotifications.InstructorKind && m.Subject.Contains(request.Number))));
    }
}
