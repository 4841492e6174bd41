using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Emulator.Data;

/// <summary>
/// Table, keys and indexes of <see cref="Chat"/>. Every listing orders by (CreatedAt, Id) descending
/// within one customer, so each index ends with those columns: a page is an index range scan.
/// </summary>
internal sealed class ChatConfiguration : IEntityTypeConfiguration<Chat>
{
    public void Configure(EntityTypeBuilder<Chat> chat)
    {
        chat.ToTable("Chats");
        chat.HasKey(c => c.Id);
        chat.Property(c => c.Id).HasMaxLength(24);

        // The lead upsert key: one chat per (customer, bot, uuid), enforced by the database so that
        // concurrent PUTs cannot create two.
        chat.HasIndex(c => new { c.CustomerId, c.BotId, c.Uuid }).IsUnique();

        // GET /inbox/direct/chats: one bot's leads or non-leads, newest first. Status comes last so that skipping
        // deleted chats needs no table read: a deep page walks the index alone.
        chat.HasIndex(c => new { c.CustomerId, c.BotId, c.IsLead, c.CreatedAt, c.Id, c.Status });

        // POST /inbox/users: the customer's contacts newest first, and one index per selective filter. Each
        // filter index ends with the ordering columns, so an equality filter reads its page straight off the index
        // instead of walking the whole customer in date order.
        chat.HasIndex(c => new { c.CustomerId, c.CreatedAt, c.Id, c.Status });
        chat.HasIndex(c => new { c.CustomerId, c.Status, c.CreatedAt, c.Id });
        chat.HasIndex(c => new { c.CustomerId, c.LastMessageBy, c.CreatedAt, c.Id });
        chat.HasIndex(c => new { c.CustomerId, c.AgentAssigned, c.CreatedAt, c.Id });
        chat.HasIndex(c => new { c.CustomerId, c.Channel, c.BotId, c.CreatedAt, c.Id });
        chat.HasIndex(c => new { c.CustomerId, c.LastSeenAt });
        chat.HasIndex(c => new { c.CustomerId, c.IsContact, c.CreatedAt, c.Id });
        chat.HasIndex(c => new { c.CustomerId, c.UserInteracted, c.CreatedAt, c.Id });
        chat.HasIndex(c => new { c.CustomerId, c.IsOnline, c.CreatedAt, c.Id });
        chat.HasIndex(c => new { c.CustomerId, c.IsLiveChatActive, c.CreatedAt, c.Id });
        chat.HasIndex(c => new { c.CustomerId, c.IsSubscriber, c.CreatedAt, c.Id });
        chat.HasIndex(c => new { c.CustomerId, c.HasOrdered, c.LastOrderedAt });

        // Rowid of the chat in the ChatSearch trigram index (see SearchIndexSql).
        chat.HasIndex(c => c.SearchRowId).IsUnique();

        // Import matches existing contacts by email (case-insensitively) or by phone. The email index is created with
        // COLLATE NOCASE in SQL (migration ContactsAndSegments) so that the column keeps its collation: a collation
        // change on the column would make SQLite rebuild the table.
        chat.HasIndex(c => new { c.CustomerId, c.Email });
        chat.HasIndex(c => new { c.CustomerId, c.PhoneNumber, c.PhonePrefix });

        // Compared and copied without the nested lambdas of EF Core's default comparer (StringListComparer says why).
        chat.Property(c => c.Tags).Metadata.SetValueComparer(typeof(StringListComparer));
        chat.Property(c => c.Segments).Metadata.SetValueComparer(typeof(StringListComparer));

        chat.ComplexCollection(c => c.Notes, notes =>
        {
            notes.ToJson();
            notes.Property(n => n.Id).HasJsonPropertyName("_id");
        });
        chat.ComplexCollection(c => c.Attributes, attributes => attributes.ToJson());

        chat.HasMany(c => c.Labels).WithOne().HasForeignKey(l => l.ChatId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Keys and index of <see cref="ChatLabel"/>.</summary>
internal sealed class ChatLabelConfiguration : IEntityTypeConfiguration<ChatLabel>
{
    public void Configure(EntityTypeBuilder<ChatLabel> label)
    {
        label.ToTable("ChatLabels");
        label.HasKey(l => new { l.ChatId, l.Kind, l.Value });
        label.HasIndex(l => new { l.CustomerId, l.Kind, l.Value, l.ChatId });
    }
}

/// <summary>Table and index of <see cref="Segment"/>.</summary>
internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> segment)
    {
        segment.ToTable("Segments");
        segment.HasKey(s => s.Id);
        segment.Property(s => s.Id).HasMaxLength(24);
        segment.HasIndex(s => new { s.CustomerId, s.CreatedAt });
    }
}

/// <summary>Maps the <c>ChatSearch</c> FTS5 table for querying; migrations create it with raw SQL (<see cref="SearchIndexSql"/>).</summary>
internal sealed class ChatSearchEntryConfiguration : IEntityTypeConfiguration<ChatSearchEntry>
{
    public void Configure(EntityTypeBuilder<ChatSearchEntry> entry)
    {
        entry.HasNoKey();
        entry.ToTable(SearchIndexSql.Table, t => t.ExcludeFromMigrations());
        entry.Property(e => e.RowId).HasColumnName("rowid");
    }
}
