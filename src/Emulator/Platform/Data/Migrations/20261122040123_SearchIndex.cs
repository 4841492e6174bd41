using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Emulator.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SearchRowId",
                table: "Chats",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Existing chats take their SQLite rowid, which is unique, before the unique index is built.
            migrationBuilder.Sql("UPDATE Chats SET SearchRowId = rowid;");

            migrationBuilder.CreateIndex(
                name: "IX_Chats_SearchRowId",
                table: "Chats",
                column: "SearchRowId",
                unique: true);

            SearchIndexSql.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SearchIndexSql.Drop(migrationBuilder);

            migrationBuilder.DropIndex(
                name: "IX_Chats_SearchRowId",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "SearchRowId",
                table: "Chats");
        }
    }
}
