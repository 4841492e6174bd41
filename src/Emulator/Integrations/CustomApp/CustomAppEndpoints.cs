using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Emulator.Common;
using Emulator.Data;
using Emulator.Simulation;
using Emulator.Tenants;
using Emulator.WhatsApp;
using Microsoft.EntityFrameworkCore;

namespace Emulator.CustomApp;

/// <summary>
/// The custom-app API the vendor's n8n node calls (<c>/integrations/custom-app/…</c>), authenticated by the API token
/// (<c>Authorization: Bearer</c>, <c>authtype: Key</c>): the credential test, attribute updates and bot messages to a
/// contact found by email, WhatsApp number or uuid. Errors are in the platform's envelope.
/// </summary>
public static class CustomAppEndpoints
{
    /// <summary>Maps the endpoints on the <c>/integrations/custom-app</c> group.</summary>
    public static RouteGroupBuilder MapCustomAppApi(this RouteGroupBuilder customApp)
    {
        customApp.MapPost("/general-authentication", (JsonBody<GeneralAuthenticationRequest> body) => ApiResults.Ok())
            .WithName("GeneralAuthentication")
            .WithSummary("Check an API token (the n8n node's credential test)")
            .WithDescription("200 when the token is valid; 401 otherwise. Body: {slug, botId, platform}.")
            .WithMetadata(new TokenHeader(null));
        customApp.MapPut("/update-user-attributes", UpdateAttributes)
            .WithName("UpdateUserAttributes")
            .WithSummary("Set custom attributes of a contact found by email, WhatsApp number or uuid")
            .WithDescription("Each given key is set (added or replaced); the contact's other attributes stay. The Inbox listings then show " +
                "them under profile.userDetails.attributes.")
            .WithMetadata(new TokenHeader(null));
        customApp.MapPost("/send-message-to-plugin", SendMessage)
            .WithName("SendMessageToPlugin")
            .WithSummary("Send a bot message to a contact found by email, WhatsApp number or uuid (emulated)")
            .WithDescription("The message becomes the chat's lastMessage (by the bot); to a WhatsApp contact it is also recorded in the " +
                "WhatsApp outbox. The bot may be named in the botId header.")
            .WithMetadata(new TokenHeader(null));
        return customApp;
    }

    private static async Task<Results<Ok<DataEnvelope<ContactRef>>, BadRequestEnvelope, NotFoundEnvelope>> UpdateAttributes(Tenant tenant, JsonBody<UpdateAttributesRequest> body, SingleWriter writer,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = body.Required;
        var customerId = tenant.CustomerId;
        var patch = new ChatPatch { UpsertAttributes = request.Attributes!.Select(a => (a.Key, a.Value)).ToList() };
        var (found, problems) = await writer.WriteAsync(async (db, ct) =>
        {
            var chat = await FindAsync(db, customerId, request.BotId, request.Search!, ct);
            if (chat is null)
            {
                return (null, []);
            }

            if (chat.Apply(patch, Timestamps.Now(clock), db.Ids) is { Count: > 0 } over)
            {
                return (null, over);
            }

            db.Touch(chat);
            await db.SaveChangesAsync(ct);
            return ((string?)chat.Id, (IReadOnlyList<string>)[]);
        }, cancellationToken);
        return problems.Count > 0 ? ApiResults.Invalid(problems)
            : found is null ? NotFound(request.Search!)
            : ApiResults.Ok(new ContactRef(found));
    }

    private static async Task<Results<Ok<DataEnvelope<ContactRef>>, NotFoundEnvelope>> SendMessage(Tenant tenant, JsonBody<PluginMessageRequest> body, [FromHeader(Name = "botId")] string? botIdHeader,
        SingleWriter writer, WhatsAppOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = body.Required;
        var customerId = tenant.CustomerId;
        var botId = botIdHeader is { Length: > 0 } ? botIdHeader : null;
        var sent = await writer.WriteAsync(async (db, ct) =>
        {
            var chat = await FindAsync(db, customerId, botId, request.Search!, ct);
            if (chat is null)
            {
                return null;
            }

            var now = Timestamps.Now(clock);
            chat.RecordMessage("bot", request.Text!, now);
            db.Touch(chat);
            await db.SaveChangesAsync(ct);
            return new { chat.Id, chat.BotId, chat.Channel, chat.WhatsAppNumber, chat.UserProvidedName, At = now, MessageId = "wamid." + db.Ids.New(now) };
        }, cancellationToken);
        if (sent is null)
        {
            return NotFound(request.Search!);
        }

        if (sent.Channel == Channels.WhatsApp && sent.WhatsAppNumber is { } waId)
        {
            outbox.Add(seq => new OutboxEntry(seq, sent.MessageId, Timestamps.Format(sent.At), customerId, sent.BotId, waId, sent.UserProvidedName,
                "text", request.Text, null, null, null, null, sent.Id));
        }

        return ApiResults.Ok(new ContactRef(sent.Id));
    }

    /// <summary>
    /// The contact <paramref name="search"/> names in the account (and bot, when given): by email (any case), WhatsApp
    /// number (digits; a contact without one matches by its phone's dial code and number) or uuid; the newest when several
    /// match; never a DELETED one.
    /// </summary>
    public static Task<Chat?> FindAsync(EmulatorDbContext db, string customerId, string? botId, string search, CancellationToken cancellationToken)
    {
        var lowered = search.Trim().ToLowerInvariant();
        var digits = PhoneNumbers.WhatsAppNumber(search);
        return db.Chats.Include(c => c.Labels)
            .Where(c => c.CustomerId == customerId && c.Status != ChatStatuses.Deleted && (botId == null || c.BotId == botId))
            .Where(c => (c.Email != null && c.Email.ToLower() == lowered)
                || (digits != "" && (c.WhatsAppNumber == digits || (c.WhatsAppNumber == null && c.PhonePrefix + c.PhoneNumber == digits)))
                || c.Uuid == search)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(cancellationToken);
    }

    private static NotFoundEnvelope NotFound(string search) =>
        ApiResults.NotFound($"No contact matches '{search}' (email, WhatsApp number or uuid).");
}

/// <summary>The contact a custom-app call acted on.</summary>
/// <param name="Id">Its <c>_id</c>.</param>
public sealed record ContactRef([property: System.Text.Json.Serialization.JsonPropertyName("_id")] string Id);
