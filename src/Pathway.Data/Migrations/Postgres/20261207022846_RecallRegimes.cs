using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RecallRegimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ChargedWithSeriousOffence",
                table: "RecallConsiderations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "FixedTermDays",
                table: "RecallConsiderations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RegimeAssessedOn",
                table: "RecallConsiderations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegimeRoute",
                table: "RecallConsiderations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegimeVersionId",
                table: "RecallConsiderations",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            // Decisions recorded before regimes were kept: a fixed-term recall already on the licence keeps its length;
            // the regime stays unrecorded (null) rather than guessed.
            migrationBuilder.Sql(@"UPDATE ""RecallConsiderations"" SET ""FixedTermDays"" =
                CASE (SELECT r.""Type"" FROM ""Recalls"" r WHERE r.""Id"" = ""RecallConsiderations"".""RecallId"")
                    WHEN 'FixedTerm14Day' THEN 14 WHEN 'FixedTerm28Day' THEN 28 END
                WHERE ""Decision"" = 'FixedTermRecall' AND ""RecallId"" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChargedWithSeriousOffence",
                table: "RecallConsiderations");

            migrationBuilder.DropColumn(
                name: "FixedTermDays",
                table: "RecallConsiderations");

            migrationBuilder.DropColumn(
                name: "RegimeAssessedOn",
                table: "RecallConsiderations");

            migrationBuilder.DropColumn(
                name: "RegimeRoute",
                table: "RecallConsiderations");

            migrationBuilder.DropColumn(
                name: "RegimeVersionId",
                table: "RecallConsiderations");
        }
    }
}
