using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Admin.Infrastructure.Gateway;

/// <summary>One row of counts to add: per key, UTC hour, route, scopes and code.</summary>
public readonly record struct UsageRow(Guid KeyId, Guid? AuthorizationId, Guid? OrganizationId, DateTimeOffset Hour, string Route, string Scope,
    string Code, long Calls, long Units);

/// <summary>
/// Adds a flush's counts to the database in the caller's transaction, fast whatever the number of keys:
/// on SQLite one prepared upsert (<c>INSERT … ON CONFLICT DO UPDATE</c>) run for each row, on SQL Server
/// multi-row <c>MERGE</c> statements of a few hundred rows. Values are converted as the model stores them.
/// </summary>
internal static class UsageWriter
{
    private const int MergeRows = 200;
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    private const string SqliteUsage =
        "INSERT INTO \"KeyUsageHours\" (\"KeyId\", \"AuthorizationId\", \"OrganizationId\", \"Hour\", \"Route\", \"Scope\", \"Code\", \"Calls\", \"Units\") " +
        "VALUES ($k, $a, $o, $h, $r, $s, $c, $n, $u) " +
        "ON CONFLICT (\"KeyId\", \"Hour\", \"Route\", \"Scope\", \"Code\") DO UPDATE SET \"Calls\" = \"Calls\" + excluded.\"Calls\", \"Units\" = \"Units\" + excluded.\"Units\";";

    private const string SqliteAddress =
        "INSERT INTO \"KeyClientAddresses\" (\"KeyId\", \"Address\", \"LastSeenAt\") VALUES ($k, $a, $t) " +
        "ON CONFLICT (\"KeyId\", \"Address\") DO UPDATE SET \"LastSeenAt\" = MAX(\"LastSeenAt\", excluded.\"LastSeenAt\");";

    public static async Task UpsertUsageAsync(DbContext db, IReadOnlyList<UsageRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (db.Database.IsSqlite())
        {
            await using var command = Command(db, SqliteUsage);
            var p = Parameters(command, "$k", "$a", "$o", "$h", "$r", "$s", "$c", "$n", "$u");
            foreach (var row in rows)
            {
                Set(p, Id(row.KeyId, true), Id(row.AuthorizationId, true), Id(row.OrganizationId, true), Time(row.Hour, true), row.Route, row.Scope, row.Code, row.Calls, row.Units);
                await command.ExecuteNonQueryAsync(ct);
            }

            return;
        }

        foreach (var batch in rows.Chunk(MergeRows))
        {
            await using var command = Command(db, "");
            var tuples = string.Join(", ", batch.Select(row => Tuple(command, row.KeyId, row.AuthorizationId, row.OrganizationId, row.Hour, row.Route, row.Scope,
                row.Code, row.Calls, row.Units)));
            command.CommandText =
                $"MERGE [KeyUsageHours] WITH (HOLDLOCK) AS t USING (VALUES {tuples}) AS s ([KeyId], [AuthorizationId], [OrganizationId], [Hour], [Route], [Scope], [Code], [Calls], [Units]) " +
                "ON t.[KeyId] = s.[KeyId] AND t.[Hour] = s.[Hour] AND t.[Route] = s.[Route] AND t.[Scope] = s.[Scope] AND t.[Code] = s.[Code] " +
                "WHEN MATCHED THEN UPDATE SET t.[Calls] = t.[Calls] + s.[Calls], t.[Units] = t.[Units] + s.[Units] " +
                "WHEN NOT MATCHED THEN INSERT ([KeyId], [AuthorizationId], [OrganizationId], [Hour], [Route], [Scope], [Code], [Calls], [Units]) " +
                "VALUES (s.[KeyId], s.[AuthorizationId], s.[OrganizationId], s.[Hour], s.[Route], s.[Scope], s.[Code], s.[Calls], s.[Units]);";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private const string SqliteRollUp =
        "INSERT INTO \"KeyUsageDays\" (\"KeyId\", \"AuthorizationId\", \"OrganizationId\", \"Day\", \"Route\", \"Scope\", \"Code\", \"Calls\", \"Units\") " +
        "SELECT \"KeyId\", MAX(\"AuthorizationId\"), MAX(\"OrganizationId\"), $d, \"Route\", \"Scope\", \"Code\", SUM(\"Calls\"), SUM(\"Units\") " +
        "FROM \"KeyUsageHours\" WHERE \"Hour\" >= $s AND \"Hour\" < $e GROUP BY \"KeyId\", \"Route\", \"Scope\", \"Code\" " +
        "ON CONFLICT (\"KeyId\", \"Day\", \"Route\", \"Scope\", \"Code\") DO UPDATE SET \"Calls\" = excluded.\"Calls\", \"Units\" = excluded.\"Units\";";

    private const string SqlServerRollUp =
        "MERGE [KeyUsageDays] WITH (HOLDLOCK) AS t USING (" +
        "SELECT [KeyId], MAX([AuthorizationId]) AS [AuthorizationId], MAX([OrganizationId]) AS [OrganizationId], [Route], [Scope], [Code], SUM([Calls]) AS [Calls], SUM([Units]) AS [Units] " +
        "FROM [KeyUsageHours] WHERE [Hour] >= @s AND [Hour] < @e GROUP BY [KeyId], [Route], [Scope], [Code]) AS s " +
        "ON t.[KeyId] = s.[KeyId] AND t.[Day] = @d AND t.[Route] = s.[Route] AND t.[Scope] = s.[Scope] AND t.[Code] = s.[Code] " +
        "WHEN MATCHED THEN UPDATE SET t.[Calls] = s.[Calls], t.[Units] = s.[Units] " +
        "WHEN NOT MATCHED THEN INSERT ([KeyId], [AuthorizationId], [OrganizationId], [Day], [Route], [Scope], [Code], [Calls], [Units]) " +
        "VALUES (s.[KeyId], s.[AuthorizationId], s.[OrganizationId], @d, s.[Route], s.[Scope], s.[Code], s.[Calls], s.[Units]);";

    /// <summary>
    /// Replaces the daily rows of the Paris <paramref name="day"/> by the sums of its hourly rows, in the caller's
    /// transaction: one statement (the usage roll-up job, ADR 0019).
    /// </summary>
    public static async Task RollUpDayAsync(DbContext db, DateOnly day, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        await using var command = Command(db, sqlite ? SqliteRollUp : SqlServerRollUp);
        command.CommandTimeout = 600;
        var p = Parameters(command, sqlite ? ["$d", "$s", "$e"] : ["@d", "@s", "@e"]);
        Set(p, sqlite ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : day,
            Time(Admin.Domain.Common.ParisTime.StartOfDay(day), sqlite), Time(Admin.Domain.Common.ParisTime.EndOfDay(day), sqlite));
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task UpsertAddressesAsync(DbContext db, IReadOnlyList<(Guid KeyId, string Address, DateTimeOffset At)> addresses, CancellationToken ct)
    {
        if (addresses.Count == 0) return;
        if (db.Database.IsSqlite())
        {
            await using var command = Command(db, SqliteAddress);
            var p = Parameters(command, "$k", "$a", "$t");
            foreach (var (keyId, address, at) in addresses)
            {
                Set(p, Id(keyId, true), address, Time(at, true));
                await command.ExecuteNonQueryAsync(ct);
            }

            return;
        }

        foreach (var batch in addresses.Chunk(MergeRows * 3))
        {
            await using var command = Command(db, "");
            var tuples = string.Join(", ", batch.Select(a => Tuple(command, a.KeyId, a.Address, a.At)));
            command.CommandText =
                $"MERGE [KeyClientAddresses] WITH (HOLDLOCK) AS t USING (VALUES {tuples}) AS s ([KeyId], [Address], [LastSeenAt]) ON t.[KeyId] = s.[KeyId] AND t.[Address] = s.[Address] " +
                "WHEN MATCHED AND s.[LastSeenAt] > t.[LastSeenAt] THEN UPDATE SET t.[LastSeenAt] = s.[LastSeenAt] " +
                "WHEN NOT MATCHED THEN INSERT ([KeyId], [Address], [LastSeenAt]) VALUES (s.[KeyId], s.[Address], s.[LastSeenAt]);";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Keeps the <paramref name="kept"/> most recent addresses of each key (one statement for every key).</summary>
    public static Task<int> PruneAddressesAsync(DbContext db, int kept, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(
        db.Database.IsSqlite()
            ? "DELETE FROM \"KeyClientAddresses\" WHERE \"Id\" IN (SELECT \"Id\" FROM (SELECT \"Id\", ROW_NUMBER() OVER (PARTITION BY \"KeyId\" ORDER BY \"LastSeenAt\" DESC) AS n FROM \"KeyClientAddresses\") WHERE n > {0});"
            : "DELETE FROM [KeyClientAddresses] WHERE [Id] IN (SELECT [Id] FROM (SELECT [Id], ROW_NUMBER() OVER (PARTITION BY [KeyId] ORDER BY [LastSeenAt] DESC) AS n FROM [KeyClientAddresses]) AS ranked WHERE n > {0});",
        [kept], ct);

    private static DbCommand Command(DbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static DbParameter[] Parameters(DbCommand command, params string[] names) => [.. names.Select(name =>
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    })];

    private static void Set(DbParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
    }

    /// <summary>"(@p0, @p1, …)" for SQL Server, the parameters added to <paramref name="command"/>.</summary>
    private static string Tuple(DbCommand command, params object?[] values)
    {
        var names = new StringBuilder("(");
        foreach (var value in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
            if (names.Length > 1) names.Append(", ");
            names.Append(parameter.ParameterName);
        }

        return names.Append(')').ToString();
    }

    // SQLite keeps Guids as upper-case text and instants as the binary long of DateTimeOffsetToBinaryConverter (AdminDbContext conventions).
    private static object? Id(Guid? id, bool sqlite) => id is not { } value ? null : sqlite ? value.ToString().ToUpperInvariant() : value;

    private static object Time(DateTimeOffset at, bool sqlite) => sqlite ? SqliteTime.ConvertToProvider(at)! : at;
}
