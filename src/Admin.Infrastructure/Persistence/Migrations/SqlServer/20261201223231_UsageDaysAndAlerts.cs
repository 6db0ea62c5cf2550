using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "RefusalAlerts",
                table: "ApiKeys",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "KeyUsageDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    KeyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Route = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Calls = table.Column<long>(type: "bigint", nullable: false),
                    Units = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyUsageDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsageAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KeyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Threshold = table.Column<int>(type: "int", nullable: false),
                    PeriodStart = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false),
                    Limit = table.Column<long>(type: "bigint", nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsageRollups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    RolledUpThrough = table.Column<DateOnly>(type: "date", nullable: true),
                    RanAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
