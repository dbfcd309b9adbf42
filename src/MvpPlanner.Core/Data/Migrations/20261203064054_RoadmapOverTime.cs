using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvpPlanner.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RoadmapOverTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "StartDate",
                table: "Features",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StartPrecision",
                table: "Features",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Day");

            migrationBuilder.AddColumn<DateOnly>(
                name: "TargetDate",
                table: "Features",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetPrecision",
                table: "Features",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Day");

            migrationBuilder.CreateTable(
                name: "FeatureDependencies",
                columns: table => new
                {
                    FeatureId = table.Column<int>(type: "INTEGER", nullable: false),
                    DependsOnId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeatureDependencies", x => new { x.FeatureId, x.DependsOnId });
                    table.ForeignKey(
                        name: "FK_FeatureDependencies_Features_DependsOnId",
                        column: x => x.DependsOnId,
                        principalTable: "Features",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeatureDependencies_Features_FeatureId",
                        column: x => x.FeatureId,
                        principalTable: "Features",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LaneId = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_Lanes_LaneId",
                        column: x => x.LaneId,
                        principalTable: "Lanes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Milestones_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeatureDependencies_DependsOnId",
                table: "FeatureDependencies",
                column: "DependsOnId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_LaneId",
                table: "Milestones",
                column: "LaneId");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_PlanId_Date",
                table: "Milestones",
                columns: new[] { "PlanId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeatureDependencies");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropColumn(
                name: "StartDate",
                table: "Features");

            migrationBuilder.DropColumn(
                name: "StartPrecision",
                table: "Features");

            migrationBuilder.DropColumn(
                name: "TargetDate",
                table: "Features");

            migrationBuilder.DropColumn(
                name: "TargetPrecision",
                table: "Features");
        }
    }
}
