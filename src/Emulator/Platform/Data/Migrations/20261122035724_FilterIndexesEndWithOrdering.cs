using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emulator.Data.Migrations
{
    /// <inheritdoc />
    public partial class FilterIndexesEndWithOrdering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_AgentAssigned_CreatedAt",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_Channel_BotId_CreatedAt",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_IsContact_CreatedAt",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_IsLiveChatActive_CreatedAt",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_IsOnline_CreatedAt",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_LastMessageBy_CreatedAt",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_Status_CreatedAt",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_UserInteracted_CreatedAt",
                table: "Chats");

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_AgentAssigned_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "AgentAssigned", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_Channel_BotId_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "Channel", "BotId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_IsContact_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "IsContact", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_IsLiveChatActive_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "IsLiveChatActive", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_IsOnline_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "IsOnline", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_LastMessageBy_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "LastMessageBy", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_Status_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_UserInteracted_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "UserInteracted", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_AgentAssigned_CreatedAt_Id",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_Channel_BotId_CreatedAt_Id",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_IsContact_CreatedAt_Id",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_IsLiveChatActive_CreatedAt_Id",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_IsOnline_CreatedAt_Id",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_LastMessageBy_CreatedAt_Id",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_Status_CreatedAt_Id",
                table: "Chats");

            migrationBuilder.DropIndex(
                name: "IX_Chats_CustomerId_UserInteracted_CreatedAt_Id",
                table: "Chats");

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_AgentAssigned_CreatedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "AgentAssigned", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_Channel_BotId_CreatedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "Channel", "BotId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_IsContact_CreatedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "IsContact", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_IsLiveChatActive_CreatedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "IsLiveChatActive", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_IsOnline_CreatedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "IsOnline", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_LastMessageBy_CreatedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "LastMessageBy", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_Status_CreatedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_UserInteracted_CreatedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "UserInteracted", "CreatedAt" });
        }
    }
}
