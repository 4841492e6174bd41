using Emulator.Common;
using Emulator.Data;
using Emulator.State;
using Emulator.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Simulation;

/// <summary>
/// Replays what visitors, bots and agents do, through the single writer: the one path the simulation endpoints
/// (<c>/_emulator/visitors</c>, <c>/_emulator/chats/{id}/…</c>) and the inspector's control page both take.
/// </summary>
public sealed class ChatSimulator(TenantDirectory directory, SingleWriter writer, TimeProvider clock, ObjectIds ids)
{
    /// <summary>How opening a visitor ended.</summary>
    public enum Outcome
    {
        /// <summary>The chat was created.</summary>
        Created,

        /// <summary>No tenant has the customer id.</summary>
        NoTenant,

        /// <summary>The bot already has a chat with the uuid.</summary>
        Exists,
    }

    /// <summary>
    /// A visitor opens a bot (<see cref="ChatActivity.Open"/>); <paramref name="visitor"/> is already validated. Returns the
    /// new chat, or null with why not, and the uuid used (the given one, or the one generated).
    /// </summary>
    public async Task<(VisitorWire? Chat, Outcome Outcome, string Uuid)> OpenVisitorAsync(VisitorRequest visitor, CancellationToken cancellationToken)
    {
        if (directory.OfCustomer(visitor.CustomerId!).Count == 0)
        {
            return (null, Outcome.NoTenant, visitor.Uuid ?? "");
        }

        var channel = visitor.Channel ?? Channels.Website;
        var uuid = visitor.Uuid ?? ids.Guid();
        var chat = await writer.WriteAsync(async (db, ct) =>
        {
            if (await db.Chats.AnyAsync(c => c.CustomerId == visitor.CustomerId && c.BotId == visitor.BotId && c.Uuid == uuid, ct))
            {
                return null;
            }

            var started = await db.StartChatAsync(visitor.CustomerId!, visitor.BotId!, uuid, channel, ct);
            ChatActivity.Open(started, visitor, Timestamps.Now(clock), ids);
            await db.SaveChangesAsync(ct);
            return new VisitorWire(started.Id, started.Uuid, started.CustomerId, started.BotId, started.Channel);
        }, cancellationToken);
        return chat is null ? (null, Outcome.Exists, uuid) : (chat, Outcome.Created, uuid);
    }

    /// <summary>A message from <c>user</c>, <c>bot</c> or <c>agent</c> (<see cref="Chat.RecordMessage"/>); null when no chat has the id.</summary>
    public Task<SeedChat?> MessageAsync(string chatId, MessageRequest message, CancellationToken cancellationToken) =>
        ChangeAsync(chatId, chat => chat.RecordMessage(message.By!, message.Text!, SeedMapping.Time(message.At) ?? Timestamps.Now(clock)), cancellationToken);

    /// <summary>The contact places an order (<see cref="Chat.RecordOrder"/>); null when no chat has the id.</summary>
    public Task<SeedChat?> OrderAsync(string chatId, OrderRequest? order, CancellationToken cancellationToken) =>
        ChangeAsync(chatId, chat => chat.RecordOrder(SeedMapping.Time(order?.At) ?? Timestamps.Now(clock)), cancellationToken);

    /// <summary>Sets the given members of a chat's state; null when no chat has the id.</summary>
    public Task<SeedChat?> SetStateAsync(string chatId, ChatStateRequest state, CancellationToken cancellationToken) =>
        ChangeAsync(chatId, chat => chat.Apply(ChatActivity.ToPatch(state), Timestamps.Now(clock), ids), cancellationToken);

    private Task<SeedChat?> ChangeAsync(string id, Action<Chat> change, CancellationToken cancellationToken) =>
        writer.WriteAsync(async (db, ct) =>
        {
            var found = await db.Chats.Include(c => c.Labels).SingleOrDefaultAsync(c => c.Id == id, ct);
            if (found is null)
            {
                return null;
            }

            change(found);
            db.Touch(found);
            await db.SaveChangesAsync(ct);
            return SeedMapping.ToSeed(found);
        }, cancellationToken);
}
