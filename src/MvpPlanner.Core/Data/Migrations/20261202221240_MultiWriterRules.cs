using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvpPlanner.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MultiWriterRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OrderVersion",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "VoteBallot",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    DotsUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    DotsAllowed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteBallot", x => x.Id);
                    table.CheckConstraint("CK_VoteBallot_DotsWithinBudget", "\"DotsUsed\" >= 0 AND \"DotsUsed\" <= \"DotsAllowed\"");
                    table.ForeignKey(
                        name: "FK_VoteBallot_VoteRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "VoteRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Plain SQL, valid on SQLite and PostgreSQL. Before the one-running-workshop index: of several sessions left
            // running on one plan (two starts at once, before this rule), the newest keeps running; each older one is
            // ended when the next one started.
            migrationBuilder.Sql("""
                UPDATE "WorkshopSession"
                SET "EndedAt" = (SELECT MIN(n."StartedAt") FROM "WorkshopSession" AS n
                                 WHERE n."PlanId" = "WorkshopSession"."PlanId" AND n."EndedAt" IS NULL AND n."Id" > "WorkshopSession"."Id")
                WHERE "EndedAt" IS NULL
                  AND EXISTS (SELECT 1 FROM "WorkshopSession" AS n
                              WHERE n."PlanId" = "WorkshopSession"."PlanId" AND n."EndedAt" IS NULL AND n."Id" > "WorkshopSession"."Id");
                """);

            // Every voter's ballot counts the dots they placed so far. A voter already over budget (two clicks at once,
            // before this rule) keeps their dots; their budget is raised to them so the CHECK holds and no dot is lost.
            migrationBuilder.Sql("""
                INSERT INTO "VoteBallot" ("RoundId", "UserId", "DotsUsed", "DotsAllowed")
                SELECT v."RoundId", v."UserId", SUM(v."Dots"),
                       CASE WHEN SUM(v."Dots") > MAX(r."DotsPerPerson") THEN SUM(v."Dots") ELSE MAX(r."DotsPerPerson") END
                FROM "Vote" AS v
                INNER JOIN "VoteRound" AS r ON r."Id" = v."RoundId"
                GROUP BY v."RoundId", v."UserId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopSession_PlanId_Running",
                table: "WorkshopSession",
                column: "PlanId",
                unique: true,
                filter: "\"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VoteBallot_RoundId_UserId",
                table: "VoteBallot",
                columns: new[] { "RoundId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VoteBallot");

            migrationBuilder.DropIndex(
                name: "IX_WorkshopSession_PlanId_Running",
                table: "WorkshopSession");

            migrationBuilder.DropColumn(
                name: "OrderVersion",
                table: "Plans");
        }
    }
}
