using Microsoft.EntityFrameworkCore;

namespace Emulator.Data;

/// <summary>
/// The channel a bot serves. Bots are not registered with the emulator (README, "Differences from the real
/// platform"), so a bot's channel is the one its chats already have in the account.
/// </summary>
public static class BotChannels
{
    /// <summary>
    /// The channel (one of <see cref="Channels"/>) of <paramref name="customerId"/>'s newest chat of bot
    /// <paramref name="botId"/>, or null when the bot has no chat yet.
    /// </summary>
    public static Task<string?> FindAsync(EmulatorDbContext db, string customerId, string botId, CancellationToken cancellationToken) =>
        db.Chats.Where(c => c.CustomerId == customerId && c.BotId == botId)
            .OrderByDescending(c => c.CreatedAt).Select(c => c.Channel)
            .FirstOrDefaultAsync(cancellationToken);
}
