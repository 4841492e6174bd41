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

    /// <summary>The trigram full-text index behind the <c>searchText</c> filter (read-only; triggers maintain it).</summary>
    public DbSet<ChatSearchEntry> ChatSearch => Set<ChatSearchEntry>();

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AssignSearchRowIdsAsync(CancellationToken.None, sync: true).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await AssignSearchRowIdsAsync(cancellationToken, sync: false);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // New chats get the next free search row id. Writers hold SQLite's write lock (BEGIN IMMEDIATE) while they
    // save, so the maximum cannot move under them; a unique index backs this up.
    private async Task AssignSearchRowIdsAsync(CancellationToken cancellationToken, bool sync)
    {
        var added = ChangeTracker.Entries<Chat>()
            .Where(e => e.State == EntityState.Added && e.Entity.SearchRowId == 0).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var newest = Chats.Select(c => (long?)c.SearchRowId);
        var next = (sync ? newest.Max() : await newest.MaxAsync(cancellationToken)) ?? 0;
        foreach (var chat in added)
        {
            chat.SearchRowId = ++next;
        }
    }

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
