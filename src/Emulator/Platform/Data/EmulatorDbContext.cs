using Emulator.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Emulator.Data;

/// <summary>
/// The emulator's SQLite database: chats (which are also contacts), their label index and segments. Every write of a
/// chat goes through this context, which owns the chat's invariants (<c>ChatWrites.cs</c>).
/// </summary>
/// <param name="options">EF Core options (SQLite). The clock behind <c>createdAt</c>/<c>updatedAt</c> is the application's
/// <see cref="TimeProvider"/> service, or the system clock without one. The context is pooled (a pooled context takes
/// its options alone), which saves building one per request.</param>
public sealed partial class EmulatorDbContext(DbContextOptions<EmulatorDbContext> options) : DbContext(options)
{
    private TimeProvider? _clockService;

    private static readonly ObjectIds UnseededIds = new((int?)null);

    private ObjectIds? _idsService;

    private TimeProvider Clock => _clockService ??= AppService<TimeProvider>() ?? TimeProvider.System;

    /// <summary>The application's id generator (<see cref="EmulatorOptions.IdSeed"/>), or an unseeded one without it:
    /// every id a write makes comes from it.</summary>
    public ObjectIds Ids => _idsService ??= AppService<ObjectIds>() ?? UnseededIds;

    private T? AppService<T>() where T : class =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<T>();

    /// <summary>The statements this context keeps prepared while the result of <see cref="KeepStatementsPrepared"/> lives;
    /// null otherwise (<see cref="StatementReuseInterceptor"/> reads it).</summary>
    internal PreparedStatements? Statements { get; private set; }

    /// <summary>
    /// Keeps every statement this context runs prepared, one per statement text, until the result is disposed (README,
    /// "Performance"): for a connection held open across many commands, as the <see cref="SingleWriter"/> holds one for a
    /// batch and <see cref="ReadContexts"/> for many requests. Open the connection first; dispose the result before the context goes back to its pool.
    /// </summary>
    /// <param name="capacity">Most statement texts kept; later ones run as EF Core made them.</param>
    /// <exception cref="InvalidOperationException">The context keeps its statements already.</exception>
    public PreparedStatements KeepStatementsPrepared(int capacity = 64)
    {
        if (Statements is not null)
        {
            throw new InvalidOperationException("This context keeps its statements prepared already.");
        }

        return Statements = new PreparedStatements(capacity, () => Statements = null);
    }

    /// <summary>Every tenant's chats; always filter by <see cref="Chat.CustomerId"/>. Start new ones with <see cref="StartChatAsync"/>.</summary>
    public DbSet<Chat> Chats => Set<Chat>();

    /// <summary>Index rows behind the <c>tags</c> and <c>segments</c> filters.</summary>
    public DbSet<ChatLabel> ChatLabels => Set<ChatLabel>();

    /// <summary>Every tenant's segments; always filter by <see cref="Segment.CustomerId"/>.</summary>
    public DbSet<Segment> Segments => Set<Segment>();

    /// <summary>Customer accounts created at run time (<c>POST /_emulator/tenants</c>).</summary>
    public DbSet<TenantAccount> Tenants => Set<TenantAccount>();

    /// <summary>WhatsApp message templates of the tenants' WhatsApp bots.</summary>
    public DbSet<WhatsAppTemplate> WhatsAppTemplates => Set<WhatsAppTemplate>();

    /// <summary>Webhook subscriptions of the tenants' bots.</summary>
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    /// <summary>Webhook events not delivered yet, one row per subscription (the outbox).</summary>
    public DbSet<PendingWebhook> WebhookOutbox => Set<PendingWebhook>();

    /// <summary>The trigram full-text index behind the <c>searchText</c> filter (read-only; triggers maintain it).</summary>
    public DbSet<ChatSearchEntry> ChatSearch => Set<ChatSearchEntry>();

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
