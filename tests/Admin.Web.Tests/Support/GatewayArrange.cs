using System.Net.Http.Json;
using Admin.Domain.ApiKeys;
using Admin.Domain.Gateways;
using Admin.Infrastructure.Keys;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Tests.Support;

/// <summary>A key ready for the gateway: its secret and what the gateway should answer about it.</summary>
public sealed record GatewayKey(Guid KeyId, string Secret, Guid AuthorizationId, Guid OrganizationId, string Siret, string OrganizationName,
    IReadOnlyList<string> Scopes, PartnerArrangement Applicant);

/// <summary>Arrange steps of the gateway tests: credentials, keys with given scopes and limits, calls to both endpoints.</summary>
public static class GatewayArrange
{
    public const string VerifyPath = "/api/gateway/v1/keys/verify";
    public const string ForwardAuthPath = "/api/gateway/v1/forward-auth";

    /// <summary>A gateway credential of <paramref name="environment"/>, created through the domain; returns its secret.</summary>
    public static Task<string> GatewayCredentialAsync(this AdminWebFactory app, ApiKeyEnvironment environment = ApiKeyEnvironment.Production) =>
        app.WithDbAsync(async db =>
        {
            var generated = GatewayCredentialSecrets.Generate();
            var client = GatewayClient.Create("Passerelle de test", environment, generated.Material, Guid.NewGuid(), DateTimeOffset.UtcNow).Value;
            db.GatewayClients.Add(client);
            await db.SaveChangesAsync();
            return generated.Secret;
        });

    /// <summary>An approved request of a new organization with <paramref name="scopes"/> and these limits, and one key on it.</summary>
    public static async Task<GatewayKey> GatewayKeyAsync(this AdminWebFactory app, string[] scopes, int? ratePerSecond = null,
        long? dailyQuota = null, long? monthlyQuota = null, ApiKeyEnvironment environment = ApiKeyEnvironment.Production)
    {
        var applicant = await app.PartnerWithOrganizationAsync($"Commune passerelle {Guid.NewGuid():N}"[..30]);
        var request = await app.ApprovedWithLimitsAsync(applicant, scopes, ratePerSecond, dailyQuota, monthlyQuota);
        return await app.WithDbAsync(async db =>
        {
            var authorization = await db.Authorizations.SingleAsync(a => a.Id == request.AuthorizationId);
            var organization = await db.Organizations.Include(o => o.Memberships).SingleAsync(o => o.Id == authorization.OrganizationId);
            var generated = ApiKeySecrets.Generate(environment);
            var key = ApiKey.Issue(authorization, organization, applicant.User.Id, "Logiciel", environment, generated.Material, DateTimeOffset.UtcNow).Value;
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            return new GatewayKey(key.Id, generated.Secret, authorization.Id, organization.Id, organization.Siret.Value, organization.Name,
                [.. authorization.Scopes.Order(StringComparer.Ordinal)], applicant);
        });
    }

    /// <summary>One more change to a stored key, saved through the context (so the gateway hears of it as from a page).</summary>
    public static Task ChangeKeyAsync(this AdminWebFactory app, Guid keyId, Action<ApiKey, Admin.Domain.Organizations.Organization, Admin.Domain.Authorizations.Authorization> change) =>
        app.WithDbAsync(async db =>
        {
            var key = await db.ApiKeys.SingleAsync(k => k.Id == keyId);
            var authorization = await db.Authorizations.SingleAsync(a => a.Id == key.AuthorizationId);
            var organization = await db.Organizations.Include(o => o.Memberships).SingleAsync(o => o.Id == key.OrganizationId);
            change(key, organization, authorization);
            await db.SaveChangesAsync();
            return true;
        });

    public static async Task<HttpResponseMessage> VerifyAsync(this HttpClient client, string? credential, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, VerifyPath) { Content = JsonContent.Create(body) };
        if (credential is not null) request.Headers.Add("X-Gateway-Credential", credential);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> VerifyRawAsync(this HttpClient client, string? credential, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, VerifyPath) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (credential is not null) request.Headers.Add("X-Gateway-Credential", credential);
        return await client.SendAsync(request);
    }

    /// <summary>A forward-auth sub-request as nginx sends it: the key in X-Api-Key, the path in X-Original-URI.</summary>
    public static async Task<HttpResponseMessage> ForwardAuthAsync(this HttpClient client, string? credential, string? key, string? uri,
        string? forwardedFor = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ForwardAuthPath);
        if (credential is not null) request.Headers.Add("X-Gateway-Credential", credential);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        if (uri is not null) request.Headers.TryAddWithoutValidation("X-Original-URI", uri);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        return await client.SendAsync(request);
    }

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : null;
}
