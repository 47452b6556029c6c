using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SecAuthSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastAuthenticatorStep",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuedVia",
                table: "ApiTokens",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Unverified");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastAuthenticatorStep",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "IssuedVia",
                table: "ApiTokens");
        }
    }
}
