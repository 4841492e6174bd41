using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emulator.Data.Migrations
{
    /// <inheritdoc />
    public partial class UniqueWhatsAppApiKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tenants_WhatsAppApiKey",
                table: "Tenants",
                column: "WhatsAppApiKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tenants_WhatsAppApiKey",
                table: "Tenants");
        }
    }
}
