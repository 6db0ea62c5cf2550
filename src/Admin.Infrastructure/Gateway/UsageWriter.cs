using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Admin.Infrastructure.Gateway;

/// <summary>One row of counts to add: per key, UTC hour, route, scopes and code.</summary>
public readonly record struct UsageRow(Guid KeyId, Guid? AuthorizationId, Guid? OrganizationId, DateTimeOffset Hour, string Route, string Scope,
    string Code, long Calls, long Units);

/// <summary>
/// Adds a flush's counts in a few statements whatever the number of keys: multi-row upserts
/// (SQLite <c>INSERT … ON CONFLICT DO UPDATE</c>, SQL Server <c>MERGE</c>), a batch of rows per
/// statement, in the transaction of the caller. Values are converted as the model stores them.
/// </summary>
internal static class UsageWriter
{
    private const int RowsPerStatement = 200;
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    public static async Task UpsertUsageAsync(DbContext db, IReadOnlyList<UsageRow> rows, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        foreach (var batch in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder();
            var values = new List<DbParameter>();
            var tuples = string.Join(", ", batch.Select(row =>
            {
                object?[] fields = [Id(row.KeyId, sqlite), Id(row.AuthorizationId, sqlite), Id(row.OrganizationId, sqlite), Time(row.Hour, sqlite),
                    row.Route, row.Scope, row.Code, row.Calls, row.Units];
                return "(" + string.Join(", ", fields.Select(f => Parameter(db, values, f))) + ")";
            }));
            if (sqlite)
            {
                sql.Append("INSERT INTO \"KeyUsageHours\" (\"KeyId\", \"AuthorizationId\", \"OrganizationId\", \"Hour\", \"Route\", \"Scope\", \"Code\", \"Calls\", \"Units\") VALUES ")
                    .Append(tuples)
                    .Append(" ON CONFLICT (\"KeyId\", \"Hour\", \"Route\", \"Scope\", \"Code\") DO UPDATE SET \"Calls\" = \"Calls\" + excluded.\"Calls\", \"Units\" = \"Units\" + excluded.\"Units\";");
            }
            else
            {
                sql.Append("MERGE [KeyUsageHours] WITH (HOLDLOCK) AS t USING (VALUES ").Append(tuples)
                    .Append(") AS s ([KeyId], [AuthorizationId], [OrganizationId], [Hour], [Route], [Scope], [Code], [Calls], [Units]) ")
                    .Append("ON t.[KeyId] = s.[KeyId] AND t.[Hour] = s.[Hour] AND t.[Route] = s.[Route] AND t.[Scope] = s.[Scope] AND t.[Code] = s.[Code] ")
                    .Append("WHEN MATCHED THEN UPDATE SET t.[Calls] = t.[Calls] + s.[Calls], t.[Units] = t.[Units] + s.[Units] ")
                    .Append("WHEN NOT MATCHED THEN INSERT ([KeyId], [AuthorizationId], [OrganizationId], [Hour], [Route], [Scope], [Code], [Calls], [Units]) ")
                    .Append("VALUES (s.[KeyId], s.[AuthorizationId], s.[OrganizationId], s.[Hour], s.[Route], s.[Scope], s.[Code], s.[Calls], s.[Units]);");
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }
    }

    public static async Task UpsertAddressesAsync(DbContext db, IReadOnlyList<(Guid KeyId, string Address, DateTimeOffset At)> addresses, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        foreach (var batch in addresses.Chunk(RowsPerStatement * 3))
        {
            var values = new List<DbParameter>();
            var tuples = string.Join(", ", batch.Select(a =>
                $"({Parameter(db, values, Id(a.KeyId, sqlite))}, {Parameter(db, values, a.Address)}, {Parameter(db, values, Time(a.At, sqlite))})"));
            var sql = sqlite
                ? $"INSERT INTO \"KeyClientAddresses\" (\"KeyId\", \"Address\", \"LastSeenAt\") VALUES {tuples} ON CONFLICT (\"KeyId\", \"Address\") DO UPDATE SET \"LastSeenAt\" = MAX(\"LastSeenAt\", excluded.\"LastSeenAt\");"
                : $"MERGE [KeyClientAddresses] WITH (HOLDLOCK) AS t USING (VALUES {tuples}) AS s ([KeyId], [Address], [LastSeenAt]) ON t.[KeyId] = s.[KeyId] AND t.[Address] = s.[Address] "
                  + "WHEN MATCHED AND s.[LastSeenAt] > t.[LastSeenAt] THEN UPDATE SET t.[LastSeenAt] = s.[LastSeenAt] "
                  + "WHEN NOT MATCHED THEN INSERT ([KeyId], [Address], [LastSeenAt]) VALUES (s.[KeyId], s.[Address], s.[LastSeenAt]);";
            await db.Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }

    /// <summary>Keeps the <paramref name="kept"/> most recent addresses of each key (one statement for every key).</summary>
    public static Task<int> PruneAddressesAsync(DbContext db, int kept, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(
        db.Database.IsSqlite()
            ? "DELETE FROM \"KeyClientAddresses\" WHERE \"Id\" IN (SELECT \"Id\" FROM (SELECT \"Id\", ROW_NUMBER() OVER (PARTITION BY \"KeyId\" ORDER BY \"LastSeenAt\" DESC) AS n FROM \"KeyClientAddresses\") WHERE n > {0});"
            : "DELETE FROM [KeyClientAddresses] WHERE [Id] IN (SELECT [Id] FROM (SELECT [Id], ROW_NUMBER() OVER (PARTITION BY [KeyId] ORDER BY [LastSeenAt] DESC) AS n FROM [KeyClientAddresses]) AS ranked WHERE n > {0});",
        [kept], ct);

    /// <summary>A parameter of the provider (a null is DBNull), added to <paramref name="values"/>; returns its name for the SQL.</summary>
    private static string Parameter(DbContext db, List<DbParameter> values, object? value)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@u" + values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        parameter.Value = value ?? DBNull.Value;
        values.Add(parameter);
        return parameter.ParameterName;
    }

    // SQLite keeps Guids as upper-case text and instants as the binary long of DateTimeOffsetToBinaryConverter (AdminDbContext conventions).
    private static object? Id(Guid? id, bool sqlite) => id is not { } value ? null : sqlite ? value.ToString().ToUpperInvariant() : value;

    private static object Time(DateTimeOffset at, bool sqlite) => sqlite ? SqliteTime.ConvertToProvider(at)! : at;
}
