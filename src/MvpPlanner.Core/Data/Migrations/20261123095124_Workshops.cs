using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvpPlanner.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Workshops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkshopSession",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FacilitatorId = table.Column<string>(type: "TEXT", nullable: false),
                    FacilitatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopSession", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkshopSession_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteRound",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DotsPerPerson = table.Column<int>(type: "INTEGER", nullable: false),
                    AllowSeveralDotsPerItem = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsRevealed = table.Column<bool>(type: "INTEGER", nullable: false),
                    AppliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteRound", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteRound_WorkshopSession_SessionId",
                        column: x => x.SessionId,
                        principalTable: "WorkshopSession",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Vote",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Dots = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vote", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vote_VoteRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "VoteRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteRoundItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteRoundItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteRoundItem_VoteRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "VoteRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Vote_RoundId_UserId_ItemId",
                table: "Vote",
                columns: new[] { "RoundId", "UserId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteRound_SessionId",
                table: "VoteRound",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteRoundItem_RoundId",
                table: "VoteRoundItem",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopSession_PlanId_EndedAt",
                table: "WorkshopSession",
                columns: new[] { "PlanId", "EndedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Vote");

            migrationBuilder.DropTable(
                name: "VoteRoundItem");

            migrationBuilder.DropTable(
                name: "VoteRound");

            migrationBuilder.DropTable(
                name: "WorkshopSession");
        }
    }
}
