using System.Globalization;
using Admin.Domain.ApiKeys;
using Admin.Domain.Common;
using Admin.Domain.Gateways;
using Admin.Domain.Usage;
using Admin.Infrastructure.Persistence;
using Admin.Web.Features.Access;
using Admin.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Admin.Web.Features.Usage;

/// <summary>
/// The usage CSV: per key, Paris day, route or scopes and outcome, over a chosen period (du, au; the last 30 days
/// by default, 400 at most). For an authorization's applicants and technical contacts at
/// /habilitations/{id}/consommation/export.csv (a business contact: 403; another organization: 404), for every staff
/// role at /instruction/consommation/export.csv (optionally one organization). Streamed: the lines are read from the
/// database while the response is written, so a million lines take no more memory than ten.
/// </summary>
public static class UsageExport
{
    public const string OrganizationField = "organisation";

    public sealed record ForAuthorization(Guid AuthorizationId, string? From, string? To) : IQuery<Result<Download>>;

    public sealed record ForStaff(string? OrganizationId, string? From, string? To) : IQuery<Result<Download>>;

    /// <summary>A download ready to be written: its file name, and the lines with what turns them into CSV.</summary>
    public sealed record Download(string FileName, ExportPeriod Period, UsageCsv Csv, IAsyncEnumerable<UsageLine> Lines)
    {
        public Task WriteToAsync(Stream output, CancellationToken ct) => Csv.WriteAsync(output, Lines, ct);
    }

    public static readonly Error OrganizationInvalid = new("usage_export.organization_invalid", "L'organisation demandée n'est pas un identifiant valide.");

    internal sealed class AuthorizationHandler(AdminDbContext db, AccessService access, TimeProvider time) : IQueryHandler<ForAuthorization, Result<Download>>
    {
        public async ValueTask<Result<Download>> Handle(ForAuthorization query, CancellationToken ct)
        {
            // The same people as the key page: who may see the keys may see what they did.
            var allowed = await access.ForAuthorizationAsync(query.AuthorizationId, Need.SeeKeys, ct);
            if (allowed.IsFailure) return Result<Download>.From(allowed);
            var period = ExportPeriod.Parse(query.From, query.To, ParisTime.Today(time.GetUtcNow()));
            if (period.IsFailure) return Result<Download>.From(period);
            return await PrepareAsync(db, new UsageScope(AuthorizationId: query.AuthorizationId), period.Value, ct);
        }
    }

    internal sealed class StaffHandler(AdminDbContext db, TimeProvider time) : IQueryHandler<ForStaff, Result<Download>>
    {
        public async ValueTask<Result<Download>> Handle(ForStaff query, CancellationToken ct)
        {
            Guid? organizationId = null;
            var errors = new List<Error>();
            if (!string.IsNullOrWhiteSpace(query.OrganizationId))
            {
                if (Guid.TryParse(query.OrganizationId.Trim(), out var id)) organizationId = id;
                else errors.Add(OrganizationInvalid.ForField(OrganizationField));
            }

            var period = ExportPeriod.Parse(query.From, query.To, ParisTime.Today(time.GetUtcNow()));
            errors.AddRange(period.Errors);
            if (errors.Count > 0) return Result<Download>.Failure(ErrorKind.Validation, errors);
            if (organizationId is { } organization && !await db.Organizations.AnyAsync(o => o.Id == organization, ct))
                return Result<Download>.From(Result.NotFound());
            return await PrepareAsync(db, new UsageScope(OrganizationId: organizationId), period.Value, ct);
        }
    }

    /// <summary>"consommation-2026-11-01-2026-11-30.csv".</summary>
    public static string FileName(ExportPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"consommation-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv");

    private static async Task<Result<Download>> PrepareAsync(AdminDbContext db, UsageScope scope, ExportPeriod period, CancellationToken ct)
    {
        // The names are few (keys, organizations, authorizations) and read before the lines, which then stream alone.
        var csv = await UsageCsv.LoadAsync(db, scope, ct);
        return new Download(FileName(period), period, csv, UsageData.LinesAsync(db, scope, period.From, period.To, ct));
    }
}

/// <summary>How a key, its organization and its authorization are named in a usage CSV.</summary>
public sealed record KeyLabel(string Name, string Prefix, string Environment, Guid? OrganizationId, Guid? AuthorizationId);

/// <summary>
/// Writes usage lines as CSV (UTF-8 with BOM, ";", CRLF, French headers, dd/MM/yyyy, formula-safe cells) to a
/// stream, line by line, flushing every <see cref="FlushEvery"/> lines; it holds the names only, never the lines.
/// </summary>
public sealed class UsageCsv(IReadOnlyDictionary<Guid, KeyLabel> keys, IReadOnlyDictionary<Guid, (string Name, string Siret)> organizations,
    IReadOnlyDictionary<Guid, string> authorizations)
{
    public const int FlushEvery = 5000;

    public static readonly string[] Header =
        ["Jour", "Organisation", "SIRET", "Habilitation", "Clé", "Préfixe", "Environnement", "Route ou données", "Résultat", "Code", "Appels", "Unités"];

    private static readonly KeyLabel UnknownKey = new("", "", "", null, null);
    private static readonly KeyLabel TestTokenKey = new(TestToken.Value, TestToken.Value, ApiKeyEnvironment.Sandbox.FrenchLabel(), null, null);

    /// <summary>The names of the keys (of every state) in <paramref name="scope"/>, and of their organizations and authorizations.</summary>
    public static async Task<UsageCsv> LoadAsync(AdminDbContext db, UsageScope scope, CancellationToken ct)
    {
        var keys = db.ApiKeys.AsNoTracking();
        if (scope.KeyId is { } key) keys = keys.Where(k => k.Id == key);
        if (scope.AuthorizationId is { } authorization) keys = keys.Where(k => k.AuthorizationId == authorization);
        if (scope.OrganizationId is { } organization) keys = keys.Where(k => k.OrganizationId == organization);

        var keyLabels = await keys.Select(k => new { k.Id, k.Name, k.Prefix, k.Environment, k.OrganizationId, k.AuthorizationId })
            .ToDictionaryAsync(k => k.Id, k => new KeyLabel(k.Name, k.Prefix.Value, k.Environment.FrenchLabel(), k.OrganizationId, k.AuthorizationId), ct);
        var organizations = await db.Organizations.AsNoTracking().Where(o => keys.Any(k => k.OrganizationId == o.Id))
            .Select(o => new { o.Id, o.Name, o.Siret })
            .ToDictionaryAsync(o => o.Id, o => (o.Name, o.Siret.Value), ct);
        var numbers = await db.Authorizations.AsNoTracking().Where(a => keys.Any(k => k.AuthorizationId == a.Id))
            .Join(db.AccessRequests.AsNoTracking(), a => a.AccessRequestId, r => r.Id, (a, r) => new { a.Id, r.Number })
            .ToDictionaryAsync(a => a.Id, a => a.Number, ct);
        return new UsageCsv(keyLabels, organizations, numbers);
    }

    public KeyLabel Key(Guid keyId) =>
        keys.TryGetValue(keyId, out var label) ? label : keyId == TestToken.FixedId ? TestTokenKey : UnknownKey;

    /// <summary>An organization's name and SIRET; empty for none (the public test-token) or one not loaded.</summary>
    public (string Name, string Siret) Organization(Guid? organizationId) =>
        organizationId is { } id && organizations.TryGetValue(id, out var found) ? found : ("", "");

    public async Task WriteAsync(Stream output, IAsyncEnumerable<UsageLine> lines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lines);
        await using var csv = new CsvWriter(output);
        await csv.WriteRowAsync(Header);
        var cells = new string?[Header.Length];
        var written = 0;
        await foreach (var line in lines.WithCancellation(ct))
        {
            Fill(cells, line);
            await csv.WriteRowAsync(cells);
            if (++written % FlushEvery == 0) await csv.FlushAsync(ct);
        }
    }

    private void Fill(string?[] cells, UsageLine line)
    {
        var key = Key(line.KeyId);
        var organization = Organization(line.OrganizationId);
        cells[0] = line.Day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        cells[1] = organization.Name;
        cells[2] = organization.Siret;
        cells[3] = line.AuthorizationId is { } a ? authorizations.GetValueOrDefault(a, "") : "";
        cells[4] = key.Name;
        cells[5] = key.Prefix;
        cells[6] = key.Environment;
        cells[7] = line.Route.Length > 0 ? line.Route : line.Scope;
        cells[8] = UsageText.Outcome(line.Code);
        cells[9] = line.Code;
        cells[10] = line.Calls.ToString(CultureInfo.InvariantCulture);
        cells[11] = line.Units.ToString(CultureInfo.InvariantCulture);
    }
}
