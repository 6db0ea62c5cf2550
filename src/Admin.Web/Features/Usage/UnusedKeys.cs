using System.Globalization;
using Admin.Domain.ApiKeys;
using Admin.Domain.Authorizations;
using Admin.Domain.Common;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Outbox;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Usage;

/// <summary>
/// Keys approved but unused (<see cref="ApiKey.IsUnused"/>: active, on an active authorization, created more than
/// 30 days ago and not used for 30 days), for staff: a page of the usage page, their CSV with the holders' e-mails,
/// and "Écrire aux détenteurs" (instructors and administrators; a confirmation page, then one e-mail per key and
/// holder through the outbox, each reminder audited as api_key.unused_reminded).
/// </summary>
public static class UnusedKeys
{
    public const int PageSize = 20;

    public sealed record Row(Guid KeyId, Guid AuthorizationId, string Name, ApiKeyPrefix Prefix, ApiKeyEnvironment Environment,
        Guid OrganizationId, string OrganizationName, Siret Siret, string RequestNumber, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt,
        DateTimeOffset? RemindedAt);

    public sealed record Export : IQuery<Result<ExportFile>>;

    public sealed record ExportRow(Row Key, IReadOnlyList<string> Holders);

    /// <summary>The CSV to download: "cles-inutilisees-2026-12-01.csv" and its rows.</summary>
    public sealed record ExportFile(string FileName, IReadOnlyList<ExportRow> Rows)
    {
        public Task WriteToAsync(Stream output, CancellationToken ct) => WriteCsvAsync(output, Rows, ct);
    }

    /// <summary>The confirmation page of "Écrire aux détenteurs".</summary>
    public sealed record Confirm : IQuery<Result<Confirmation>>;

    /// <summary>Keys whose holders will be written to, their holders, and unused keys left out because reminded in the last 30 days.</summary>
    public sealed record Confirmation(int Keys, int Holders, int RemindedRecently);

    /// <summary>Reminds the holders of every unused key; its value is the number of keys whose holders were written to.</summary>
    public sealed record Remind : ICommand<Result<int>>;

    /// <summary>The unused keys at <paramref name="now"/>, by organization and key name: <see cref="ApiKey.IsUnused"/> in the database.</summary>
    internal static IQueryable<Row> Selection(AdminDbContext db, DateTimeOffset now) => Selection(db, now, dueForReminder: false);

    /// <summary>The unused keys whose holders may be written to at <paramref name="now"/>: not reminded in the last 30 days (<see cref="ApiKey.RemindUnused"/>).</summary>
    internal static IQueryable<Row> DueForReminder(AdminDbContext db, DateTimeOffset now) => Selection(db, now, dueForReminder: true);

    private static IQueryable<Row> Selection(AdminDbContext db, DateTimeOffset now, bool dueForReminder)
    {
        var since = ApiKey.UnusedSince(now);
        var tooRecent = ApiKey.RemindedTooRecentlySince(now);
        return from k in db.ApiKeys.AsNoTracking()
               where k.RevokedAt == null && k.ExpiresAt > now && k.CreatedAt < since && (k.LastUsedAt == null || k.LastUsedAt < since)
               where !dueForReminder || k.UnusedRemindedAt == null || k.UnusedRemindedAt <= tooRecent
               join a in db.Authorizations.AsNoTracking() on k.AuthorizationId equals a.Id
               where a.Status == AuthorizationStatus.Active && a.ExpiresAt > now
               join o in db.Organizations.AsNoTracking() on k.OrganizationId equals o.Id
               join r in db.AccessRequests.AsNoTracking() on a.AccessRequestId equals r.Id
               orderby o.Name, k.Name, k.Id
               select new Row(k.Id, k.AuthorizationId, k.Name, k.Prefix, k.Environment, o.Id, o.Name, o.Siret, r.Number, k.CreatedAt, k.LastUsedAt, k.UnusedRemindedAt);
    }

    internal sealed class ExportHandler(AdminDbContext db, TimeProvider time) : IQueryHandler<Export, Result<ExportFile>>
    {
        public async ValueTask<Result<ExportFile>> Handle(Export query, CancellationToken ct)
        {
            // Few rows (keys their partners forgot), each with its holders: read at once, not streamed.
            var now = time.GetUtcNow();
            var keys = await Selection(db, now).ToListAsync(ct);
            var holders = await KeyHolders.OfAuthorizationsAsync(db, [.. keys.Select(k => k.AuthorizationId)], ct);
            return new ExportFile(FileName(ParisTime.Today(now)), [.. keys.Select(k => new ExportRow(k, holders.GetValueOrDefault(k.AuthorizationId, [])))]);
        }
    }

    internal sealed class ConfirmHandler(AdminDbContext db, AccessService access, TimeProvider time) : IQueryHandler<Confirm, Result<Confirmation>>
    {
        public async ValueTask<Result<Confirmation>> Handle(Confirm query, CancellationToken ct)
        {
            if (!(await access.CurrentStaffAsync(ct)).CanReview) return Result<Confirmation>.From(Result.Forbidden());
            var now = time.GetUtcNow();
            var authorizations = await DueForReminder(db, now).Select(k => k.AuthorizationId).ToListAsync(ct);
            var holders = await KeyHolders.OfAuthorizationsAsync(db, authorizations, ct);
            var unused = await Selection(db, now).CountAsync(ct);
            return new Confirmation(authorizations.Count, holders.Values.SelectMany(h => h).Distinct(StringComparer.OrdinalIgnoreCase).Count(), unused - authorizations.Count);
        }
    }

    internal sealed class RemindHandler(AdminDbContext db, AccessService access, TimeProvider time) : ICommandHandler<Remind, Result<int>>
    {
        public async ValueTask<Result<int>> Handle(Remind command, CancellationToken ct)
        {
            var staff = await access.CurrentStaffAsync(ct);
            if (!staff.CanReview) return Result<int>.From(Result.Forbidden());
            var now = time.GetUtcNow();
            var ids = await DueForReminder(db, now).Select(k => k.KeyId).ToListAsync(ct);
            var keys = await db.ApiKeys.Where(k => ids.Contains(k.Id)).ToListAsync(ct);
            var authorizationIds = keys.Select(k => k.AuthorizationId).Distinct().ToList();
            var authorizations = await db.Authorizations.Where(a => authorizationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);

            // The entity judges each key again; one the database and the rule disagree on is left out, not an error.
            var reminded = keys.Count(k => k.RemindUnused(staff, authorizations[k.AuthorizationId], now).IsSuccess);
            await db.SaveChangesAsync(ct);
            return reminded;
        }
    }

    public static readonly string[] CsvHeader =
        ["Organisation", "SIRET", "Habilitation", "Clé", "Préfixe", "Environnement", "Créée le", "Dernière utilisation", "Détenteurs"];

    /// <summary>The CSV of the unused keys, with the same conventions as the usage export (<see cref="CsvWriter"/>).</summary>
    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<ExportRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = new CsvWriter(output);
        await csv.WriteRowAsync(CsvHeader);
        foreach (var (key, holders) in rows)
        {
            ct.ThrowIfCancellationRequested();
            await csv.WriteRowAsync(key.OrganizationName, key.Siret.Value, key.RequestNumber, key.Name, key.Prefix.Value, key.Environment.FrenchLabel(),
                Day(key.CreatedAt), key.LastUsedAt is { } used ? Day(used) : "jamais", string.Join(", ", holders));
        }
    }

    /// <summary>A Paris date as dd/MM/yyyy, the CSV's format.</summary>
    public static string Day(DateTimeOffset moment) => ParisTime.Today(moment).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string FileName(DateOnly today) => string.Create(CultureInfo.InvariantCulture, $"cles-inutilisees-{today:yyyy-MM-dd}.csv");
}
