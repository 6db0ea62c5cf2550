using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Admin.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PartnerOnboarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CharterAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CharterVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Major = table.Column<int>(type: "int", nullable: false),
                    Minor = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClientIp = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CharterAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CharterAcceptances_CharterVersions_CharterVersionId",
                        column: x => x.CharterVersionId,
                        principalTable: "CharterVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AccessRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Siret = table.Column<string>(type: "nvarchar(14)", maxLength: 14, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    AddressStreet = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AddressPostalCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    AddressCity = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AccessRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FirstReviewedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    IsReopening = table.Column<bool>(type: "bit", nullable: false),
                    CopiedFromId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecisionMessage = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Procedure_Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Procedure_Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Procedure_PublicUrl = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Procedure_Simplification = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Procedure_ExpectedGoLive = table.Column<DateOnly>(type: "date", nullable: true),
                    Procedure_YearlyVolume = table.Column<int>(type: "int", nullable: true),
                    Procedure_Modalities = table.Column<int>(type: "int", nullable: false),
                    LegalBasis_Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    LegalBasis_Url = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    LegalBasis_Document_DocumentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    LegalBasis_Document_FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    LegalBasis_Document_SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    LegalBasis_Document_Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DataProtection_Recipients = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DataProtection_RetentionMonths = table.Column<int>(type: "int", nullable: true),
                    DataProtection_RetentionJustification = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Contacts_BusinessContact_FirstName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Contacts_BusinessContact_LastName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Contacts_BusinessContact_Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Contacts_BusinessContact_Phone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Contacts_TechnicalContact_FirstName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Contacts_TechnicalContact_LastName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Contacts_TechnicalContact_Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Contacts_TechnicalContact_Phone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Contacts_Dpo_FirstName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Contacts_Dpo_LastName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Contacts_Dpo_Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    Contacts_Dpo_Phone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Engagements_CharterAcceptanceId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Engagements_CharterMajor = table.Column<int>(type: "int", nullable: true),
                    Engagements_CharterMinor = table.Column<int>(type: "int", nullable: true),
                    Engagements_CharterAcceptedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Engagements_DpoInformed = table.Column<bool>(type: "bit", nullable: false),
                    Engagements_CitizenConsentCommitment = table.Column<bool>(type: "bit", nullable: false),
                    GrantedScopes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Scopes = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessRequests_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Email = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    InvitedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AcceptedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Memberships_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_OrganizationId_UpdatedAt",
                table: "AccessRequests",
                columns: new[] { "OrganizationId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessRequests_Status_SubmittedAt",
                table: "AccessRequests",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CharterAcceptances_CharterVersionId",
                table: "CharterAcceptances",
                column: "CharterVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_CharterAcceptances_OrganizationId_AcceptedAt",
                table: "CharterAcceptances",
                columns: new[] { "OrganizationId", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_AccessRequestId",
                table: "Documents",
                column: "AccessRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_OrganizationId",
                table: "Invitations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_OrganizationId_UserId",
                table: "Memberships",
                columns: new[] { "OrganizationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_UserId",
                table: "Memberships",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Siret",
                table: "Organizations",
                column: "Siret",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessRequests");

            migrationBuilder.DropTable(
                name: "CharterAcceptances");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropTable(
                name: "Organizations");
        }
    }
}
