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
            // Earlier versions let two runtime tenants hold one key. The first stored keeps it; each later one gets its key
            // with "-<customerId>" appended (README, "WhatsApp, the custom-app API and webhooks"), so the index can be built.
            migrationBuilder.Sql(
                "UPDATE Tenants SET WhatsAppApiKey = WhatsAppApiKey || '-' || CustomerId " +
                "WHERE WhatsAppApiKey IS NOT NULL AND rowid NOT IN (SELECT MIN(rowid) FROM Tenants WHERE WhatsAppApiKey IS NOT NULL GROUP BY WhatsAppApiKey);");
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
