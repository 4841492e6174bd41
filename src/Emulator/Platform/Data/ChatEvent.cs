namespace Emulator.Data;

/// <summary>
/// A platform event a chat write raised, with the names the platform's trigger subscriptions use (the vendor's n8n
/// trigger: <c>newLeadHook</c>, <c>newMessageHook</c>, <c>newOrderHook</c>).
/// </summary>
/// <param name="Event">One of <see cref="NewLead"/>, <see cref="NewMessage"/>, <see cref="NewOrder"/>.</param>
/// <param name="ChatId">The chat's <c>_id</c>.</param>
/// <param name="CustomerId">Its tenant.</param>
/// <param name="BotId">Its bot.</param>
/// <param name="Channel">Its channel (<see cref="Channels"/>).</param>
public sealed record ChatEvent(string Event, string ChatId, string CustomerId, string BotId, string Channel)
{
    /// <summary>A new contact was created.</summary>
    public const string NewLead = "newLeadHook";

    /// <summary>A message arrived from the contact.</summary>
    public const string NewMessage = "newMessageHook";

    /// <summary>The contact placed an order.</summary>
    public const string NewOrder = "newOrderHook";

    /// <summary>Every event name.</summary>
    public static readonly IReadOnlyList<string> All = [NewLead, NewMessage, NewOrder];
}

/// <summary>
/// Where the events of writes go (the webhook outbox): staged inside the write's own transaction, so an event exists
/// exactly when the write that raised it is committed, then announced once the commit is done.
/// </summary>
public interface IChatEventSink
{
    /// <summary>Stores what delivering <paramref name="events"/> needs, through <paramref name="db"/>, inside the work item
    /// that raised them (its transaction and savepoint): an exception here undoes the work item with them.</summary>
    /// <param name="db">The work item's context; the chats the events name are tracked by it, as the item left them.</param>
    /// <param name="events">The events of the item, in the order they were raised.</param>
    /// <param name="cancellationToken">Aborts the staging.</param>
    /// <returns>True when anything was stored (an event someone subscribed to).</returns>
    Task<bool> StageAsync(EmulatorDbContext db, IReadOnlyList<ChatEvent> events, CancellationToken cancellationToken);

    /// <summary>Called after a commit that stored anything through <see cref="StageAsync"/>. Must not block: it is called by the writer.</summary>
    void Committed();
}
