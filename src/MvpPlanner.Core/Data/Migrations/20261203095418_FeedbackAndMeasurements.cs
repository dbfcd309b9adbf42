using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvpPlanner.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackAndMeasurements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "BaselineValue",
                table: "TargetOutcomes",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PersonaId",
                table: "TargetOutcomes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TargetDate",
                table: "TargetOutcomes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TargetValue",
                table: "TargetOutcomes",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedbackItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GivenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Importance = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackItems_Personas_PersonaId",
                        column: x => x.PersonaId,
                        principalTable: "Personas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FeedbackItems_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeFeatures",
                columns: table => new
                {
                    FeaturesId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetOutcomeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeFeatures", x => new { x.FeaturesId, x.TargetOutcomeId });
                    table.ForeignKey(
                        name: "FK_OutcomeFeatures_Features_FeaturesId",
                        column: x => x.FeaturesId,
                        principalTable: "Features",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OutcomeFeatures_TargetOutcomes_TargetOutcomeId",
                        column: x => x.TargetOutcomeId,
                        principalTable: "TargetOutcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeMeasurements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutcomeId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasuredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutcomeMeasurements_TargetOutcomes_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "TargetOutcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackFeatures",
                columns: table => new
                {
                    FeaturesId = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedbackItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackFeatures", x => new { x.FeaturesId, x.FeedbackItemId });
                    table.ForeignKey(
                        name: "FK_FeedbackFeatures_Features_FeaturesId",
                        column: x => x.FeaturesId,
                        principalTable: "Features",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackFeatures_FeedbackItems_FeedbackItemId",
                        column: x => x.FeedbackItemId,
                        principalTable: "FeedbackItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackProblems",
                columns: table => new
                {
                    FeedbackItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemsId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackProblems", x => new { x.FeedbackItemId, x.ProblemsId });
                    table.ForeignKey(
                        name: "FK_FeedbackProblems_FeedbackItems_FeedbackItemId",
                        column: x => x.FeedbackItemId,
                        principalTable: "FeedbackItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackProblems_Problems_ProblemsId",
                        column: x => x.ProblemsId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TargetOutcomes_PersonaId",
                table: "TargetOutcomes",
                column: "PersonaId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackFeatures_FeedbackItemId",
                table: "FeedbackFeatures",
                column: "FeedbackItemId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_PersonaId",
                table: "FeedbackItems",
                column: "PersonaId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_PlanId_State",
                table: "FeedbackItems",
                columns: new[] { "PlanId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackProblems_ProblemsId",
                table: "FeedbackProblems",
                column: "ProblemsId");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeFeatures_TargetOutcomeId",
                table: "OutcomeFeatures",
                column: "TargetOutcomeId");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeMeasurements_OutcomeId_MeasuredOn",
                table: "OutcomeMeasurements",
                columns: new[] { "OutcomeId", "MeasuredOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_TargetOutcomes_Personas_PersonaId",
                table: "TargetOutcomes",
                column: "PersonaId",
                principalTable: "Personas",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TargetOutcomes_Personas_PersonaId",
                table: "TargetOutcomes");

            migrationBuilder.DropTable(
                name: "FeedbackFeatures");

            migrationBuilder.DropTable(
                name: "FeedbackProblems");

            migrationBuilder.DropTable(
                name: "OutcomeFeatures");

            migrationBuilder.DropTable(
                name: "OutcomeMeasurements");

            migrationBuilder.DropTable(
                name: "FeedbackItems");

            migrationBuilder.DropIndex(
                name: "IX_TargetOutcomes_PersonaId",
                table: "TargetOutcomes");

            migrationBuilder.DropColumn(
                name: "BaselineValue",
                table: "TargetOutcomes");

            migrationBuilder.DropColumn(
                name: "PersonaId",
                table: "TargetOutcomes");

            migrationBuilder.DropColumn(
                name: "TargetDate",
                table: "TargetOutcomes");

            migrationBuilder.DropColumn(
                name: "TargetValue",
                table: "TargetOutcomes");
        }
    }
}
