using Admin.Domain.AccessRequests;
using Admin.Domain.ApiKeys;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Keys;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Support;

/// <summary>An approved request of its own organization, with its authorization, a technical and a business contact among the members.</summary>
public sealed record KeyArrangement(PartnerArrangement Applicant, PartnerArrangement Technical, PartnerArrangement Business,
    AccessRequest Request, Guid AuthorizationId)
{
    public string KeysUrl => $"/habilitations/{AuthorizationId}/cles";
    public string NewKeyUrl => $"/habilitations/{AuthorizationId}/cles/nouvelle";
    public string RenewUrl(Guid keyId) => $"/habilitations/{AuthorizationId}/cles/{keyId}/renouveler";
    public string AllowedIpsUrl(Guid keyId) => $"/habilitations/{AuthorizationId}/cles/{keyId}/adresses-ip";
    public string RevokeUrl(Guid keyId) => $"/habilitations/{AuthorizationId}/cles/{keyId}/revoquer";
    public string StaffRevokeUrl(Guid keyId) => $"/instruction/habilitations/{AuthorizationId}/cles/{keyId}/revoquer";
}

/// <summary>Arrange steps of the key tests: approved requests, keys made through the domain, identity confirmation.</summary>
public static class KeyArrange
{
    /// <summary>
    /// An approved request whose technical contact (the request's contact address) is a member with that role;
    /// a business contact is a member too.
    /// </summary>
    public static async Task<KeyArrangement> ApprovedWithMembersAsync(this AdminWebFactory app, string organizationName = "Commune aux clés")
    {
        var applicant = await app.PartnerWithOrganizationAsync(organizationName);
        var technical = await app.MemberOfAsync(applicant, MembershipRole.TechnicalContact);
        var business = await app.MemberOfAsync(applicant, MembershipRole.BusinessContact);
        var submitted = await app.SubmittedWithContactsAsync(applicant);
        var request = await app.ThenAsync(submitted.Id, (db, r, _, now) => db.ApproveEverythingAsync(r, null, now));
        return new KeyArrangement(applicant, technical, business, request, request.AuthorizationId!.Value);
    }

    /// <summary>A key of the authorization created through the domain by the applicant; returns it with its secret.</summary>
    public static Task<(ApiKey Key, string Secret)> KeyAsync(this AdminWebFactory app, KeyArrangement arranged,
        ApiKeyEnvironment environment = ApiKeyEnvironment.Production, string name = "Logiciel de test") =>
        app.WithDbAsync(async db =>
        {
            var authorization = await db.Authorizations.SingleAsync(a => a.Id == arranged.AuthorizationId);
            var organization = await db.Organizations.Include(o => o.Memberships).SingleAsync(o => o.Id == authorization.OrganizationId);
            var generated = ApiKeySecrets.Generate(environment);
            var key = ApiKey.Issue(authorization, organization, arranged.Applicant.User.Id, name, environment, generated.Material, DateTimeOffset.UtcNow).Value;
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            return (key, generated.Secret);
        });

    public static Task<ApiKey> StoredKeyAsync(this AdminWebFactory app, Guid keyId) =>
        app.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == keyId));

    /// <summary>"Confirmez votre identité" with the password, as the page posts it.</summary>
    public static Task<Page> ConfirmIdentityAsync(this Browser browser, string password, string returnUrl = "/") =>
        browser.SubmitAsync($"/compte/confirmer-identite?returnUrl={Uri.EscapeDataString(returnUrl)}",
            new Dictionary<string, string> { ["Password"] = password, ["returnUrl"] = returnUrl });

    /// <summary>Creates a key through the pages (confirming the identity first) and returns the page that shows the secret.</summary>
    public static async Task<Page> CreateKeyThroughPagesAsync(this Browser browser, KeyArrangement arranged, string password,
        string name = "Logiciel périscolaire", string environment = "Production")
    {
        await browser.ConfirmIdentityAsync(password, arranged.NewKeyUrl);
        return await browser.ShownSecretAsync(await browser.SubmitAsync(arranged.NewKeyUrl, new Dictionary<string, string> { ["Form.Name"] = name, ["Form.Environment"] = environment }));
    }

    /// <summary>The page a creation or renewal redirects to, which shows the secret once.</summary>
    public static async Task<Page> ShownSecretAsync(this Browser browser, Page posted) =>
        posted.Location is { } location && location.EndsWith("/cles/creee", StringComparison.Ordinal)
            ? await browser.GetAsync(location)
            : throw new InvalidOperationException($"The post did not lead to the secret: {posted.Status} {posted.Location}");

    /// <summary>The secret shown on the page after creation.</summary>
    public static string SecretOn(Page page) =>
        page.Document.GetElementById("secret")?.GetAttribute("value") ?? throw new InvalidOperationException("No secret on the page: " + page.Status);
}
