using Admin.Domain.AccessRequests;
using Admin.Domain.Organizations;
using Admin.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Admin.Web.Tests.Persistence;

public sealed class RequestNumbersMigrationTests
{
    [Fact]
    public async Task Sqlite_migration_numbers_existing_requests_by_creation_order_within_their_Paris_year()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apip-numbers-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAdminDbContext>().UseSqlite($"Data Source={path}").Options;
            var creator = Guid.NewGuid();
            AccessRequest june2025, newYearsEve, march2026;
            await using (var db = new SqliteAdminDbContext(options))
            {
                await db.Database.MigrateAsync();
                var organization = Organization.Register(Siret.Parse("21750001600019").Value, "Ville de Paris", OrganizationKind.Commune,
                    Address.Create("Place de l'Hôtel de Ville", "75004", "Paris").Value, creator, DateTimeOffset.UtcNow).Value;
                march2026 = AccessRequest.Create(organization.Id, creator, new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
                // Already 2026 in Paris.
                newYearsEve = AccessRequest.Create(organization.Id, creator, new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero));
                june2025 = AccessRequest.Create(organization.Id, creator, new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
                db.AddRange(organization, march2026, newYearsEve, june2025);
                await db.SaveChangesAsync();

                // Back to before the numbers, then forward: the migration numbers the rows it finds.
                var migrator = db.GetService<IMigrator>();
                var previous = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_RequestNumbers", StringComparison.Ordinal)).Last();
                await migrator.MigrateAsync(previous);
                await migrator.MigrateAsync();
            }

            await using (var db = new SqliteAdminDbContext(options))
            {
                var numbers = await db.AccessRequests.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Number);
                Assert.Equal("DA-2025-000001", numbers[june2025.Id]);
                Assert.Equal("DA-2026-000001", numbers[newYearsEve.Id]);
                Assert.Equal("DA-2026-000002", numbers[march2026.Id]);
                var counters = await db.RequestNumberCounters.AsNoTracking().OrderBy(c => c.Year).Select(c => new { c.Year, c.Last }).ToListAsync();
                Assert.Equal([new { Year = 2025, Last = 1 }, new { Year = 2026, Last = 2 }], counters);

                var next = AccessRequest.Create(march2026.OrganizationId, creator, new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
                db.AccessRequests.Add(next);
                await db.SaveChangesAsync();
                Assert.Equal("DA-2026-000003", next.Number);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void SqlServer_number_reservation_is_one_valid_statement()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var sql = db.ReserveRequestNumbers(2026, 2);

        var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql.Format, "@p0", "@p1", "@p2", "@p3"));
        var fragment = (Microsoft.SqlServer.TransactSql.ScriptDom.TSqlScript)parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        var statement = Assert.Single(Assert.Single(fragment.Batches).Statements);
        Assert.IsType<Microsoft.SqlServer.TransactSql.ScriptDom.MergeStatement>(statement);
        Assert.Contains("HOLDLOCK", sql.Format);
    }
}
