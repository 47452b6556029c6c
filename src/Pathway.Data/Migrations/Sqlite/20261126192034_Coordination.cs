using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pathway.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Coordination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GroupMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupMembers_DirectoryOrganisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "DirectoryOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GroupRepresentatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    StaffUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupRepresentatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupRepresentatives_AspNetUsers_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupRepresentatives_GroupMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "GroupMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GroupMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChairId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupMeetings_GroupRepresentatives_ChairId",
                        column: x => x.ChairId,
                        principalTable: "GroupRepresentatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GroupAgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SharingBasis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LawfulBasis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LawfulBasisNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ConsentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Decisions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupAgendaItems_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupAgendaItems_GroupMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "GroupMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GroupAttendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RepresentativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Apologies = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupAttendance_GroupMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "GroupMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GroupAttendance_GroupRepresentatives_RepresentativeId",
                        column: x => x.RepresentativeId,
                        principalTable: "GroupRepresentatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GroupActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerRepresentativeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerStaffUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupActions_AspNetUsers_OwnerStaffUserId",
                        column: x => x.OwnerStaffUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupActions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupActions_GroupAgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "GroupAgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupActions_GroupMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "GroupMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GroupActions_GroupRepresentatives_OwnerRepresentativeId",
                        column: x => x.OwnerRepresentativeId,
                        principalTable: "GroupRepresentatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GroupActions_AgendaItemId",
                table: "GroupActions",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupActions_CaseId",
                table: "GroupActions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupActions_MeetingId",
                table: "GroupActions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupActions_OwnerRepresentativeId",
                table: "GroupActions",
                column: "OwnerRepresentativeId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupActions_OwnerStaffUserId",
                table: "GroupActions",
                column: "OwnerStaffUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupActions_Status_DueOn",
                table: "GroupActions",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupAgendaItems_CaseId",
                table: "GroupAgendaItems",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupAgendaItems_MeetingId",
                table: "GroupAgendaItems",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupAttendance_MeetingId_RepresentativeId",
                table: "GroupAttendance",
                columns: new[] { "MeetingId", "RepresentativeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GroupAttendance_RepresentativeId",
                table: "GroupAttendance",
                column: "RepresentativeId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMeetings_ChairId",
                table: "GroupMeetings",
                column: "ChairId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMeetings_MeetingOn",
                table: "GroupMeetings",
                column: "MeetingOn");

            migrationBuilder.CreateIndex(
                name: "IX_GroupMembers_OrganisationId",
                table: "GroupMembers",
                column: "OrganisationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GroupRepresentatives_MemberId",
                table: "GroupRepresentatives",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_GroupRepresentatives_StaffUserId",
                table: "GroupRepresentatives",
                column: "StaffUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GroupActions");

            migrationBuilder.DropTable(
                name: "GroupAttendance");

            migrationBuilder.DropTable(
                name: "GroupAgendaItems");

            migrationBuilder.DropTable(
                name: "GroupMeetings");

            migrationBuilder.DropTable(
                name: "GroupRepresentatives");

            migrationBuilder.DropTable(
                name: "GroupMembers");
        }
    }
}
