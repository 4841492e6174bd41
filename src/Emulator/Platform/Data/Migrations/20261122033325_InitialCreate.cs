using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emulator.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Chats",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    BotId = table.Column<string>(type: "TEXT", nullable: false),
                    Uuid = table.Column<string>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    UserProvidedName = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhonePrefix = table.Column<string>(type: "TEXT", nullable: true),
                    Picture = table.Column<string>(type: "TEXT", nullable: true),
                    City = table.Column<string>(type: "TEXT", nullable: true),
                    Country = table.Column<string>(type: "TEXT", nullable: true),
                    Gender = table.Column<string>(type: "TEXT", nullable: true),
                    WhatsAppNumber = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    AgentAssigned = table.Column<string>(type: "TEXT", nullable: true),
                    IsLead = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserInteracted = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLiveChatActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasOrdered = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastOrderedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsImported = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsSubscriber = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsPaid = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastMessageAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastMessageBy = table.Column<string>(type: "TEXT", nullable: true),
                    LastMessageText = table.Column<string>(type: "TEXT", nullable: true),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WebsiteVisits = table.Column<int>(type: "INTEGER", nullable: false),
                    UnreadMessages = table.Column<int>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Segments = table.Column<string>(type: "TEXT", nullable: false),
                    Attributes = table.Column<string>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Chats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChatLabels",
                columns: table => new
                {
                    ChatId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatLabels", x => new { x.ChatId, x.Kind, x.Value });
                    table.ForeignKey(
                        name: "FK_ChatLabels_Chats_ChatId",
                        column: x => x.ChatId,
                        principalTable: "Chats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChatLabels_CustomerId_Kind_Value_ChatId",
                table: "ChatLabels",
                columns: new[] { "CustomerId", "Kind", "Value", "ChatId" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_AgentAssigned_CreatedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "AgentAssigned", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_BotId_IsLead_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "BotId", "IsLead", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_BotId_Uuid",
                table: "Chats",
                columns: new[] { "CustomerId", "BotId", "Uuid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_Channel_BotId_CreatedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "Channel", "BotId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_CreatedAt_Id",
                table: "Chats",
                columns: new[] { "CustomerId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_HasOrdered_LastOrderedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "HasOrdered", "LastOrderedAt" });

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
                name: "IX_Chats_CustomerId_LastSeenAt",
                table: "Chats",
                columns: new[] { "CustomerId", "LastSeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_Status_CreatedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Chats_CustomerId_UserInteracted_CreatedAt",
                table: "Chats",
                columns: new[] { "CustomerId", "UserInteracted", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatLabels");

            migrationBuilder.DropTable(
                name: "Chats");
        }
    }
}
