using Emulator.Common;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Data;

/// <summary>
/// The one owner of a chat's invariants, which every writer goes through: a new chat gets its 24-hex id, a
/// <c>createdAt</c> unique and increasing within its customer and its starting values only from
/// <see cref="StartChatAsync"/>; on every save, each new or changed chat gets its derived state (lead typing, search
/// text, label rows: <see cref="ChatRules.Refresh"/>), a changed one its <c>updatedAt</c>, and a new one its search
/// index row id (the <c>ChatSearch</c> triggers then keep the trigram index in step). Writers hold SQLite's write lock
/// (<c>BEGIN IMMEDIATE</c>) while they do this.
/// </summary>
public sealed partial class EmulatorDbContext
{
    /// <summary>
    /// Adds a new chat of <paramref name="customerId"/>, not saved yet: a fresh id, <c>createdAt</c> = <c>updatedAt</c> =
    /// now, or one millisecond after the customer's newest <c>createdAt</c> when that is not earlier, so that a polling
    /// client that asks for chats created after its last mark (README, "Differences": createdAt) never misses one; status
    /// <c>OPEN</c>; subscribed (README, "Contact search rules"). Call inside the write transaction.
    /// </summary>
    /// <param name="customerId">The owning customer.</param>
    /// <param name="botId">The bot, or "" for a contact attached to none.</param>
    /// <param name="uuid">The visitor's widget session id.</param>
    /// <param name="channel">The bot's channel (<see cref="Channels"/>).</param>
    /// <param name="cancellationToken">Aborts the lookup.</param>
    /// <param name="id">The chat's id when the caller has one (a seed document's); a new one otherwise.</param>
    public async Task<Chat> StartChatAsync(string customerId, string botId, string uuid, string channel, CancellationToken cancellationToken,
        string? id = null)
    {
        var now = Timestamps.Now(Clock);
        var newest = WriteCache()?.NewestCreatedAt.TryGetValue(customerId, out var known) == true
            ? known
            : await Chats.Where(c => c.CustomerId == customerId)
                .OrderByDescending(c => c.CreatedAt).Select(c => (DateTime?)c.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken);
        var createdAt = newest is { } n && n >= now ? n.AddMilliseconds(1) : now;
        WriteCache()?.NewestCreatedAt[customerId] = createdAt;
        var chat = new Chat
        {
            Id = id ?? Ids.New(createdAt),
            CustomerId = customerId,
            BotId = botId,
            Uuid = uuid,
            Channel = channel,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            IsSubscriber = true,
        };
        Chats.Add(chat);
        _started.Add(chat);
        return chat;
    }

    /// <summary>
    /// Adds a chat whose stored values are given as they are — id, <c>createdAt</c>, <c>updatedAt</c> included — not saved
    /// yet: for seed documents and their exports (README, "Testing with the emulator"), which must give back identical
    /// listings. Derived state and the search row id follow on save as for any new chat. Call inside the write transaction.
    /// </summary>
    public void RestoreChat(Chat chat)
    {
        Chats.Add(chat);
        _started.Add(chat);

        // The customer's newest createdAt may have moved: the next StartChatAsync reads it again.
        WriteCache()?.NewestCreatedAt.Remove(chat.CustomerId);
    }

    /// <summary>Marks <paramref name="chat"/> as written, so the next save stamps its <c>updatedAt</c> even if no value changed
    /// (the platform stamps every update).</summary>
    public void Touch(Chat chat) => Entry(chat).Property(c => c.UpdatedAt).IsModified = true;

    private readonly HashSet<Chat> _started = [];

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareChatsAsync(CancellationToken.None, sync: true).GetAwaiter().GetResult();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        _started.Clear();
        return saved;
    }

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await PrepareChatsAsync(cancellationToken, sync: false);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        _started.Clear(); // every started chat is saved now
        return saved;
    }

    private async Task PrepareChatsAsync(CancellationToken cancellationToken, bool sync)
    {
        // Entries() detects changes itself; the save detects them once more, for the label rows Refresh changes.
        var written = ChangeTracker.Entries<Chat>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (written.Count == 0)
        {
            return;
        }

        // Refresh diffs the label rows against the chat's tags and segments, so it needs the stored rows: a writer that
        // loaded a chat without them (a status change) would otherwise insert rows that exist. Loaded here, once for all
        // such chats, so no writer has to remember an Include.
        var unloaded = written.Where(e => e.State == EntityState.Modified && !e.Collection(c => c.Labels).IsLoaded).ToList();
        if (unloaded.Count > 0)
        {
            var ids = unloaded.Select(e => e.Entity.Id).ToList();
            var rows = ChatLabels.Where(l => ids.Contains(l.ChatId));
            _ = sync ? rows.ToList() : await rows.ToListAsync(cancellationToken); // tracked: fixed up into each chat's Labels
            unloaded.ForEach(e => e.Collection(c => c.Labels).IsLoaded = true);
        }

        var now = Timestamps.Now(Clock);
        var added = new List<Chat>();
        foreach (var entry in written)
        {
            var chat = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                if (!_started.Contains(chat))
                {
                    throw new InvalidOperationException("Start new chats with EmulatorDbContext.StartChatAsync.");
                }

                added.Add(chat);
            }
            else
            {
                // createdAt may run a few ms ahead of the clock (see StartChatAsync); updatedAt never precedes it.
                chat.UpdatedAt = now > chat.CreatedAt ? now : chat.CreatedAt;
            }

            ChatRules.Refresh(chat);
            RaiseEvents(entry);
        }

        // New chats get the next free search row id. Writers hold SQLite's write lock (BEGIN IMMEDIATE) while they
        // save, so the maximum cannot move under them; a unique index backs this up.
        if (added.Count > 0)
        {
            var cache = WriteCache();
            var newest = Chats.Select(c => (long?)c.SearchRowId);
            var next = cache?.LastSearchRowId ?? (sync ? newest.Max() : await newest.MaxAsync(cancellationToken)) ?? 0;
            foreach (var chat in added.Where(c => c.SearchRowId == 0))
            {
                chat.SearchRowId = ++next;
            }

            cache?.LastSearchRowId = next;
        }
    }

    private readonly List<ChatEvent> _events = [];

    /// <summary>The platform events the saves since the last call raised (README, "Webhooks"), and forgets them: the
    /// <see cref="SingleWriter"/> stages a work item's events in its transaction (<see cref="IChatEventSink"/>), and drops a
    /// failed one's.</summary>
    public IReadOnlyList<ChatEvent> TakeEvents()
    {
        var taken = _events.ToList();
        _events.Clear();
        return taken;
    }

    // The platform's trigger events, decided where every chat write passes: a new contact (a new chat that is a contact,
    // or a chat that becomes a lead), an incoming message (lastMessage newly by the user) and an order (a later order time).
    private void RaiseEvents(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Chat> entry)
    {
        var chat = entry.Entity;
        var added = entry.State == EntityState.Added;
        bool Changed<T>(System.Linq.Expressions.Expression<Func<Chat, T>> property) =>
            added || !Equals(entry.Property(property).OriginalValue, entry.Property(property).CurrentValue);
        void Raise(string name) => _events.Add(new ChatEvent(name, chat.Id, chat.CustomerId, chat.BotId, chat.Channel));

        if ((added && chat.IsContact) || (!added && chat.IsLead && !entry.Property(c => c.IsLead).OriginalValue))
        {
            Raise(ChatEvent.NewLead);
        }

        if (chat.LastMessageBy == "user" && (Changed(c => c.LastMessageAt) || Changed(c => c.LastMessageText)))
        {
            Raise(ChatEvent.NewMessage);
        }

        if (chat.LastOrderedAt is not null && Changed(c => c.LastOrderedAt))
        {
            Raise(ChatEvent.NewOrder);
        }
    }

    private WriteState? _writeCache;

    // What StartChatAsync and the save read back of the newest rows, kept for the rest of the current transaction: while
    // it holds SQLite's write lock nobody else can move them, and the single writer runs many chats in one transaction.
    // A rolled-back savepoint can leave them ahead of the table, which only skips a millisecond or a row id.
    private WriteState? WriteCache()
    {
        var transaction = Database.CurrentTransaction;
        if (transaction is null)
        {
            return null;
        }

        if (_writeCache?.Transaction != transaction)
        {
            _writeCache = new WriteState(transaction);
        }

        return _writeCache;
    }

    private sealed class WriteState(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        public Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction Transaction { get; } = transaction;

        public Dictionary<string, DateTime?> NewestCreatedAt { get; } = new(StringComparer.Ordinal);

        public long? LastSearchRowId { get; set; }
    }
}
