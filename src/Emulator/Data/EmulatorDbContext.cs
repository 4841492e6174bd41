using Microsoft.EntityFrameworkCore;

namespace Emulator.Data;

/// <summary>The emulator's SQLite database: chats (which are also contacts) and their label index.</summary>
public sealed class EmulatorDbContext(DbContextOptions<EmulatorDbContext> options) : DbContext(options)
{
    /// <summary>Every tenant's chats; always filter by <see cref="Chat.CustomerId"/>.</summary>
    public DbSet<Chat> Chats => Set<Chat>();

    /// <summary>Index rows behind the <c>tags</c> and <c>segments</c> filters.</summary>
    public DbSet<ChatLabel> ChatLabels => Set<ChatLabel>();

    /// <summary>Every tenant's segments; always filter by <see cref="Segment.CustomerId"/>.</summary>
    public DbSet<Segment> Segments => Set<Segment>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Timestamps are stored as integer Unix milliseconds: fixed width on the wire, exact range
        // comparisons and compact indexes in SQLite (which has no native date type).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcMillisecondsConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcMillisecondsConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EmulatorDbContext).Assembly);
}
