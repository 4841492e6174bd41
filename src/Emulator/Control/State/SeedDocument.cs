using System.Text.Json.Serialization;
using Emulator.Common;
using Emulator.Tenants;

namespace Emulator.State;

/// <summary>
/// The emulator's data document: what <c>POST /_emulator/seed</c> and <c>Emulator:SeedFile</c> load and
/// <c>GET /_emulator/export</c> writes (README, "Testing with the emulator": data in and out). Every member is optional.
/// Timestamps are ISO 8601 UTC strings, written with milliseconds (<c>2024-01-31T09:30:00.000Z</c>).
/// </summary>
public sealed class SeedDocument
{
    /// <summary>Runtime tenants to create (skipped when the same tenant exists already).</summary>
    public List<TenantCreate>? Tenants { get; init; }

    /// <summary>Chats (contacts) to store; one with the <c>_id</c> of a stored chat replaces it.</summary>
    public List<SeedChat?>? Chats { get; init; }

    /// <summary>Segments to store, with their members; one with the <c>_id</c> of a stored segment replaces it.</summary>
    public List<SeedSegment?>? Segments { get; init; }

    /// <summary>WhatsApp templates (the body of <c>POST /_emulator/whatsapp/templates</c> plus <c>createdAt</c>); one with the
    /// <c>_id</c> of a stored template replaces it.</summary>
    public List<WhatsApp.TemplateCreate?>? Templates { get; init; }

    /// <summary>Webhook subscriptions; one with the <c>_id</c> of a stored subscription, or the same tenant, bot, event, slug
    /// and URL, replaces it.</summary>
    public List<SeedWebhook?>? Webhooks { get; init; }
}

/// <summary>One webhook subscription, as <c>subscribe-trigger-event</c> stores it.</summary>
public sealed class SeedWebhook
{
    /// <summary>The subscription's 24-hex <c>_id</c>; generated when left out.</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; init; }

    /// <summary>The tenant (required).</summary>
    public string? CustomerId { get; init; }

    /// <summary>The bot whose events are delivered (required).</summary>
    public string? BotId { get; init; }

    /// <summary><c>newLeadHook</c>, <c>newMessageHook</c> or <c>newOrderHook</c> (required).</summary>
    public string? Event { get; init; }

    /// <summary>The receiver: an absolute http or https URL (required).</summary>
    public string? Url { get; init; }

    /// <summary>The integration's slug; "" when left out.</summary>
    public string? Slug { get; init; }

    /// <summary>The integration's category; "" when left out.</summary>
    public string? Category { get; init; }

    /// <summary>The platform sent back in deliveries.</summary>
    public string? Platform { get; init; }

    /// <summary>When it was subscribed; now when left out.</summary>
    public string? CreatedAt { get; init; }
}

/// <summary>One chat (contact) with every stored field. Derived values (lead typing, the search text) follow from these.</summary>
public sealed class SeedChat
{
    /// <summary>The chat's 24-hex <c>_id</c>; generated when left out.</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; init; }

    /// <summary>The tenant (required): a configured tenant, the development tenant, or one in the document's <c>tenants</c>.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The bot; "" or left out for a contact attached to none.</summary>
    public string? BotId { get; init; }

    /// <summary>The visitor's widget session id; a new GUID when left out. Unique per (customer, bot).</summary>
    public string? Uuid { get; init; }

    /// <summary><c>WEBSITE</c> (default), <c>WHATSAPP</c>, <c>TELEGRAM</c> or <c>FACEBOOK</c>.</summary>
    public string? Channel { get; init; }

    /// <summary><c>profile.userDetails.name</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>profile.userDetails.userProvidedName</c>.</summary>
    public string? UserProvidedName { get; init; }

    /// <summary><c>profile.userDetails.contact.email</c>.</summary>
    public string? Email { get; init; }

    /// <summary><c>profile.userDetails.contact.phone.number</c> (normalized as on the lead PUT).</summary>
    public string? PhoneNumber { get; init; }

    /// <summary><c>profile.userDetails.contact.phone.prefix</c>, the dial code (normalized, without "+").</summary>
    public string? PhonePrefix { get; init; }

    /// <summary><c>profile.userDetails.picture</c>.</summary>
    public string? Picture { get; init; }

    /// <summary><c>profile.userDetails.city</c>.</summary>
    public string? City { get; init; }

    /// <summary><c>profile.userDetails.country</c>.</summary>
    public string? Country { get; init; }

    /// <summary><c>profile.userDetails.gender</c>.</summary>
    public string? Gender { get; init; }

    /// <summary><c>profile.userDetails.whatsAppNumber</c> (normalized to digits).</summary>
    public string? WhatsAppNumber { get; init; }

    /// <summary><c>profile.userDetails.telegramUserName</c>.</summary>
    public string? TelegramUserName { get; init; }

    /// <summary><c>profile.userDetails.instagramProfileId</c>.</summary>
    public string? InstagramProfileId { get; init; }

    /// <summary><c>profile.userDetails.facebookProfileId</c>.</summary>
    public string? FacebookProfileId { get; init; }

    /// <summary>One of the platform's statuses (<c>OPEN</c> by default … <c>DEPENDANCY</c>, <c>CLOSED</c>) or <c>DELETED</c>.</summary>
    public string? Status { get; init; }

    /// <summary><c>_agentAssigned</c>.</summary>
    public string? AgentAssigned { get; init; }

    /// <summary><c>isContact</c> (a lead is always a contact).</summary>
    public bool? IsContact { get; init; }

    /// <summary><c>isOnline</c>.</summary>
    public bool? IsOnline { get; init; }

    /// <summary><c>userInteracted</c>.</summary>
    public bool? UserInteracted { get; init; }

    /// <summary><c>isLiveChatActive</c>.</summary>
    public bool? IsLiveChatActive { get; init; }

    /// <summary><c>hasOrdered.status</c>.</summary>
    public bool? HasOrdered { get; init; }

    /// <summary>When the contact last ordered (behind the <c>hasOrdered.lastAt</c> filter).</summary>
    public string? LastOrderedAt { get; init; }

    /// <summary><c>isImported</c>.</summary>
    public bool? IsImported { get; init; }

    /// <summary><c>isSubscriber</c>; true when left out, as for a new chat.</summary>
    public bool? IsSubscriber { get; init; }

    /// <summary><c>isPaid</c>.</summary>
    public bool? IsPaid { get; init; }

    /// <summary><c>lastMessage</c>.</summary>
    public SeedMessage? LastMessage { get; init; }

    /// <summary><c>lastSeenAt</c>.</summary>
    public string? LastSeenAt { get; init; }

    /// <summary><c>createdAt</c>; now when left out (unique and increasing within the customer, as for a new chat).</summary>
    public string? CreatedAt { get; init; }

    /// <summary><c>updatedAt</c>; <c>createdAt</c> when left out.</summary>
    public string? UpdatedAt { get; init; }

    /// <summary><c>websiteVisits</c>.</summary>
    public int? WebsiteVisits { get; init; }

    /// <summary><c>unreadMessages</c>.</summary>
    public int? UnreadMessages { get; init; }

    /// <summary><c>profile.notes</c>; a note without <c>_id</c> gets one.</summary>
    public List<SeedNote>? Notes { get; init; }

    /// <summary><c>profile.userDetails.attributes</c>.</summary>
    public List<AttributeInput?>? Attributes { get; init; }

    /// <summary><c>profile.userDetails.tags</c>.</summary>
    public List<string>? Tags { get; init; }
}

/// <summary><c>lastMessage</c> of a <see cref="SeedChat"/>.</summary>
/// <param name="At">When (ISO 8601 UTC).</param>
/// <param name="By"><c>user</c>, <c>bot</c> or <c>agent</c>.</param>
/// <param name="Text">The message text.</param>
public sealed record SeedMessage(string? At, string? By, string? Text);

/// <summary>One note of a <see cref="SeedChat"/>.</summary>
public sealed class SeedNote : INoteInput
{
    /// <summary>The note's 24-hex <c>_id</c>; generated when left out.</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; init; }

    /// <inheritdoc />
    public string? Title { get; init; }

    /// <inheritdoc />
    public string? Description { get; init; }
}

/// <summary>One segment and its members.</summary>
public sealed class SeedSegment
{
    /// <summary>The segment's 24-hex <c>_id</c>; generated when left out.</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; init; }

    /// <summary>The tenant (required).</summary>
    public string? CustomerId { get; init; }

    /// <summary>The segment's name (required).</summary>
    public string? Name { get; init; }

    /// <summary>When it was created; now when left out.</summary>
    public string? CreatedAt { get; init; }

    /// <summary>When it was last changed; <c>createdAt</c> when left out.</summary>
    public string? UpdatedAt { get; init; }

    /// <summary><c>_id</c>s of the tenant's chats in the segment (in the document or already stored).</summary>
    public List<string>? Members { get; init; }
}
