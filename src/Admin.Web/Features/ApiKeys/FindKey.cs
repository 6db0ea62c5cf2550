using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Infrastructure.Keys;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.AccessRequests;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.ApiKeys;

/// <summary>
/// The staff key search (/instruction/cles, every staff role): a key found by its visible prefix
/// (support: "ma clé qui commence par apip_live_3kF9 est refusée") or by its full value, which is
/// parsed and hashed for the lookup, never stored nor logged. Shows each key's authorization,
/// organization, state and history (its audit rows).
/// </summary>
public static class FindKey
{
    public static readonly Error Required = new("key_search.required", "Saisissez le préfixe visible de la clé (par exemple apip_live_3kF9) ou la clé complète.", "Key");
    public static readonly Error NotAKey = new("key_search.not_a_key",
        $"Saisissez le début d'une clé : apip_live_ ou apip_test_ suivi d'au moins {ApiKeyPrefix.VisibleRandomLength} caractères, ou la clé complète.", "Key");

    public sealed record Query(string? Key) : IQuery<Result<Found>>
    {
        public override string ToString() => "Query { Key = (hidden) }";
    }

    public sealed record HistoryRow(DateTimeOffset At, string Action, string? Actor, string? Reason);

    public sealed record Match(Guid KeyId, string Name, string Prefix, ApiKeyEnvironment Environment, string Status, DateTimeOffset CreatedAt,
        DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, Guid AuthorizationId, string RequestTitle, Guid RequestId, string OrganizationName,
        string Siret, IReadOnlyList<HistoryRow> History);

    /// <param name="Searched">What was looked for, shown back: the visible prefix only, never a whole key.</param>
    /// <param name="Note">Why the search went by prefix although a whole key was typed, in French.</param>
    public sealed record Found(string Searched, bool ByFullValue, bool IsTestToken, string? Note, IReadOnlyList<Match> Matches);

    internal sealed class Handler(AdminDbContext db, ICurrentUser user, TimeProvider time) : IQueryHandler<Query, Result<Found>>
    {
        public async ValueTask<Result<Found>> Handle(Query query, CancellationToken ct)
        {
            if (!user.IsStaff) return Result<Found>.From(Result.Forbidden());
            var typed = (query.Key?.Trim() ?? "").TrimEnd('…', '.', ' ');
            if (typed.Length == 0) return Result<Found>.Failure(ErrorKind.Validation, [Required]);
            if (TestToken.Is(typed)) return new Found(TestToken.Value, ByFullValue: true, IsTestToken: true, null, []);

            var isPrefix = typed.StartsWith(ApiKeyFormat.ProductionPrefix, StringComparison.Ordinal) || typed.StartsWith(ApiKeyFormat.SandboxPrefix, StringComparison.Ordinal);
            if (!isPrefix || typed.Length < ApiKeyPrefix.Length || typed.Length > TestKey.MaxLength) return Result<Found>.Failure(ErrorKind.Validation, [NotAKey]);

            var prefix = typed[..ApiKeyPrefix.Length];
            var searched = ApiKeyPrefix.FromStored(prefix).Display;
            if (ApiKeyFormat.Parse(typed) is { } parsed)
            {
                var key = await ApiKeyLookup.FindAsync(db, typed, parsed.Environment, ct);
                return new Found(searched, ByFullValue: true, IsTestToken: false, null, key is null ? [] : await MatchesAsync([key], ct));
            }

            var note = typed.Length > ApiKeyPrefix.Length
                ? $"La valeur saisie n'est pas une clé complète bien formée ({TestKey.ProblemText(ApiKeyFormat.Diagnose(typed)!.Value).TrimEnd('.')}) : la recherche porte sur son préfixe visible."
                : null;
            var byPrefix = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == ApiKeyPrefix.FromStored(prefix)).ToListAsync(ct);
            return new Found(searched, ByFullValue: false, IsTestToken: false, note, await MatchesAsync(byPrefix, ct));
        }

        private async Task<IReadOnlyList<Match>> MatchesAsync(IReadOnlyList<ApiKey> keys, CancellationToken ct)
        {
            if (keys.Count == 0) return [];
            var now = time.GetUtcNow();
            var authorizationIds = keys.Select(k => k.AuthorizationId).Distinct().ToList();
            var authorizations = await db.Authorizations.AsNoTracking().Where(a => authorizationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            var requestIds = authorizations.Values.Select(a => a.AccessRequestId).ToList();
            var procedures = await db.AccessRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id))
                .Select(r => new { r.Id, r.Procedure.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
            var organizationIds = keys.Select(k => k.OrganizationId).Distinct().ToList();
            var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
            var keyIds = keys.Select(k => k.Id).ToList();
            var audit = await db.AuditEvents.AsNoTracking().Where(a => a.AggregateType == "ApiKey" && keyIds.Contains(a.AggregateId))
                .OrderBy(a => a.Id).ToListAsync(ct);
            var actorIds = audit.Where(a => a.ActorId is not null).Select(a => a.ActorId!.Value).Distinct().ToList();
            var actors = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
                .Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

            return [.. keys.OrderByDescending(k => k.CreatedAt).Select(k =>
            {
                var authorization = authorizations[k.AuthorizationId];
                var organization = organizations[k.OrganizationId];
                var history = audit.Where(a => a.AggregateId == k.Id)
                    .Select(a => new HistoryRow(a.OccurredAt, KeyStatusText.ActionName(a.Action), a.ActorId is { } id ? actors.GetValueOrDefault(id) : null, a.Reason))
                    .ToList();
                return new Match(k.Id, k.Name, k.Prefix.Display, k.Environment, KeyStatusText.Of(k, authorization, now, organization.IsSuspended), k.CreatedAt, k.ExpiresAtWith(authorization),
                    k.LastUsedAt, authorization.Id, RequestTitle.Of(procedures.GetValueOrDefault(authorization.AccessRequestId)), authorization.AccessRequestId,
                    organization.Name, organization.Siret.Value, history);
            })];
        }
    }
}
