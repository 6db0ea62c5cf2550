using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UseCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LockedScopes",
                table: "AccessRequests",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "UseCaseId",
                table: "AccessRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UseCaseTitle",
                table: "AccessRequests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UseCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LegalBasisHint = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LegalBasisUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FixedScopes = table.Column<string>(type: "TEXT", nullable: false),
                    OfferedScopes = table.Column<string>(type: "TEXT", nullable: false),
                    PreselectedScopes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UseCases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UseCases_Code",
                table: "UseCases",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UseCases");

            migrationBuilder.DropColumn(
                name: "LockedScopes",
                table: "AccessRequests");

            migrationBuilder.DropColumn(
                name: "UseCaseId",
                table: "AccessRequests");

            migrationBuilder.DropColumn(
                name: "UseCaseTitle",
                table: "AccessRequests");
        }
    }
}
