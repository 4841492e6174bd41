using Microsoft.AspNetCore.Http.HttpResults;
using Emulator.Common;
using Emulator.Tenants;
using Microsoft.Extensions.Options;

namespace Emulator.Chats;

/// <summary>Maps <c>GET /inbox/direct/chats</c>.</summary>
public static class ChatEndpoints
{
    /// <summary>Adds the chats listing to the <c>/inbox</c> group.</summary>
    public static RouteGroupBuilder MapChatApi(this RouteGroupBuilder inbox)
    {
        inbox.MapGet("/direct/chats", ListChats)
            .WithName("ListChats")
            .WithSummary("List chats or leads of a bot")
            .WithDescription(
                "One page of the bot's chats of the given type, newest createdAt first. A page past the end is 200 with " +
                "\"data\": []. Token: x-bot-token header or Authorization: Bearer.")
            .WithTags("Leads and chats")
            .WithMetadata(new TokenHeader(TokenHeader.Chats));
        return inbox;
    }

    // Validated query of the token's own customer (InboxPipeline) → one prepared statement for the page (ChatPageReader).
    private static Ok<DataEnvelope<IReadOnlyList<ChatWire>>> ListChats([AsParameters] ChatListQuery query, ChatPageReader reader, IOptions<EmulatorOptions> options)
    {
        var size = options.Value.PageSize;
        return ApiResults.Ok<IReadOnlyList<ChatWire>>(reader.Page(query.CustomerId!, query.BotId!, query.Type == "lead", (query.PageNumber - 1) * size, size));
    }
}
