using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RequestReferenceAndAssignment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssignedAt",
                table: "AccessRequests",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssignedTo",
                table: "AccessRequests",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "AccessRequests",
                type: "nvarchar(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            // Existing requests get their reference before the unique index.
            migrationBuilder.Sql("UPDATE [AccessRequests] SET [Reference] = UPPER(LEFT(REPLACE(CONVERT(nvarchar(36), [Id]), N'-', N''), 12));");

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_AssignedTo_Status",
                table: "AccessRequests",
                columns: new[] { "AssignedTo", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_Reference",
                table: "AccessRequests",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AccessRequests_AssignedTo_Status",
                table: "AccessRequests");

            migrationBuilder.DropIndex(
                name: "IX_AccessRequests_Reference",
                table: "AccessRequests");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "AccessRequests");

            migrationBuilder.DropColumn(
                name: "AssignedTo",
                table: "AccessRequests");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "AccessRequests");
        }
    }
}
