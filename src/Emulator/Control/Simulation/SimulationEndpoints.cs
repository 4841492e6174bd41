using Emulator.State;

namespace Emulator.Simulation;

/// <summary><c>/_emulator/visitors</c> and <c>/_emulator/chats/{id}/…</c>: replay what visitors, bots and agents do.</summary>
public static class SimulationEndpoints
{
    /// <summary>Maps the simulation endpoints on the control surface group.</summary>
    public static RouteGroupBuilder MapSimulationApi(this RouteGroupBuilder emulator)
    {
        emulator.MapPost("/visitors", async Task<IResult> (VisitorRequest body, ChatSimulator simulator, CancellationToken cancellationToken) =>
                await simulator.OpenVisitorAsync(body, cancellationToken) switch
                {
                    ({ } chat, _, _) => TypedResults.Created($"/_emulator/chats/{chat.Id}", chat),
                    (_, ChatSimulator.Outcome.NoTenant, _) => NoTenant(body.CustomerId!),
                    (_, _, var uuid) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Chat exists",
                        detail: $"Bot '{body.BotId}' of customer '{body.CustomerId}' already has a chat with uuid '{uuid}'."),
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
        chats.MapPost("/messages", async (string id, MessageRequest body, ChatSimulator simulator, CancellationToken cancellationToken) =>
                Answer(id, await simulator.MessageAsync(id, body, cancellationToken)))
            .WithName("AddMessage")
            .WithSummary("A message from the visitor (user), the bot or an agent")
            .WithDescription("Sets lastMessage {at, by, text}. From the user: userInteracted true, lastSeenAt = at, one more unread message. " +
                "From an agent: unreadMessages 0. Answers the chat as stored.")
            .Produces<SeedChat>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        chats.MapPost("/orders", async (string id, OrderRequest? body, ChatSimulator simulator, CancellationToken cancellationToken) =>
                Answer(id, await simulator.OrderAsync(id, body, cancellationToken)))
            .WithName("PlaceOrder")
            .WithSummary("The contact places an order")
            .WithDescription("hasOrdered.status becomes true and the last order time (behind the hasOrdered.lastAt filter) at, or now.")
            .Produces<SeedChat>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        // A state patch holds no notes or attributes: no limit applies to it.
        chats.MapPatch("/", async (string id, ChatStateRequest body, ChatSimulator simulator, CancellationToken cancellationToken) =>
                Answer(id, await simulator.SetStateAsync(id, body, cancellationToken)))
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

    private static IResult Answer(string id, SeedChat? chat) =>
        chat is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such chat", detail: $"No chat has _id '{id}'.")
            : TypedResults.Ok(chat);
}
