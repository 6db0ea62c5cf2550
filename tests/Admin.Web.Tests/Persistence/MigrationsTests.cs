using Admin.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Admin.Web.Tests.Persistence;

/// <summary>
/// Each provider has its own migrations. These fail when a model change was made without adding
/// a migration for both (run scripts/add-migration.sh), and check the SQL Server script without a server.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_are_up_to_date_with_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void SqlServer_migrations_are_up_to_date_with_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public void SqlServer_idempotent_script_is_generated_without_a_server()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL", script);
        Assert.Contains("IF NOT EXISTS (\n    SELECT * FROM [__EFMigrationsHistory]", script.ReplaceLineEndings("\n"));
        Assert.Contains("CREATE TABLE [AspNetUsers]", script);
        Assert.Contains("CREATE TABLE [OutboxMessages]", script);
        Assert.Contains("datetimeoffset", script);
    }

    [Fact]
    public async Task Sqlite_migrations_apply_to_an_empty_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apip-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAdminDbContext>().UseSqlite($"Data Source={path}").Options;
            await using (var db = new SqliteAdminDbContext(options))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(0, await db.Scopes.CountAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Sqlite_migration_to_an_explicit_applicant_keeps_the_one_derived_before()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apip-applicant-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAdminDbContext>().UseSqlite($"Data Source={path}").Options;
            var (creator, sender) = (Guid.NewGuid(), Guid.NewGuid());
            Guid sent, draft;
            await using (var db = new SqliteAdminDbContext(options))
            {
                await db.Database.MigrateAsync();
                var organization = Admin.Domain.Organizations.Organization.Register(
                    Admin.Domain.Organizations.Siret.Parse("21750001600019").Value, "Ville de Paris", Admin.Domain.Organizations.OrganizationKind.Commune,
                    Admin.Domain.Organizations.Address.Create("Place de l'Hôtel de Ville", "75004", "Paris").Value, creator, DateTimeOffset.UtcNow).Value;
                var first = Admin.Domain.AccessRequests.AccessRequest.Create(organization.Id, creator, DateTimeOffset.UtcNow);
                var second = Admin.Domain.AccessRequests.AccessRequest.Create(organization.Id, creator, DateTimeOffset.UtcNow);
                db.AddRange(organization, first, second);
                await db.SaveChangesAsync();
                (sent, draft) = (first.Id, second.Id);
                // Sent once by a colleague: before this migration, that colleague was "the applicant".
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"AccessRequestSubmissions\" (\"Number\", \"AccessRequestId\", \"SubmittedBy\", \"SubmittedAt\", \"IsUpdate\", \"Content\") VALUES (1, {0}, {1}, 0, 0, '{{}}')",
                    sent.ToString().ToUpperInvariant(), sender.ToString().ToUpperInvariant());
                var migrator = db.GetService<IMigrator>();
                var previous = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_DraftsAndTransfers", StringComparison.Ordinal)).Last();
                await migrator.MigrateAsync(previous);
                await migrator.MigrateAsync();
            }

            await using (var db = new SqliteAdminDbContext(options))
            {
                var applicants = await db.AccessRequests.Select(r => new { r.Id, r.ApplicantId }).ToDictionaryAsync(r => r.Id, r => r.ApplicantId);
                Assert.Equal((sender, creator), (applicants[sent], applicants[draft]));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Sqlite_database_refuses_to_update_or_delete_an_audit_row()
    {
        var path = Path.Combine(Path.GetTempPath(), $"apip-audit-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAdminDbContext>().UseSqlite($"Data Source={path}").Options;
            await using var db = new SqliteAdminDbContext(options);
            await db.Database.MigrateAsync();
            var id = Guid.NewGuid();
            db.AuditEvents.Add(new Admin.Domain.Audit.AuditEvent("AccessRequest", id, "access_request.submitted", id, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();

            var update = await Assert.ThrowsAsync<SqliteException>(() =>
                db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Action\" = 'falsified'"));
            var delete = await Assert.ThrowsAsync<SqliteException>(() =>
                db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\""));

            Assert.Contains("append-only", update.Message);
            Assert.Contains("append-only", delete.Message);
            var stored = await db.AuditEvents.AsNoTracking().SingleAsync(a => a.AggregateId == id);
            Assert.Equal("access_request.submitted", stored.Action);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SqlServer_migration_script_parses_without_error_and_makes_the_audit_trail_append_only(bool idempotent)
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default);

        var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.NotEmpty(((Microsoft.SqlServer.TransactSql.ScriptDom.TSqlScript)fragment).Batches);
        Assert.Contains("CREATE TRIGGER [dbo].[TR_AuditEvents_AppendOnly]", script);
        Assert.Contains("INSTEAD OF UPDATE, DELETE", script);
    }
}
