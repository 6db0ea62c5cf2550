using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewCyclesAndAuthorizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FirstReviewedAt",
                table: "AccessRequests");

            migrationBuilder.AddColumn<string>(
                name: "ApprovedContent",
                table: "AccessRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AuthorizationId",
                table: "AccessRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccessRequestSubmissions",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AccessRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsUpdate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    FirstStaffActionAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRequestSubmissions", x => new { x.AccessRequestId, x.Number });
                    table.ForeignKey(
                        name: "FK_AccessRequestSubmissions_AccessRequests_AccessRequestId",
                        column: x => x.AccessRequestId,
                        principalTable: "AccessRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Authorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccessRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RatePerSecond = table.Column<int>(type: "INTEGER", nullable: false),
                    DailyQuota = table.Column<long>(type: "INTEGER", nullable: true),
                    MonthlyQuota = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    SuspendedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SuspensionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authorizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Authorizations_AccessRequests_AccessRequestId",
                        column: x => x.AccessRequestId,
                        principalTable: "AccessRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Authorizations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_AuthorizationId",
                table: "AccessRequests",
                column: "AuthorizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Authorizations_AccessRequestId",
                table: "Authorizations",
                column: "AccessRequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Authorizations_OrganizationId_Status",
                table: "Authorizations",
                columns: new[] { "OrganizationId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessRequestSubmissions");

            migrationBuilder.DropTable(
                name: "Authorizations");

            migrationBuilder.DropIndex(
                name: "IX_AccessRequests_AuthorizationId",
                table: "AccessRequests");

            migrationBuilder.DropColumn(
                name: "ApprovedContent",
                table: "AccessRequests");

            migrationBuilder.DropColumn(
                name: "AuthorizationId",
                table: "AccessRequests");

            migrationBuilder.AddColumn<long>(
                name: "FirstReviewedAt",
                table: "AccessRequests",
                type: "INTEGER",
                nullable: true);
        }
    }
}
