using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GatewayRoutesAndUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GatewayRoutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PathPrefix = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Match = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GatewayRoutes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyClientAddresses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 45, nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyClientAddresses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyUsageHours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Calls = table.Column<long>(type: "INTEGER", nullable: false),
                    Units = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyUsageHours", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GatewayRoutes_PathPrefix",
                table: "GatewayRoutes",
                column: "PathPrefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyClientAddresses_KeyId_Address",
                table: "KeyClientAddresses",
                columns: new[] { "KeyId", "Address" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyUsageHours_Hour",
                table: "KeyUsageHours",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_KeyUsageHours_KeyId_Hour_Route_Scope_Code",
                table: "KeyUsageHours",
                columns: new[] { "KeyId", "Hour", "Route", "Scope", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyUsageHours_OrganizationId_Hour",
                table: "KeyUsageHours",
                columns: new[] { "OrganizationId", "Hour" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GatewayRoutes");

            migrationBuilder.DropTable(
                name: "KeyClientAddresses");

            migrationBuilder.DropTable(
                name: "KeyUsageHours");
        }
    }
}
