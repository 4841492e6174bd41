using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithMetadata(new TokenHeader(TokenHeader.Chats));
        return inbox;
    }

    // Validated query of the token's own customer (InboxPipeline) → one indexed query for the page.
    private static async Task<Ok<DataEnvelope<IReadOnlyList<ChatWire>>>> ListChats(
        [AsParameters] ChatListQuery query, EmulatorDbContext db, IOptions<EmulatorOptions> options, CancellationToken cancellationToken)
    {
        var size = options.Value.PageSize;
        var page = new List<ChatWire>(size);
        await foreach (var chat in Page(db, query.CustomerId!, query.BotId!, query.Type == "lead", (query.PageNumber - 1) * size, size)
            .WithCancellation(cancellationToken))
        {
            page.Add(ChatMapping.ToWire(chat));
        }

        return ApiResults.Ok<IReadOnlyList<ChatWire>>(page);
    }

    // The listing's one query, compiled once (translating it per request cost more than running it); paged as
    // Paging.PageAsync describes: the offset walks ids in the covering index, only the page's rows are read. It reads
    // just the columns of the wire shape (ChatMapping.ToWire): SQLite prepares every statement anew, at a cost that
    // grows with the columns named.
    private static readonly Func<EmulatorDbContext, string, string, bool, int, int, IAsyncEnumerable<Chat>> Page = EF.CompileAsyncQuery(
        (EmulatorDbContext db, string customerId, string botId, bool leads, int skip, int take) => db.Chats
            .Where(c => db.Chats
                .Where(m => m.CustomerId == customerId && m.BotId == botId && m.IsLead == leads && m.Status != ChatStatuses.Deleted)
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
                .Skip(skip).Take(take).Select(m => m.Id)
                .Contains(c.Id))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new Chat
            {
                Id = c.Id,
                CustomerId = customerId,
                BotId = botId,
                Uuid = c.Uuid,
                CreatedAt = c.CreatedAt,
                UpdatedAt = c.UpdatedAt,
                IsOnline = c.IsOnline,
                LastMessageAt = c.LastMessageAt,
                LastMessageBy = c.LastMessageBy,
                LastMessageText = c.LastMessageText,
                LastSeenAt = c.LastSeenAt,
                Name = c.Name,
                Picture = c.Picture,
                Email = c.Email,
                PhoneNumber = c.PhoneNumber,
                PhonePrefix = c.PhonePrefix,
                City = c.City,
                Country = c.Country,
                Gender = c.Gender,
                Status = c.Status,
                WebsiteVisits = c.WebsiteVisits,
                AgentAssigned = c.AgentAssigned,
                Notes = c.Notes,
                Attributes = c.Attributes,
                Tags = c.Tags,
            }));
}
