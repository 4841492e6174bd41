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
            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Chats",
                type: "TEXT",
                nullable: true,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_Email",
                table: "Chats",
                columns: new[] { "CustomerId", "Email" });

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

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Chats",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true,
                oldCollation: "NOCASE");
        }
    }
}
