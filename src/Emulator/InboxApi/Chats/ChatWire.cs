using System.Text.Json.Serialization;

namespace Emulator.Chats;

/// <summary>
/// A chat as <c>GET /inbox/direct/chats</c> returns it: exactly the names and nesting of the sample response
/// of the help page "Website Contacts &amp; Meta Data" (eleapi copy). Timestamps are <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> strings. Values nothing has set follow the
/// README's "Values before anything sets them": a nullable member here is left out of the JSON while unset (null
/// is never written), the contact block (<c>email</c>, <c>phone.number</c>, <c>phone.prefix</c>) and
/// <c>country</c> are <c>""</c>, lists are <c>[]</c>, and the nested objects are always present.
/// </summary>
public sealed record ChatWire(
    [property: JsonPropertyName("_id")] string Id,
    string Uuid,
    string CreatedAt,
    bool IsOnline,
    LastMessageWire LastMessage,
    string? LastSeenAt,
    ChatProfileWire Profile,
    string Status,
    string UpdatedAt,
    int WebsiteVisits,
    [property: JsonPropertyName("_agentAssigned")] string? AgentAssigned);

/// <summary><c>lastMessage</c>: when, by whom ("bot", "user", "agent") and what; <c>{}</c> before any message.</summary>
public sealed record LastMessageWire(string? At, string? By, string? Text);

/// <summary><c>profile</c> of a chat: <c>notes</c> and <c>userDetails</c>.</summary>
public sealed record ChatProfileWire(IReadOnlyList<NoteWire> Notes, ChatUserDetailsWire UserDetails);

/// <summary>A note: <c>{title, description, _id}</c>.</summary>
public sealed record NoteWire(string? Title, string? Description, [property: JsonPropertyName("_id")] string Id);

/// <summary><c>profile.userDetails</c> of a chat.</summary>
public sealed record ChatUserDetailsWire(
    string? Name,
    string? Picture,
    ContactInfoWire Contact,
    string? City,
    string Country,
    string? Gender,
    IReadOnlyList<string> Tags,
    IReadOnlyList<AttributeWire> Attributes);

/// <summary><c>contact</c>: <c>{email, phone: {number, prefix}}</c>, always complete; <c>email</c> is <c>""</c> while unset
/// (as the platform's captured contacts show).</summary>
public sealed record ContactInfoWire(string Email, PhoneWire Phone);

/// <summary><c>phone</c>: digits and the dial code without "+", e.g. <c>{"number": "9876543210", "prefix": "91"}</c>;
/// each <c>""</c> while unset.</summary>
public sealed record PhoneWire(string Number, string Prefix);

/// <summary>An attribute: <c>{key, value}</c>.</summary>
public sealed record AttributeWire(string Key, string? Value);
