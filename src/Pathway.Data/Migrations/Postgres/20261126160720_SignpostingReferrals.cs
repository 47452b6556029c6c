using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignpostingReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignpostingReferrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Need = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReasonForReferral = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StaffSafetySummary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ContactRoute = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PersonConsented = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstAttendedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignpostingReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignpostingReferrals_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SignpostingReferrals_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnmetNeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Need = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    District = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    MetOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnmetNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnmetNeeds_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SignpostingReferralEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ById = table.Column<Guid>(type: "uuid", nullable: false),
                    ByPartner = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignpostingReferralEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignpostingReferralEvents_SignpostingReferrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "SignpostingReferrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignpostingReferralEvents_ReferralId",
                table: "SignpostingReferralEvents",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_SignpostingReferrals_CaseId",
                table: "SignpostingReferrals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SignpostingReferrals_ServiceId_Status",
                table: "SignpostingReferrals",
                columns: new[] { "ServiceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_UnmetNeeds_CaseId_Need",
                table: "UnmetNeeds",
                columns: new[] { "CaseId", "Need" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignpostingReferralEvents");

            migrationBuilder.DropTable(
                name: "UnmetNeeds");

            migrationBuilder.DropTable(
                name: "SignpostingReferrals");
        }
    }
}
