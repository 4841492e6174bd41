using Microsoft.EntityFrameworkCore.Migrations;

namespace Emulator.Data;

/// <summary>A row of the <c>ChatSearch</c> trigram index: a chat's <see cref="Chat.SearchText"/> under its <see cref="Chat.SearchRowId"/>.</summary>
public sealed class ChatSearchEntry
{
    /// <summary>The FTS5 rowid, equal to <see cref="Chat.SearchRowId"/>.</summary>
    public long RowId { get; set; }

    /// <summary>The indexed text.</summary>
    public string SearchText { get; set; } = "";
}

/// <summary>
/// The SQL of the <c>ChatSearch</c> index: an SQLite FTS5 table with the trigram tokenizer, which answers
/// <c>LIKE '%text%'</c> for patterns of three or more characters from its index instead of scanning every chat.
/// Triggers on <c>Chats</c> keep it in step with every write. A migration that rebuilds the <c>Chats</c> table
/// (SQLite does that for most column changes) drops those triggers: it must call <see cref="Create"/> again.
/// </summary>
public static class SearchIndexSql
{
    /// <summary>The FTS5 table's name.</summary>
    public const string Table = "ChatSearch";

    /// <summary>The triggers that keep the index in step, by name.</summary>
    public static readonly IReadOnlyList<string> Triggers = ["Chats_Search_Insert", "Chats_Search_Update", "Chats_Search_Delete"];

    /// <summary>(Re)creates the index from the current chats, and its triggers.</summary>
    public static void Create(MigrationBuilder migration)
    {
        Drop(migration);
        migration.Sql($"CREATE VIRTUAL TABLE {Table} USING fts5(SearchText, tokenize = 'trigram');");
        migration.Sql($"INSERT INTO {Table} (rowid, SearchText) SELECT SearchRowId, SearchText FROM Chats;");
        migration.Sql($"""
            CREATE TRIGGER {Triggers[0]} AFTER INSERT ON Chats BEGIN
                INSERT INTO {Table} (rowid, SearchText) VALUES (new.SearchRowId, new.SearchText);
            END;
            """);
        migration.Sql($"""
            CREATE TRIGGER {Triggers[1]} AFTER UPDATE OF SearchText, SearchRowId ON Chats BEGIN
                DELETE FROM {Table} WHERE rowid = old.SearchRowId;
                INSERT INTO {Table} (rowid, SearchText) VALUES (new.SearchRowId, new.SearchText);
            END;
            """);
        migration.Sql($"""
            CREATE TRIGGER {Triggers[2]} AFTER DELETE ON Chats BEGIN
                DELETE FROM {Table} WHERE rowid = old.SearchRowId;
            END;
            """);
    }

    /// <summary>Drops the index and its triggers.</summary>
    public static void Drop(MigrationBuilder migration)
    {
        foreach (var trigger in Triggers)
        {
            migration.Sql($"DROP TRIGGER IF EXISTS {trigger};");
        }

        migration.Sql($"DROP TABLE IF EXISTS {Table};");
    }
}
