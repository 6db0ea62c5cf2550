using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DraftsAndTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ApplicantId",
                table: "AccessRequests",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "PreparedBy",
                table: "AccessRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TakenOverAt",
                table: "AccessRequests",
                type: "INTEGER",
                nullable: true);

            // The applicant was derived until now (the last submission's sender, else the creator): it is kept as it was.
            migrationBuilder.Sql("UPDATE \"AccessRequests\" SET \"ApplicantId\" = COALESCE((SELECT s.\"SubmittedBy\" FROM \"AccessRequestSubmissions\" AS s WHERE s.\"AccessRequestId\" = \"AccessRequests\".\"Id\" ORDER BY s.\"Number\" DESC LIMIT 1), \"CreatedBy\");");

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_ApplicantId",
                table: "AccessRequests",
                column: "ApplicantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessRequests_ApplicantId",
                table: "AccessRequests");

            migrationBuilder.DropColumn(
                name: "ApplicantId",
                table: "AccessRequests");

            migrationBuilder.DropColumn(
                name: "PreparedBy",
                table: "AccessRequests");

            migrationBuilder.DropColumn(
                name: "TakenOverAt",
                table: "AccessRequests");
        }
    }
}
