using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "UseCaseId",
                table: "AccessRequests",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UseCaseTitle",
                table: "AccessRequests",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UseCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Audience = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    LegalBasisHint = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LegalBasisUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    IsRetired = table.Column<bool>(type: "bit", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FixedScopes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    OfferedScopes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PreselectedScopes = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
