using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CarePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CarePlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PreviousId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Agreement = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AgreementReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CountersignedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CountersignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SupersededAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlans_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StaffResponse = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhoWasInformed = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanRestrictedNotes",
                columns: table => new
                {
                    CarePlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanRestrictedNotes", x => x.CarePlanId);
                    table.ForeignKey(
                        name: "FK_CarePlanRestrictedNotes_CarePlans_CarePlanId",
                        column: x => x.CarePlanId,
                        principalTable: "CarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanTexts",
                columns: table => new
                {
                    CarePlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanTexts", x => new { x.CarePlanId, x.Key });
                    table.ForeignKey(
                        name: "FK_CarePlanTexts_CarePlans_CarePlanId",
                        column: x => x.CarePlanId,
                        principalTable: "CarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChainAnalyses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemBehaviour = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VulnerabilityFactors = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PromptingEvent = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ShortTermConsequences = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LongTermConsequences = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Function = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FunctionCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PreventionAndRepair = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainAnalyses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChainAnalyses_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChainAnalysisLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnalysisId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SkillCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainAnalysisLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChainAnalysisLinks_ChainAnalyses_AnalysisId",
                        column: x => x.AnalysisId,
                        principalTable: "ChainAnalyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CarePlans_CaseId_Number",
                table: "CarePlans",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CarePlans_OneOpen",
                table: "CarePlans",
                column: "CaseId",
                unique: true,
                filter: "\"Status\" IN ('Draft', 'AwaitingCountersignature')");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlans_Status_ReviewDate",
                table: "CarePlans",
                columns: new[] { "Status", "ReviewDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ChainAnalyses_CaseId",
                table: "ChainAnalyses",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ChainAnalyses_IncidentId",
                table: "ChainAnalyses",
                column: "IncidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChainAnalysisLinks_AnalysisId_Position",
                table: "ChainAnalysisLinks",
                columns: new[] { "AnalysisId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CaseId_OccurredAt",
                table: "Incidents",
                columns: new[] { "CaseId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CarePlanRestrictedNotes");

            migrationBuilder.DropTable(
                name: "CarePlanTexts");

            migrationBuilder.DropTable(
                name: "ChainAnalysisLinks");

            migrationBuilder.DropTable(
                name: "CarePlans");

            migrationBuilder.DropTable(
                name: "ChainAnalyses");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
