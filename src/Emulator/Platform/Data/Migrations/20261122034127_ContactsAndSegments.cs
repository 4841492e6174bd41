using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emulator.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactsAndSegments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FacebookProfileId",
                table: "Chats",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InstagramProfileId",
                table: "Chats",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TelegramUserName",
                table: "Chats",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Segments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Segments", x => x.Id);
                });

            // Import matches emails case-insensitively (COLLATE NOCASE in the query). The collation lives in the index,
            // not on the column: changing a column's collation makes SQLite rebuild the whole table.
            migrationBuilder.Sql("""CREATE INDEX "IX_Chats_CustomerId_Email" ON "Chats" ("CustomerId", "Email" COLLATE NOCASE);""");

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_PhoneNumber_PhonePrefix",
                table: "Chats",
                columns: new[] { "CustomerId", "PhoneNumber", "PhonePrefix" });

            migrationBuilder.CreateIndex(
                name: "IX_Segments_CustomerId_CreatedAt",
                table: "Segments",
                columns: new[] { "CustomerId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Segments");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_Email",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_PhoneNumber_PhonePrefix",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "FacebookProfileId",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "InstagramProfileId",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "TelegramUserName",
                table: "Chats");
        }
    }
}
