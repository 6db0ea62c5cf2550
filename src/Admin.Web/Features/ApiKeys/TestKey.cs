using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Infrastructure.Keys;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Features.AccessRequests;
using Admin.Web.Features.AccessRequests.Steps;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.ApiKeys;

/// <summary>
/// "Tester ma clé": a partner or a staff member pastes a key and learns, without any outside call,
/// whether it is well formed (checksum) and — only when they may see its authorization's keys —
/// what it belongs to and grants. A key they may not see answers exactly as an unknown one: "bien
/// formée", nothing more. The key is hashed for the lookup, never stored nor logged.
/// </summary>
public static class TestKey
{
    public const int MaxLength = 256;

    public static readonly Error Required = new("key_test.required", "Collez la clé à tester.", "Key");
    public static readonly Error TooLong = new("key_test.too_long", $"Une clé ne dépasse pas {MaxLength} caractères.", "Key");

    public sealed record Query(string? Key) : IQuery<Result<Verdict>>
    {
        public override string ToString() => "Query { Key = (hidden) }";
    }

    public sealed record ScopeName(string Code, string Label);

    /// <summary>What the user may see of a key: its authorization (null for test-token), its terms and its state.</summary>
    public sealed record Details(string Name, string Prefix, ApiKeyEnvironment Environment, Guid? AuthorizationId, string? RequestTitle,
        string? OrganizationName, string? Siret, IReadOnlyList<ScopeName> Scopes, int RatePerSecond, long? DailyQuota, long? MonthlyQuota,
        DateTimeOffset? ExpiresAt, string Status, string? KeysUrl);

    /// <param name="Problem">Why it is not well formed, in French; null when it is.</param>
    /// <param name="Unknown">Well formed, and nothing can be said (unknown, or not the user's to see).</param>
    public sealed record Verdict(bool WellFormed, string? Problem, ApiKeyEnvironment? Environment, Details? Details, bool Unknown);

    public static string ProblemText(ApiKeyFormatProblem problem) => problem switch
    {
        ApiKeyFormatProblem.UnknownPrefix => "Elle ne commence ni par apip_live_ (production) ni par apip_test_ (bac à sable).",
        ApiKeyFormatProblem.WrongLength => $"Elle n'a pas la bonne longueur : une clé fait {ApiKeyFormat.Length} caractères. Vérifiez qu'elle a été copiée en entier, sans espace.",
        ApiKeyFormatProblem.InvalidCharacter => "Elle contient un caractère qui ne peut pas figurer dans une clé (seuls les chiffres et les lettres non accentuées sont possibles après le préfixe).",
        _ => "Sa somme de contrôle ne correspond pas : un caractère a été mal copié ou modifié.",
    };

    internal sealed class Handler(AdminDbContext db, AccessService access, TimeProvider time) : IQueryHandler<Query, Result<Verdict>>
    {
        public async ValueTask<Result<Verdict>> Handle(Query query, CancellationToken ct)
        {
            var key = query.Key?.Trim() ?? "";
            if (key.Length == 0) return Result<Verdict>.Failure(ErrorKind.Validation, [Required]);
            if (key.Length > MaxLength) return Result<Verdict>.Failure(ErrorKind.Validation, [TooLong]);

            if (TestToken.Is(key)) return new Verdict(true, null, ApiKeyEnvironment.Sandbox, await TestTokenDetailsAsync(db, ct), Unknown: false);
            if (ApiKeyFormat.Diagnose(key) is { } problem) return new Verdict(false, ProblemText(problem), null, null, Unknown: false);

            var parsed = ApiKeyFormat.Parse(key)!;
            var found = await ApiKeyLookup.FindAsync(db, key, parsed.Environment, ct);
            var allowed = found is null ? null : await access.ForAuthorizationAsync(found.AuthorizationId, Need.SeeKeys, ct);
            if (found is null || allowed is not { IsSuccess: true }) return new Verdict(true, null, parsed.Environment, null, Unknown: true);

            var authorization = allowed.Value.Authorization;
            var now = time.GetUtcNow();
            var labels = await db.ScopeLabelsAsync(ct);
            var procedure = await db.AccessRequests.AsNoTracking().Where(r => r.Id == authorization.AccessRequestId).Select(r => r.Procedure.Name).SingleAsync(ct);
            var details = new Details(found.Name, found.Prefix.Display, found.Environment, authorization.Id, RequestTitle.Of(procedure),
                allowed.Value.Organization.Name, allowed.Value.Organization.Siret.Value,
                [.. authorization.Scopes.Order(StringComparer.Ordinal).Select(c => new ScopeName(c, labels.GetValueOrDefault(c) is { Length: > 0 } l ? l : c))],
                authorization.RatePerSecond, authorization.DailyQuota, authorization.MonthlyQuota, found.ExpiresAtWith(authorization),
                KeyStatusText.Of(found, authorization, now, allowed.Value.Organization.IsSuspended), KeyRoutes.Keys(authorization.Id, asStaff: allowed.Value.Role is null));
            return new Verdict(true, null, found.Environment, details, Unknown: false);
        }
    }

    /// <summary>test-token's public terms: every offered scope, the default rate, no quota, no expiry.</summary>
    internal static async Task<Details> TestTokenDetailsAsync(AdminDbContext db, CancellationToken ct)
    {
        var catalogue = await db.Scopes.AsNoTracking().ToListAsync(ct);
        var labels = catalogue.ToDictionary(s => s.Code, s => s.Label.Length > 0 ? s.Label : s.Code, StringComparer.Ordinal);
        var token = await db.TestTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == TestToken.FixedId, ct);
        return new Details(TestToken.FrenchName, TestToken.Value, ApiKeyEnvironment.Sandbox, null, null, null, null,
            [.. TestToken.ScopesFrom(catalogue).Select(c => new ScopeName(c, labels[c]))], token?.RatePerSecond ?? Admin.Domain.Authorizations.Grant.DefaultRatePerSecond,
            null, null, null, token is null ? "Absent de cette installation" : "Active", null);
    }
}
