using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "RequestNumberCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestNumberCounters", x => x.Year);
                });

            // Existing requests are numbered by creation order within their year (Paris time: at New Year it is UTC+1).
            // CreatedAt is stored by DateTimeOffsetToBinaryConverter: ticks / 1000 shifted left by 11 bits (UTC, no offset).
            migrationBuilder.Sql("""
                UPDATE "AccessRequests" SET "Number" = "n"."Number"
                FROM (
                    SELECT "Id", 'DA-' || "y" || '-' || printf('%06d', ROW_NUMBER() OVER (PARTITION BY "y" ORDER BY "CreatedAt", "Id")) AS "Number"
                    FROM (
                        SELECT "Id", "CreatedAt",
                            strftime('%Y', ((("CreatedAt" >> 11) * 1000 - 621355968000000000) / 10000000) + 3600, 'unixepoch') AS "y"
                        FROM "AccessRequests")
                ) AS "n"
                WHERE "n"."Id" = "AccessRequests"."Id";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "RequestNumberCounters" ("Year", "Last")
                SELECT CAST(substr("Number", 4, 4) AS INTEGER), COUNT(*) FROM "AccessRequests" GROUP BY substr("Number", 4, 4);
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
