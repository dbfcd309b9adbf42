using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvpPlanner.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class HistoryAndTrash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletedById",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ChangeSetId",
                table: "ActivityEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Changes",
                table: "ActivityEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ItemId",
                table: "ActivityEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ItemKind",
                table: "ActivityEntries",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ItemVersion",
                table: "ActivityEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TrashedItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedById = table.Column<string>(type: "TEXT", nullable: true),
                    DeletedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChangeSetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Includes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrashedItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrashedItems_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_DeletedAt",
                table: "Plans",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_ChangeSetId",
                table: "ActivityEntries",
                column: "ChangeSetId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityEntries_ItemKind_ItemId",
                table: "ActivityEntries",
                columns: new[] { "ItemKind", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_TrashedItems_ChangeSetId",
                table: "TrashedItems",
                column: "ChangeSetId");

            migrationBuilder.CreateIndex(
                name: "IX_TrashedItems_ItemKind_ItemId",
                table: "TrashedItems",
                columns: new[] { "ItemKind", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrashedItems_PlanId_DeletedAt",
                table: "TrashedItems",
                columns: new[] { "PlanId", "DeletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrashedItems");

            migrationBuilder.DropIndex(
                name: "IX_Plans_DeletedAt",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_ChangeSetId",
                table: "ActivityEntries");

            migrationBuilder.DropIndex(
                name: "IX_ActivityEntries_ItemKind_ItemId",
                table: "ActivityEntries");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "DeletedById",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "ChangeSetId",
                table: "ActivityEntries");

            migrationBuilder.DropColumn(
                name: "Changes",
                table: "ActivityEntries");

            migrationBuilder.DropColumn(
                name: "ItemId",
                table: "ActivityEntries");

            migrationBuilder.DropColumn(
                name: "ItemKind",
                table: "ActivityEntries");

            migrationBuilder.DropColumn(
                name: "ItemVersion",
                table: "ActivityEntries");
        }
    }
}
