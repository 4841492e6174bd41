using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emulator.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingIndexesCoverStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_BotId_IsLead_CreatedAt_Id",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_CreatedAt_Id",
                table: "Chats");

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_BotId_IsLead_CreatedAt_Id_Status",
                table: "Chats",
                columns: new[] { "CustomerId", "BotId", "IsLead", "CreatedAt", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_CreatedAt_Id_Status",
                table: "Chats",
                columns: new[] { "CustomerId", "CreatedAt", "Id", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_BotId_IsLead_CreatedAt_Id_Status",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_CreatedAt_Id_Status",
                table: "Chats");

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_BotId_IsLead_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "BotId", "IsLead", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "CreatedAt", "Id" });
        }
    }
}
