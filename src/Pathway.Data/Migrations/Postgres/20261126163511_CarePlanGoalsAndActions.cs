using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CarePlanGoalsAndActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FormulationAssessmentId",
                table: "CarePlans",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CarePlanActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CarePlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    What = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Who = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    When = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlanActions_CarePlans_CarePlanId",
                        column: x => x.CarePlanId,
                        principalTable: "CarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CarePlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InOwnWords = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Smart = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlanGoals_CarePlans_CarePlanId",
                        column: x => x.CarePlanId,
                        principalTable: "CarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanSkills",
                columns: table => new
                {
                    CarePlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    SkillCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanSkills", x => new { x.CarePlanId, x.SkillCode });
                    table.ForeignKey(
                        name: "FK_CarePlanSkills_CarePlans_CarePlanId",
                        column: x => x.CarePlanId,
                        principalTable: "CarePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarePlanGoalStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    To = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ChangedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarePlanGoalStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarePlanGoalStatusChanges_CarePlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "CarePlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CarePlans_FormulationAssessmentId",
                table: "CarePlans",
                column: "FormulationAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanActions_CarePlanId_Position",
                table: "CarePlanActions",
                columns: new[] { "CarePlanId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanGoals_CarePlanId_Position",
                table: "CarePlanGoals",
                columns: new[] { "CarePlanId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_CarePlanGoalStatusChanges_GoalId",
                table: "CarePlanGoalStatusChanges",
                column: "GoalId");

            migrationBuilder.AddForeignKey(
                name: "FK_CarePlans_Assessments_FormulationAssessmentId",
                table: "CarePlans",
                column: "FormulationAssessmentId",
                principalTable: "Assessments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CarePlans_Assessments_FormulationAssessmentId",
                table: "CarePlans");

            migrationBuilder.DropTable(
                name: "CarePlanActions");

            migrationBuilder.DropTable(
                name: "CarePlanGoalStatusChanges");

            migrationBuilder.DropTable(
                name: "CarePlanSkills");

            migrationBuilder.DropTable(
                name: "CarePlanGoals");

            migrationBuilder.DropIndex(
                name: "IX_CarePlans_FormulationAssessmentId",
                table: "CarePlans");

            migrationBuilder.DropColumn(
                name: "FormulationAssessmentId",
                table: "CarePlans");
        }
    }
}
