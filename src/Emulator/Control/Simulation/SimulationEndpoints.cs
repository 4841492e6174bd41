using Emulator.Common;
using Emulator.Data;
using Emulator.State;
using Emulator.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Simulation;

/// <summary><c>/_emulator/visitors</c> and <c>/_emulator/chats/{id}/…</c>: replay what visitors, bots and agents do.</summary>
public static class SimulationEndpoints
{
    /// <summary>Maps the simulation endpoints on the control surface group.</summary>
    public static RouteGroupBuilder MapSimulationApi(this RouteGroupBuilder emulator)
    {
        emulator.MapPost("/visitors", async Task<IResult> (VisitorRequest body, TenantDirectory directory, SingleWriter writer,
                TimeProvider clock, ObjectIds ids, CancellationToken cancellationToken) =>
            {
                if (directory.OfCustomer(body.CustomerId!).Count == 0)
                {
                    return NoTenant(body.CustomerId!);
                }

                var channel = body.Channel ?? Channels.Website;
                var uuid = body.Uuid ?? ids.Guid();
                var chat = await writer.WriteAsync(async (db, ct) =>
                {
                    if (await db.Chats.AnyAsync(c => c.CustomerId == body.CustomerId && c.BotId == body.BotId && c.Uuid == uuid, ct))
                    {
                        return null;
                    }

                    var started = await db.StartChatAsync(body.CustomerId!, body.BotId!, uuid, channel, ct);
                    ChatActivity.Open(started, body, Timestamps.Now(clock), ids);
                    await db.SaveChangesAsync(ct);
                    return started;
                }, cancellationToken);
                return chat is null
                    ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Chat exists",
                        detail: $"Bot '{body.BotId}' of customer '{body.CustomerId}' already has a chat with uuid '{uuid}'.")
                    : TypedResults.Created($"/_emulator/chats/{chat.Id}", new VisitorWire(chat.Id, chat.Uuid, chat.CustomerId, chat.BotId, chat.Channel));
            })
            .WithName("OpenVisitor")
            .WithTags("Simulation")
            .WithSummary("A visitor opens a bot on the website, WhatsApp, Telegram or Facebook")
            .WithDescription("Creates the chat as the platform would: online, seen now, the channel's own id (whatsAppNumber, " +
                "telegramUserName, facebookProfileId; generated when not given). A name, email or phone makes it a lead.")
            .Produces<VisitorWire>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var chats = emulator.MapGroup("/chats/{id}").WithTags("Simulation");
        chats.MapPost("/messages", (string id, MessageRequest body, SingleWriter writer, TimeProvider clock, CancellationToken cancellationToken) =>
                ChangeAsync(writer, id, chat => chat.RecordMessage(body.By!, body.Text!, SeedMapping.Time(body.At) ?? Timestamps.Now(clock)), cancellationToken))
            .WithName("AddMessage")
            .WithSummary("A message from the visitor (user), the bot or an agent")
            .WithDescription("Sets lastMessage {at, by, text}. From the user: userInteracted true, lastSeenAt = at, one more unread message. " +
                "From an agent: unreadMessages 0. Answers the chat as stored.")
            .Produces<SeedChat>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        chats.MapPost("/orders", (string id, OrderRequest? body, SingleWriter writer, TimeProvider clock, CancellationToken cancellationToken) =>
                ChangeAsync(writer, id, chat => chat.RecordOrder(SeedMapping.Time(body?.At) ?? Timestamps.Now(clock)), cancellationToken))
            .WithName("PlaceOrder")
            .WithSummary("The contact places an order")
            .WithDescription("hasOrdered.status becomes true and the last order time (behind the hasOrdered.lastAt filter) at, or now.")
            .Produces<SeedChat>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        // A state patch holds no notes or attributes: no limit applies to it.
        chats.MapPatch("/", (string id, ChatStateRequest body, SingleWriter writer, TimeProvider clock, ObjectIds ids, CancellationToken cancellationToken) =>
                ChangeAsync(writer, id, chat => chat.Apply(ChatActivity.ToPatch(body), Timestamps.Now(clock), ids), cancellationToken))
            .WithName("SetChatState")
            .WithSummary("Set presence, live chat, agent, subscription, status, tags or counters of a chat")
            .WithDescription("Each given member is set; the others stay. Answers the chat as stored.")
            .Produces<SeedChat>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return emulator;
    }

    /// <summary>A 404 problem for an unknown tenant.</summary>
    public static IResult NoTenant(string customerId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such tenant",
            detail: $"No tenant has customerId '{customerId}': create it with POST /_emulator/tenants.");

    private static async Task<IResult> ChangeAsync(SingleWriter writer, string id, Action<Chat> change, CancellationToken cancellationToken)
    {
        var chat = await writer.WriteAsync(async (db, ct) =>
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
        return chat is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such chat", detail: $"No chat has _id '{id}'.")
            : TypedResults.Ok(chat);
    }
}
