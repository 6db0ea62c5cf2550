using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "PreparedBy",
                table: "AccessRequests",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TakenOverAt",
                table: "AccessRequests",
                type: "datetimeoffset",
                nullable: true);

            // The applicant was derived until now (the last submission's sender, else the creator): it is kept as it was.
            migrationBuilder.Sql("UPDATE r SET [ApplicantId] = COALESCE((SELECT TOP (1) s.[SubmittedBy] FROM [AccessRequestSubmissions] AS s WHERE s.[AccessRequestId] = r.[Id] ORDER BY s.[Number] DESC), r.[CreatedBy]) FROM [AccessRequests] AS r;");

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
