using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrainingKeyworker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ApKeyworkerId",
                table: "Cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ApKeyworkerId",
                table: "Cases",
                column: "ApKeyworkerId");

            migrationBuilder.AddForeignKey(
                name: "FK_Cases_AspNetUsers_ApKeyworkerId",
                table: "Cases",
                column: "ApKeyworkerId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Cases_AspNetUsers_ApKeyworkerId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ApKeyworkerId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ApKeyworkerId",
                table: "Cases");
        }
    }
}
