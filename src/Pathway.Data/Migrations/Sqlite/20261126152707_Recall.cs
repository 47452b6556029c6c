using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Recall : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecallConsiderations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LicenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Concern = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Circumstances = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RiskSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecalledBecauseOfCharge = table.Column<bool>(type: "INTEGER", nullable: false),
                    Schedule19AAOffence = table.Column<bool>(type: "INTEGER", nullable: false),
                    TerroristOffence = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoAlternativesReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ContingencyAlternatives = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ContingencyPlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsultationRequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConsultationAdvice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConsultedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsultedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConsultationNotPossibleReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    OversightRationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FixedTermAssessment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CountersignedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CountersignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecallId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecallConsiderations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecallConsiderations_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecallConsiderations_Licences_LicenceId",
                        column: x => x.LicenceId,
                        principalTable: "Licences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecallConsiderations_Recalls_RecallId",
                        column: x => x.RecallId,
                        principalTable: "Recalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecallAlternativesTried",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Alternative = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecallConsiderationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecallAlternativesTried", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecallAlternativesTried_RecallConsiderations_RecallConsiderationId",
                        column: x => x.RecallConsiderationId,
                        principalTable: "RecallConsiderations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecallConsiderationConditions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ref = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecallConsiderationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecallConsiderationConditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecallConsiderationConditions_RecallConsiderations_RecallConsiderationId",
                        column: x => x.RecallConsiderationId,
                        principalTable: "RecallConsiderations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecallAlternativesTried_RecallConsiderationId",
                table: "RecallAlternativesTried",
                column: "RecallConsiderationId");

            migrationBuilder.CreateIndex(
                name: "IX_RecallConsiderationConditions_RecallConsiderationId",
                table: "RecallConsiderationConditions",
                column: "RecallConsiderationId");

            migrationBuilder.CreateIndex(
                name: "IX_RecallConsiderations_CaseId_CreatedAt",
                table: "RecallConsiderations",
                columns: new[] { "CaseId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RecallConsiderations_LicenceId",
                table: "RecallConsiderations",
                column: "LicenceId");

            migrationBuilder.CreateIndex(
                name: "IX_RecallConsiderations_RecallId",
                table: "RecallConsiderations",
                column: "RecallId");

            migrationBuilder.CreateIndex(
                name: "IX_RecallConsiderations_Status_Decision",
                table: "RecallConsiderations",
                columns: new[] { "Status", "Decision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecallAlternativesTried");

            migrationBuilder.DropTable(
                name: "RecallConsiderationConditions");

            migrationBuilder.DropTable(
                name: "RecallConsiderations");
        }
    }
}
