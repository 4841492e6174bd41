using Microsoft.EntityFrameworkCore;

namespace Emulator.Data;

/// <summary>
/// Hands out <see cref="Chat.CreatedAt"/> values that are unique and increasing within a customer, so that a
/// polling client that asks for chats created after its last mark (PLATFORM-FACTS, "Listing behaviour")
/// never misses one created in the same millisecond. Call inside the write transaction.
/// </summary>
public static class ChatClock
{
    /// <summary>
    /// <paramref name="now"/>, or one millisecond after the customer's newest <c>createdAt</c> when that is
    /// not earlier than <paramref name="now"/>. One indexed lookup.
    /// </summary>
    public static async Task<DateTime> NextCreatedAtAsync(
        EmulatorDbContext db, string customerId, DateTime now, CancellationToken cancellationToken)
    {
        var newest = await db.Chats.Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.CreatedAt).Select(c => (DateTime?)c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return newest is { } n && n >= now ? n.AddMilliseconds(1) : now;
    }
}
