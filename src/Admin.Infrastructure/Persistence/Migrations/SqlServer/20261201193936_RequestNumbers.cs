using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RequestNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "AccessRequests",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "RequestNumberCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    Last = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestNumberCounters", x => x.Year);
                });

            // Existing requests are numbered by creation order within their year (Paris time: at New Year it is UTC+1).
            migrationBuilder.Sql("""
                UPDATE [r] SET [r].[Number] = [n].[Number]
                FROM [AccessRequests] AS [r]
                INNER JOIN (
                    SELECT [Id], CONCAT('DA-', [y], '-', FORMAT(ROW_NUMBER() OVER (PARTITION BY [y] ORDER BY [CreatedAt], [Id]), 'D6')) AS [Number]
                    FROM (
                        SELECT [Id], [CreatedAt], YEAR(DATEADD(hour, 1, SWITCHOFFSET([CreatedAt], '+00:00'))) AS [y]
                        FROM [AccessRequests]) AS [years]
                ) AS [n] ON [n].[Id] = [r].[Id];
                """);
            migrationBuilder.Sql("""
                INSERT INTO [RequestNumberCounters] ([Year], [Last])
                SELECT CAST(SUBSTRING([Number], 4, 4) AS int), COUNT(*) FROM [AccessRequests] GROUP BY SUBSTRING([Number], 4, 4);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_Number",
                table: "AccessRequests",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RequestNumberCounters");

            migrationBuilder.DropIndex(
                name: "IX_AccessRequests_Number",
                table: "AccessRequests");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "AccessRequests");
        }
    }
}
