using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ComplianceSigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CarePlanId",
                table: "BehavioursOfConcern",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CarePlanSignKey",
                table: "BehavioursOfConcern",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BehavioursOfConcern_CarePlanId",
                table: "BehavioursOfConcern",
                column: "CarePlanId");

            migrationBuilder.AddForeignKey(
                name: "FK_BehavioursOfConcern_CarePlans_CarePlanId",
                table: "BehavioursOfConcern",
                column: "CarePlanId",
                principalTable: "CarePlans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BehavioursOfConcern_CarePlans_CarePlanId",
                table: "BehavioursOfConcern");

            migrationBuilder.DropIndex(
                name: "IX_BehavioursOfConcern_CarePlanId",
                table: "BehavioursOfConcern");

            migrationBuilder.DropColumn(
                name: "CarePlanId",
                table: "BehavioursOfConcern");

            migrationBuilder.DropColumn(
                name: "CarePlanSignKey",
                table: "BehavioursOfConcern");
        }
    }
}
