using Emulator.Common;
using Emulator.Data;
using Emulator.Tenants;
using Microsoft.EntityFrameworkCore;
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
            .WithMetadata(new TokenHeader(TokenHeader.Chats))
            .Produces<DataEnvelope<IReadOnlyList<ChatWire>>>()
            .ProducesEnvelopeErrors(400, 401, 403);
        return inbox;
    }

    // Validated query → tenant check (403) → one indexed query for the page.
    private static async Task<IResult> ListChats(
        [AsParameters] ChatListQuery query, HttpContext http, EmulatorDbContext db,
        IOptions<EmulatorOptions> options, CancellationToken cancellationToken)
    {
        if (TenantGuard.Forbid(TenantAuthFilter.TenantOf(http), query.CustomerId!) is { } forbidden)
        {
            return forbidden;
        }

        var size = options.Value.PageSize;
        var leads = query.Type == "lead";
        var matching = db.Chats.Where(c => c.CustomerId == query.CustomerId && c.BotId == query.BotId && c.IsLead == leads
            && c.Status != ChatStatuses.Deleted);
        var page = await Paging.PageAsync(db, matching, query.PageNumber, size, cancellationToken);
        return ApiResults.Ok<IReadOnlyList<ChatWire>>(page.Select(ChatMapping.ToWire).ToList());
    }
}
