using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Signposting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryOrganisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PartnerTeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryOrganisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryOrganisations_Teams_PartnerTeamId",
                        column: x => x.PartnerTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NeedsMet = table.Column<string>(type: "TEXT", nullable: false),
                    Genders = table.Column<string>(type: "TEXT", nullable: false),
                    MinimumAge = table.Column<int>(type: "INTEGER", nullable: true),
                    MaximumAge = table.Column<int>(type: "INTEGER", nullable: true),
                    AreasServed = table.Column<string>(type: "TEXT", nullable: false),
                    AreasExcluded = table.Column<string>(type: "TEXT", nullable: false),
                    RoshCeiling = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Exclusions = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiresGpRegistration = table.Column<bool>(type: "INTEGER", nullable: false),
                    OtherEligibility = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReferralRoute = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WaitingWeeks = table.Column<int>(type: "INTEGER", nullable: true),
                    OpenToReferrals = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastVerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastVerifiedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryServices_DirectoryOrganisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "DirectoryOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryOrganisations_Name",
                table: "DirectoryOrganisations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryOrganisations_PartnerTeamId",
                table: "DirectoryOrganisations",
                column: "PartnerTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServices_OrganisationId_Name",
                table: "DirectoryServices",
                columns: new[] { "OrganisationId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryServices");

            migrationBuilder.DropTable(
                name: "DirectoryOrganisations");
        }
    }
}
