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

/// <summary>Receives the events of committed writes (the webhook dispatcher). Must not block: it is called by the writer.</summary>
public interface IChatEventSink
{
    /// <summary>Takes events whose writes are committed.</summary>
    void Publish(IReadOnlyList<ChatEvent> events);
}
