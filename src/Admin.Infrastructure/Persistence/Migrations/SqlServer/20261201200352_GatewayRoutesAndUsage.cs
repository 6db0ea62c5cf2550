using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PathPrefix = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Match = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    IsRetired = table.Column<bool>(type: "bit", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Scopes = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GatewayRoutes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyClientAddresses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    KeyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Address = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyClientAddresses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyUsageHours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    KeyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Hour = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Route = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Calls = table.Column<long>(type: "bigint", nullable: false),
                    Units = table.Column<long>(type: "bigint", nullable: false)
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
