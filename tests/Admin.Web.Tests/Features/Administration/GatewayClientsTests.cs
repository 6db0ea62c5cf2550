using System.Net;
using Admin.Domain.ApiKeys;
using Admin.Domain.Gateways;
using Admin.Domain.Users;
using Admin.Infrastructure.Keys;
using Admin.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Features.Administration;

public sealed class GatewayClientsTests(AdminWebFactory app) : IClassFixture<AdminWebFactory>
{
    private const string ListUrl = "/admin/passerelles";
    private const string NewUrl = "/admin/passerelles/nouvelle";

    [Fact]
    public async Task Post_new_credential_shows_the_secret_once_uncached_stores_only_its_hash_and_audits()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);

        var created = await administrator.SubmitAsync(NewUrl, new Dictionary<string, string> { ["Form.Name"] = " nginx production ", ["Form.Environment"] = "Production" });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Contains("no-store", created.Response.Headers.CacheControl!.ToString());
        var secret = KeyArrange.SecretOn(created);
        Assert.True(GatewayCredentialFormat.IsWellFormed(secret));
        var stored = await app.WithDbAsync(db => db.GatewayClients.AsNoTracking().SingleAsync(c => c.Name == "nginx production"));
        Assert.Equal((ApiKeyEnvironment.Production, administratorId, ApiKeySecrets.Hash(secret), secret[..12]),
            (stored.Environment, stored.CreatedBy, stored.Hash, stored.VisiblePrefix));
        Assert.Equal(stored.Id, (await app.WithDbAsync(db => GatewayCredentialSecrets.FindActiveAsync(db, secret, CancellationToken.None)))?.Id);
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateType == "GatewayClient" && a.AggregateId == stored.Id));
        Assert.Equal(("gateway_client.created", (Guid?)administratorId), (audit.Action, audit.ActorId));
        Assert.DoesNotContain(stored.Hash, audit.Data ?? "");

        var list = await administrator.GetAsync(ListUrl);
        var row = list.Document.GetElementById($"gateway-{stored.Id}")!.TextContent;
        Assert.Contains("nginx production", row);
        Assert.Contains(secret[..12] + "…", row);
        Assert.Contains("Production", row);
        Assert.Contains("jamais", row);
        Assert.Contains("Actif", row);
        Assert.DoesNotContain(secret[12..], list.Document.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Post_new_credential_without_name_or_environment_shows_the_errors_next_to_the_fields()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);
        var before = await app.WithDbAsync(db => db.GatewayClients.CountAsync());

        var page = await administrator.SubmitAsync(NewUrl, new Dictionary<string, string> { ["Form.Name"] = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([GatewayClientErrors.NameRequired.Message], page.ErrorsFor("Form.Name"));
        Assert.Equal([GatewayClientErrors.EnvironmentInvalid.Message], page.ErrorsFor("Form.Environment"));
        Assert.Null(page.Document.GetElementById("secret"));
        Assert.Equal(before, await app.WithDbAsync(db => db.GatewayClients.CountAsync()));
    }

    [Fact]
    public async Task Post_revoke_after_confirmation_revokes_audits_and_the_credential_is_no_longer_found()
    {
        var (administrator, administratorId) = await app.StaffMemberSignedInAsync(Roles.Administrator);
        var created = await administrator.SubmitAsync(NewUrl, new Dictionary<string, string> { ["Form.Name"] = "Caddy bac à sable", ["Form.Environment"] = "Sandbox" });
        var secret = KeyArrange.SecretOn(created);
        var id = await app.WithDbAsync(db => db.GatewayClients.Where(c => c.Name == "Caddy bac à sable").Select(c => c.Id).SingleAsync());

        var confirmation = await administrator.GetAsync($"{ListUrl}/{id}/revoquer");
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Contains("Caddy bac à sable", confirmation.Text);
        var revoked = await administrator.PostAsync($"{ListUrl}/{id}/revoquer", new Dictionary<string, string>());

        Assert.Equal(ListUrl, revoked.Location);
        var stored = await app.WithDbAsync(db => db.GatewayClients.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(((Guid?)administratorId, GatewayClientStatus.Revoked), (stored.RevokedBy, stored.Status));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.AggregateId == id && a.Action == "gateway_client.revoked")));
        Assert.Null(await app.WithDbAsync(db => GatewayCredentialSecrets.FindActiveAsync(db, secret, CancellationToken.None)));
        Assert.Contains("Révoqué", (await administrator.FollowAsync(revoked)).Document.GetElementById($"gateway-{id}")!.TextContent);

        var again = await administrator.PostAsync($"{ListUrl}/{id}/revoquer", new Dictionary<string, string>());
        Assert.Equal(ListUrl, again.Location);
        Assert.Contains(GatewayClientErrors.AlreadyRevoked.Message, (await administrator.FollowAsync(again)).Text);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.AggregateId == id && a.Action == "gateway_client.revoked")));
    }

    [Fact]
    public async Task Get_revoke_of_an_unknown_credential_is_404()
    {
        var administrator = await app.StaffWithTwoFactorAsync(Roles.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await administrator.GetAsync($"{ListUrl}/{Guid.NewGuid()}/revoquer")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await administrator.PostAsync($"{ListUrl}/{Guid.NewGuid()}/revoquer", new Dictionary<string, string>())).Status);
    }

    [Theory]
    [InlineData(Roles.Instructor)]
    [InlineData(Roles.Auditor)]
    public async Task Get_and_post_as_other_staff_are_refused_and_create_nothing(string role)
    {
        var staff = await app.StaffWithTwoFactorAsync(role);
        var before = await app.WithDbAsync(db => db.GatewayClients.CountAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(ListUrl)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(NewUrl)).Status);
        await staff.GetAsync("/instruction");
        var post = await staff.PostAsync(NewUrl, new Dictionary<string, string> { ["Form.Name"] = "Intruse", ["Form.Environment"] = "Production" });

        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Equal(before, await app.WithDbAsync(db => db.GatewayClients.CountAsync()));
    }

    [Fact]
    public async Task Get_as_partner_is_refused()
    {
        var partner = await app.SignedInAsync(await app.PartnerWithOrganizationAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(ListUrl)).Status);
    }
}
