using System.Text.Json.Serialization;
using Emulator.Chats;

namespace Emulator.Contacts;

/// <summary>
/// A contact as <c>POST /inbox/users</c> returns it: the top-level fields of a contact captured from the real API (README,
/// "Values before anything sets them") plus the chat fields of the help page's chat sample (<c>uuid</c>, <c>_agentAssigned</c>, <c>lastMessage.text</c>).
/// Same rules for unset values as <see cref="ChatWire"/>: nullable members are left out while unset.
/// </summary>
public sealed record ContactWire(
    [property: JsonPropertyName("_id")] string Id,
    [property: JsonPropertyName("_agency")] string? Agency,
    [property: JsonPropertyName("_customer")] string Customer,
    string Uuid,
    IReadOnlyList<string> Platform,
    IReadOnlyList<string> SecondaryPlatform,
    bool IsSubscriber,
    int WebsiteVisits,
    bool IsOnline,
    bool UserInteracted,
    ContactProfileWire Profile,
    string Status,
    LastMessageWire LastMessage,
    bool IsContact,
    bool IsImported,
    bool IsMigrated,
    IReadOnlyList<string> Segments,
    bool IsLiveChatActive,
    bool IsPaid,
    HasOrderedWire HasOrdered,
    int UnreadMessages,
    string? LastSeenAt,
    [property: JsonPropertyName("_agentAssigned")] string? AgentAssigned,
    [property: JsonPropertyName("__v")] int Version,
    string CreatedAt,
    string UpdatedAt);

/// <summary><c>profile</c> of a contact: <c>userDetails</c>, <c>marketing</c> and <c>notes</c>.</summary>
public sealed record ContactProfileWire(ContactUserDetailsWire UserDetails, MarketingWire Marketing, IReadOnlyList<NoteWire> Notes);

/// <summary><c>profile.userDetails</c> of a contact: the chat's fields plus <c>userProvidedName</c>, <c>whatsAppNumber</c> and the other channels' handles.</summary>
public sealed record ContactUserDetailsWire(
    ContactInfoWire Contact,
    string? UserProvidedName,
    string? Name,
    string? Picture,
    IReadOnlyList<string> Tags,
    IReadOnlyList<AttributeWire> Attributes,
    string? City,
    string Country,
    string? Gender,
    string? WhatsAppNumber,
    string? TelegramUserName,
    string? InstagramProfileId,
    string? FacebookProfileId);

/// <summary><c>profile.marketing</c>: <c>{urlsVisited: []}</c>.</summary>
public sealed record MarketingWire(IReadOnlyList<string> UrlsVisited);

/// <summary><c>hasOrdered</c>: <c>{status}</c>.</summary>
public sealed record HasOrderedWire(bool Status);
