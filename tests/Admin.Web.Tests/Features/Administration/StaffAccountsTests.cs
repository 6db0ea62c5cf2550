using System.Net;
using Admin.Domain.Users;
using Admin.Infrastructure.Identity;
using Admin.Infrastructure.Outbox;
using Admin.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Admin.Web.Tests.Features.Administration;

public sealed class StaffAccountsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private static readonly Dictionary<string, string> NoFields = [];

    [Fact]
    public async Task Get_as_administrator_lists_staff_not_partners_searchable_by_name_or_email_and_the_staff_home_links_there()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        var auditor = await StaffAccountAsync(Roles.Auditor, "Hortense", "Vérificatrice");
        var partner = await app.PartnerWithOrganizationAsync();

        var all = await administrator.GetAsync("/admin/agents");
        var byName = await administrator.GetAsync("/admin/agents?q=hortense%20v%C3%A9rif");
        var byEmail = await administrator.GetAsync("/admin/agents?q=" + Uri.EscapeDataString(auditor.Email![..12]));

        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Contains(auditor.Email!, all.Document.GetElementById("staff")!.TextContent);
        Assert.DoesNotContain(partner.Email, all.Text);
        Assert.Equal([auditor.Email!], EmailsListed(byName));
        Assert.Equal([auditor.Email!], EmailsListed(byEmail));
        var home = await administrator.GetAsync("/instruction");
        Assert.Equal(["/admin/agents", "/admin/perimetres", "/admin/charte"],
            home.Document.QuerySelectorAll("#administration a").Select(a => a.GetAttribute("href")!).Take(3));
    }

    [Theory]
    [InlineData(Roles.Instructor)]
    [InlineData(Roles.Auditor)]
    public async Task Get_and_post_as_other_staff_are_refused_and_change_nothing(string role)
    {
        var staff = await app.StaffWithTwoFactorAsync(role);
        var target = await StaffAccountAsync(Roles.Instructor);
        var invited = $"intrus.{Guid.NewGuid():N}@api.gouv.fr";
        var id = target.Id;

        var gets = new[] { "/admin/agents", "/admin/agents/inviter", $"/admin/agents/{id}/role", $"/admin/agents/{id}/desactiver" };
        foreach (var url in gets)
        {
            var page = await staff.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"GET {url} answered {(int)page.Status}");
        }

        await staff.GetAsync("/instruction");
        var posts = new Dictionary<string, Dictionary<string, string>>
        {
            ["/admin/agents/inviter"] = new() { ["FirstName"] = "Ada", ["LastName"] = "Intruse", ["Email"] = invited, ["Role"] = Roles.Administrator },
            [$"/admin/agents/{id}/role"] = new() { ["Role"] = Roles.Administrator },
            [$"/admin/agents/{id}/desactiver"] = NoFields,
            [$"/admin/agents/{id}/reactiver"] = NoFields,
        };
        foreach (var (url, fields) in posts)
        {
            var page = await staff.PostAsync(url, fields);
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"POST {url} answered {(int)page.Status}");
        }

        Assert.Null(await app.FindUserAsync(invited));
        var after = (await app.FindUserAsync(target.Email!))!;
        Assert.Null(after.DeactivatedAt);
        Assert.Equal(target.SecurityStamp, after.SecurityStamp);
        Assert.Equal([Roles.Instructor], await RolesOfAsync(after));
    }

    [Theory]
    [InlineData("", "Martin", "ok", Roles.Instructor, "FirstName", "Saisissez le prénom.")]
    [InlineData("Camille", "Martin", "pas-une-adresse", Roles.Instructor, "Email", "Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.")]
    [InlineData("Camille", "Martin", "ok", "", "Role", "Choisissez un rôle : instructeur, administrateur ou auditeur.")]
    [InlineData("Camille", "Martin", "ok", Roles.Partner, "Role", "Choisissez un rôle : instructeur, administrateur ou auditeur.")]
    public async Task Post_invite_with_bad_input_shows_the_message_next_to_the_field_keeps_what_was_typed_and_creates_nothing(
        string firstName, string lastName, string email, string role, string field, string message)
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        var address = email == "ok" ? $"camille.{Guid.NewGuid():N}@api.gouv.fr" : email;

        var page = await administrator.SubmitAsync("/admin/agents/inviter", new Dictionary<string, string>
        {
            ["FirstName"] = firstName, ["LastName"] = lastName, ["Email"] = address, ["Role"] = role,
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(message, page.ErrorsFor(field));
        Assert.Equal(lastName, page.ValueOf("LastName"));
        Assert.Equal(address, page.ValueOf("Email"));
        Assert.Null(await app.FindUserAsync(address));
    }

    [Fact]
    public async Task Post_invite_of_an_address_that_has_an_account_says_so_next_to_the_email()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        var partner = await app.PartnerWithOrganizationAsync();

        var page = await administrator.SubmitAsync("/admin/agents/inviter", new Dictionary<string, string>
        {
            ["FirstName"] = "Camille", ["LastName"] = "Martin", ["Email"] = partner.Email, ["Role"] = Roles.Instructor,
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Un compte existe déjà avec cette adresse électronique.", page.ErrorsFor("Email"));
        Assert.Equal([Roles.Partner], await RolesOfAsync(partner.User));
    }

    [Fact]
    public async Task Post_invite_creates_a_confirmed_account_with_the_role_audits_it_and_emails_a_link_to_choose_the_password_then_two_factor_is_required()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);
        var email = $"camille.{Guid.NewGuid():N}@api.gouv.fr";

        var invited = await administrator.SubmitAsync("/admin/agents/inviter", new Dictionary<string, string>
        {
            ["FirstName"] = "Camille", ["LastName"] = "Martin", ["Email"] = email, ["Role"] = Roles.Auditor,
        });

        Assert.Equal("/admin/agents", invited.Location);
        var user = (await app.FindUserAsync(email))!;
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        Assert.Equal([Roles.Auditor], await RolesOfAsync(user));
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == user.Id && a.Action == "staff.invited"));
        Assert.Equal((administratorId, Roles.Auditor), (audit.ActorId!.Value, audit.ToState));
        var mail = (await app.DeliverOutboxAsync()).Single(m => m.To == email);
        Assert.Equal(AccountNotifications.StaffInvitedKind, mail.Kind);
        var link = Accounts.LinkIn(mail, "/compte/nouveau-mot-de-passe");
        Assert.DoesNotContain(link.Split("code=")[1], audit.Data);

        var newcomer = new Browser(app.CreateBrowser());
        var form = await newcomer.GetAsync(link);
        var chosen = await newcomer.PostAsync("/compte/nouveau-mot-de-passe", new Dictionary<string, string>
        {
            ["Email"] = form.ValueOf("Email")!, ["Code"] = form.ValueOf("Code")!, ["Password"] = "Nouveau-Secret-2027", ["ConfirmPassword"] = "Nouveau-Secret-2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, chosen.Status);
        var signedIn = await Accounts.SignInAsync(newcomer, email, "Nouveau-Secret-2027");
        Assert.StartsWith("/compte/double-authentification", signedIn.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.GetAsync("/instruction")).Status);
    }

    [Fact]
    public async Task Post_role_changes_the_role_audits_it_and_ends_the_sessions_that_carry_the_old_one()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);
        var (colleague, colleagueId) = await app.StaffMemberSignedInAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/admin/agents")).Status);

        var form = await administrator.GetAsync($"/admin/agents/{colleagueId}/role");
        Assert.Equal(Roles.Administrator, form.Document.QuerySelector("select[name='Role'] option[selected]")?.GetAttribute("value"));
        var changed = await administrator.PostAsync($"/admin/agents/{colleagueId}/role", new Dictionary<string, string> { ["Role"] = Roles.Instructor });

        Assert.Equal("/admin/agents", changed.Location);
        var user = (await app.WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(colleagueId.ToString())))!;
        Assert.Equal([Roles.Instructor], await RolesOfAsync(user));
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == colleagueId && a.Action == "staff.role_changed"));
        Assert.Equal((administratorId, Roles.Administrator, Roles.Instructor), (audit.ActorId!.Value, audit.FromState, audit.ToState));
        Assert.True(SessionCookies.IsSentToSignIn((await colleague.GetAsync("/admin/agents")).Response));
    }

    [Fact]
    public async Task Post_role_of_oneself_is_refused_next_to_the_role_and_changes_nothing()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);

        var page = await administrator.SubmitAsync($"/admin/agents/{administratorId}/role", new Dictionary<string, string> { ["Role"] = Roles.Auditor });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Vous ne pouvez pas modifier votre propre rôle : demandez-le à un autre administrateur.", page.ErrorsFor("Role"));
        Assert.Equal(Roles.Auditor, page.Document.QuerySelector("select[name='Role'] option[selected]")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync("/admin/agents")).Status);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == administratorId && a.Action == "staff.role_changed")));
    }

    [Fact]
    public async Task Post_deactivate_after_confirmation_ends_the_sessions_refuses_sign_in_audits_and_reactivating_lets_them_in_again()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);
        var (instructor, instructorId) = await app.StaffMemberSignedInAsync(Roles.Instructor);
        var email = (await app.WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(instructorId.ToString())))!.Email!;
        Assert.Equal(HttpStatusCode.OK, (await instructor.GetAsync("/instruction")).Status);

        var confirm = await administrator.GetAsync($"/admin/agents/{instructorId}/desactiver");
        Assert.Contains(email, confirm.Document.QuerySelector("main")?.TextContent ?? confirm.Text);
        Assert.Null((await app.FindUserAsync(email))!.DeactivatedAt);
        var deactivated = await administrator.PostAsync($"/admin/agents/{instructorId}/desactiver", NoFields);

        Assert.Equal("/admin/agents", deactivated.Location);
        Assert.NotNull((await app.FindUserAsync(email))!.DeactivatedAt);
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == instructorId && a.Action == "staff.deactivated"));
        Assert.Equal(administratorId, audit.ActorId);
        Assert.True(SessionCookies.IsSentToSignIn((await instructor.GetAsync("/instruction")).Response));
        var refused = await Accounts.SignInAsync(new Browser(app.CreateBrowser()), email, Accounts.StrongPassword);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Ce compte a été désactivé", refused.Document.GetElementById("error-summary")?.TextContent);
        Assert.Contains("Désactivé le", (await administrator.GetAsync("/admin/agents")).Document.QuerySelector($"tr[data-user-id='{instructorId}']")!.TextContent);

        var reactivated = await administrator.PostAsync($"/admin/agents/{instructorId}/reactiver", NoFields);

        Assert.Equal("/admin/agents", reactivated.Location);
        Assert.Null((await app.FindUserAsync(email))!.DeactivatedAt);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == instructorId && a.Action == "staff.reactivated")));
        var again = await Accounts.SignInAsync(new Browser(app.CreateBrowser()), email, Accounts.StrongPassword);
        Assert.StartsWith("/compte/connexion/double-authentification", again.Location);
    }

    [Fact]
    public async Task Post_deactivate_oneself_is_refused_with_a_french_message_and_the_session_goes_on()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);

        var page = await administrator.SubmitAsync($"/admin/agents/{administratorId}/desactiver", NoFields);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.",
            page.Document.GetElementById("error-summary")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync("/admin/agents")).Status);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == administratorId && a.Action == "staff.deactivated")));
    }

    private async Task<AppUser> StaffAccountAsync(string role, string firstName = "Test", string lastName = "Agent")
    {
        var user = await app.CreateUserAsync($"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@api.gouv.fr", Accounts.StrongPassword, role);
        return await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
            stored.FirstName = firstName;
            stored.LastName = lastName;
            await users.UpdateAsync(stored);
            return stored;
        });
    }

    private Task<IList<string>> RolesOfAsync(AppUser user) =>
        app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetRolesAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        });

    private static IReadOnlyList<string> EmailsListed(Page page) =>
        [.. page.Document.QuerySelectorAll("#staff tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim())];
}
