using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvpPlanner.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AfterLaunch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarFeeds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastFetchedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarFeeds_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmissionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackLinks_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GateConditions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OutcomeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Threshold = table.Column<double>(type: "REAL", nullable: true),
                    RoleName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedOffAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignedOffById = table.Column<string>(type: "TEXT", nullable: true),
                    SignedOffByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignOffNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateConditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateConditions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GateConditions_RoadmapPhases_PhaseId",
                        column: x => x.PhaseId,
                        principalTable: "RoadmapPhases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GateConditions_TargetOutcomes_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "TargetOutcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PhaseDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    PhaseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GateSnapshot = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhaseDecisions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PhaseDecisions_RoadmapPhases_PhaseId",
                        column: x => x.PhaseId,
                        principalTable: "RoadmapPhases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PlanVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastVisitedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreviousVisitAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanVisits_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanVisits_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhaseDecisionFeedback",
                columns: table => new
                {
                    FeedbackItemsId = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseDecisionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseDecisionFeedback", x => new { x.FeedbackItemsId, x.PhaseDecisionId });
                    table.ForeignKey(
                        name: "FK_PhaseDecisionFeedback_FeedbackItems_FeedbackItemsId",
                        column: x => x.FeedbackItemsId,
                        principalTable: "FeedbackItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PhaseDecisionFeedback_PhaseDecisions_PhaseDecisionId",
                        column: x => x.PhaseDecisionId,
                        principalTable: "PhaseDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhaseDecisionOutcomes",
                columns: table => new
                {
                    OutcomesId = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseDecisionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseDecisionOutcomes", x => new { x.OutcomesId, x.PhaseDecisionId });
                    table.ForeignKey(
                        name: "FK_PhaseDecisionOutcomes_PhaseDecisions_PhaseDecisionId",
                        column: x => x.PhaseDecisionId,
                        principalTable: "PhaseDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PhaseDecisionOutcomes_TargetOutcomes_OutcomesId",
                        column: x => x.OutcomesId,
                        principalTable: "TargetOutcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_PlanId",
                table: "CalendarFeeds",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_TokenHash",
                table: "CalendarFeeds",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackLinks_PlanId",
                table: "FeedbackLinks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackLinks_TokenHash",
                table: "FeedbackLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GateConditions_OutcomeId",
                table: "GateConditions",
                column: "OutcomeId");

            migrationBuilder.CreateIndex(
                name: "IX_GateConditions_PhaseId",
                table: "GateConditions",
                column: "PhaseId");

            migrationBuilder.CreateIndex(
                name: "IX_GateConditions_PlanId_PhaseId",
                table: "GateConditions",
                columns: new[] { "PlanId", "PhaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_PhaseDecisionFeedback_PhaseDecisionId",
                table: "PhaseDecisionFeedback",
                column: "PhaseDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseDecisionOutcomes_PhaseDecisionId",
                table: "PhaseDecisionOutcomes",
                column: "PhaseDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseDecisions_PhaseId",
                table: "PhaseDecisions",
                column: "PhaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseDecisions_PlanId_DecidedOn",
                table: "PhaseDecisions",
                columns: new[] { "PlanId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanVisits_PlanId",
                table: "PlanVisits",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanVisits_UserId_PlanId",
                table: "PlanVisits",
                columns: new[] { "UserId", "PlanId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarFeeds");

            migrationBuilder.DropTable(
                name: "FeedbackLinks");

            migrationBuilder.DropTable(
                name: "GateConditions");

            migrationBuilder.DropTable(
                name: "PhaseDecisionFeedback");

            migrationBuilder.DropTable(
                name: "PhaseDecisionOutcomes");

            migrationBuilder.DropTable(
                name: "PlanVisits");

            migrationBuilder.DropTable(
                name: "PhaseDecisions");
        }
    }
}
