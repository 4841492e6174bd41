using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emulator.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubscriberFilterIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_IsSubscriber_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "IsSubscriber", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_IsSubscriber_CreatedAt_Id",
                table: "Chats");
        }
    }
}
