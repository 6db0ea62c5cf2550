using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UsageDaysAndAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing keys keep receiving every alert, as new ones do.
            migrationBuilder.AddColumn<bool>(
                name: "QuotaAlerts",
                table: "ApiKeys",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "RefusalAlerts",
                table: "ApiKeys",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "KeyUsageDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Calls = table.Column<long>(type: "INTEGER", nullable: false),
                    Units = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyUsageDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsageAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                    Limit = table.Column<long>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsageRollups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RolledUpThrough = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RanAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageRollups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KeyUsageHours_AuthorizationId_Hour",
                table: "KeyUsageHours",
                columns: new[] { "AuthorizationId", "Hour" });

            migrationBuilder.CreateIndex(
                name: "IX_KeyUsageDays_AuthorizationId_Day",
                table: "KeyUsageDays",
                columns: new[] { "AuthorizationId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_KeyUsageDays_Day",
                table: "KeyUsageDays",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_KeyUsageDays_KeyId_Day_Route_Scope_Code",
                table: "KeyUsageDays",
                columns: new[] { "KeyId", "Day", "Route", "Scope", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyUsageDays_OrganizationId_Day",
                table: "KeyUsageDays",
                columns: new[] { "OrganizationId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_UsageAlerts_KeyId_Kind_Threshold_PeriodStart",
                table: "UsageAlerts",
                columns: new[] { "KeyId", "Kind", "Threshold", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UsageAlerts_OrganizationId_RaisedAt",
                table: "UsageAlerts",
                columns: new[] { "OrganizationId", "RaisedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeyUsageDays");

            migrationBuilder.DropTable(
                name: "UsageAlerts");

            migrationBuilder.DropTable(
                name: "UsageRollups");

            migrationBuilder.DropIndex(
                name: "IX_KeyUsageHours_AuthorizationId_Hour",
                table: "KeyUsageHours");

            migrationBuilder.DropColumn(
                name: "QuotaAlerts",
                table: "ApiKeys");

            migrationBuilder.DropColumn(
                name: "RefusalAlerts",
                table: "ApiKeys");
        }
    }
}
