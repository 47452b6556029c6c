using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Assessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Ogrs3Scores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConvictionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FirstSanctionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreviousSanctions = table.Column<int>(type: "INTEGER", nullable: false),
                    OffenceCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AssessmentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OneYear = table.Column<double>(type: "REAL", nullable: false),
                    TwoYear = table.Column<double>(type: "REAL", nullable: false),
                    Band = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CalculatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalculatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ogrs3Scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ogrs3Scores_AspNetUsers_CalculatedById",
                        column: x => x.CalculatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ogrs3Scores_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssessmentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ogrs3ScoreId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CountersignedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CountersignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_AspNetUsers_CountersignedById",
                        column: x => x.CountersignedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Ogrs3Scores_Ogrs3ScoreId",
                        column: x => x.Ogrs3ScoreId,
                        principalTable: "Ogrs3Scores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentFields",
                columns: table => new
                {
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentFields", x => new { x.AssessmentId, x.Key });
                    table.ForeignKey(
                        name: "FK_AssessmentFields_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentNeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentNeeds_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentWithheldInformation",
                columns: table => new
                {
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentWithheldInformation", x => x.AssessmentId);
                    table.ForeignKey(
                        name: "FK_AssessmentWithheldInformation_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentNeeds_Area_Priority",
                table: "AssessmentNeeds",
                columns: new[] { "Area", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentNeeds_AssessmentId_Area",
                table: "AssessmentNeeds",
                columns: new[] { "AssessmentId", "Area" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_AuthorId",
                table: "Assessments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CaseId_SeriesId_VersionNumber",
                table: "Assessments",
                columns: new[] { "CaseId", "SeriesId", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CountersignedById",
                table: "Assessments",
                column: "CountersignedById");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_Ogrs3ScoreId",
                table: "Assessments",
                column: "Ogrs3ScoreId");

            migrationBuilder.CreateIndex(
                name: "IX_Ogrs3Scores_CalculatedById",
                table: "Ogrs3Scores",
                column: "CalculatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Ogrs3Scores_CaseId_CalculatedAt",
                table: "Ogrs3Scores",
                columns: new[] { "CaseId", "CalculatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentFields");

            migrationBuilder.DropTable(
                name: "AssessmentNeeds");

            migrationBuilder.DropTable(
                name: "AssessmentWithheldInformation");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "Ogrs3Scores");
        }
    }
}
