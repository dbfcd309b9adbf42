using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MvpPlanner.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DataProtectionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            // The first account is now the one that inserts the settings row. An instance that already has accounts
            // but never saved its settings gets the row here, so the next person to register does not become admin.
            migrationBuilder.Sql("""
                INSERT INTO "InstanceSettings" ("Id", "RegistrationOpen")
                SELECT 1, 1 WHERE EXISTS (SELECT 1 FROM "AspNetUsers") AND NOT EXISTS (SELECT 1 FROM "InstanceSettings");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");
        }
    }
}
