using Emulator.Common;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Data;

/// <summary>
/// Starts new chats. Their <see cref="Chat.CreatedAt"/> is unique and increasing within a customer, so that a
/// polling client that asks for chats created after its last mark (PLATFORM-FACTS, "Listing behaviour") never
/// misses one created in the same millisecond. Call inside the write transaction.
/// </summary>
public static class ChatClock
{
    /// <summary>
    /// Adds a new chat of <paramref name="customerId"/> to <paramref name="db"/>: a fresh 24-hex id, and
    /// <c>createdAt</c> = <c>updatedAt</c> = <paramref name="now"/>, or one millisecond after the customer's newest
    /// <c>createdAt</c> when that is not earlier (one indexed lookup). Not saved yet.
    /// </summary>
    /// <param name="db">The context to add the chat to.</param>
    /// <param name="customerId">The owning customer.</param>
    /// <param name="botId">The bot, or "" for a contact attached to none.</param>
    /// <param name="uuid">The visitor's widget session id.</param>
    /// <param name="now">The current UTC time, whole milliseconds.</param>
    /// <param name="cancellationToken">Aborts the lookup.</param>
    public static async Task<Chat> AddNewChatAsync(
        EmulatorDbContext db, string customerId, string botId, string uuid, DateTime now, CancellationToken cancellationToken)
    {
        var newest = await db.Chats.Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.CreatedAt).Select(c => (DateTime?)c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var createdAt = newest is { } n && n >= now ? n.AddMilliseconds(1) : now;
        var chat = new Chat
        {
            Id = ObjectIds.New(createdAt),
            CustomerId = customerId,
            BotId = botId,
            Uuid = uuid,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,

            // Contacts start subscribed, as the platform's captured contacts are (README, "Contact search rules").
            IsSubscriber = true,
        };
        db.Chats.Add(chat);
        return chat;
    }
}
