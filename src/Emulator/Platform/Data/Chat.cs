namespace Emulator.Data;

/// <summary>
/// One chat of a customer's bot: a visitor conversation identified by the widget's <c>uuid</c>.
/// It is also the platform's "contact" (<c>POST /inbox/users</c> lists the same records with more
/// fields). Persisted in the <c>Chats</c> table; never serialized to the wire directly
/// (see <c>InboxApi/Chats/ChatWire.cs</c> and <c>InboxApi/Contacts/ContactWire.cs</c>).
/// </summary>
public sealed partial class Chat
{
    /// <summary>The chat's <c>_id</c>: 24 lowercase hex characters (MongoDB ObjectId form).</summary>
    public required string Id { get; set; }

    /// <summary>The owning customer account (the tenant); every query is scoped by it.</summary>
    public required string CustomerId { get; set; }

    /// <summary>The bot the chat belongs to; empty for a contact imported without a bot.</summary>
    public required string BotId { get; set; }

    /// <summary>The visitor's widget session id, unique per (customer, bot).</summary>
    public required string Uuid { get; set; }

    /// <summary>Channel the chat came from: one of <see cref="Channels"/>. Lead PUTs create <c>WEBSITE</c> chats.</summary>
    public string Channel { get; set; } = Channels.Website;

    /// <summary><c>profile.userDetails.name</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>profile.userDetails.userProvidedName</c>: the name the visitor typed (imports set it).</summary>
    public string? UserProvidedName { get; set; }

    /// <summary><c>profile.userDetails.contact.email</c>, as sent.</summary>
    public string? Email { get; set; }

    /// <summary><c>profile.userDetails.contact.phone.number</c>: digits only.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary><c>profile.userDetails.contact.phone.prefix</c>: the dial code without "+", e.g. "91".</summary>
    public string? PhonePrefix { get; set; }

    /// <summary><c>profile.userDetails.picture</c>: an absolute http(s) URL.</summary>
    public string? Picture { get; set; }

    /// <summary><c>profile.userDetails.city</c>.</summary>
    public string? City { get; set; }

    /// <summary><c>profile.userDetails.country</c>.</summary>
    public string? Country { get; set; }

    /// <summary><c>profile.userDetails.gender</c>, e.g. "MALE".</summary>
    public string? Gender { get; set; }

    /// <summary><c>profile.userDetails.whatsAppNumber</c>: country code and number run together, digits only
    /// (<c>"1123456789"</c>, as the platform answers it).</summary>
    public string? WhatsAppNumber { get; set; }

    /// <summary><c>profile.userDetails.telegramUserName</c>.</summary>
    public string? TelegramUserName { get; set; }

    /// <summary><c>profile.userDetails.instagramProfileId</c>.</summary>
    public string? InstagramProfileId { get; set; }

    /// <summary><c>profile.userDetails.facebookProfileId</c>.</summary>
    public string? FacebookProfileId { get; set; }

    /// <summary>Chat status: one of <see cref="ChatStatuses.All"/> (wire spelling, e.g. <c>DEPENDANCY</c>),
    /// or <see cref="ChatStatuses.Deleted"/> for a contact removed from every listing but kept in the database.</summary>
    public string Status { get; set; } = ChatStatuses.Open;

    /// <summary><c>_agentAssigned</c>: the assigned agent's id, or null.</summary>
    public string? AgentAssigned { get; set; }

    /// <summary>True once the chat holds a non-empty name, email or phone number (see <see cref="ChatRules"/>).</summary>
    public bool IsLead { get; set; }

    /// <summary><c>isContact</c>: true for leads and imported contacts.</summary>
    public bool IsContact { get; set; }

    /// <summary><c>isOnline</c>.</summary>
    public bool IsOnline { get; set; }

    /// <summary><c>userInteracted</c>: the visitor has answered the bot (leads count as having answered).</summary>
    public bool UserInteracted { get; set; }

    /// <summary><c>isLiveChatActive</c>.</summary>
    public bool IsLiveChatActive { get; set; }

    /// <summary><c>hasOrdered.status</c>.</summary>
    public bool HasOrdered { get; set; }

    /// <summary>When the contact last ordered (UTC), behind the <c>hasOrdered.lastAt</c> filter.</summary>
    public DateTime? LastOrderedAt { get; set; }

    /// <summary><c>isImported</c>.</summary>
    public bool IsImported { get; set; }

    /// <summary><c>isSubscriber</c>: true from the start (<see cref="EmulatorDbContext.StartChatAsync"/>).</summary>
    public bool IsSubscriber { get; set; }

    /// <summary><c>isPaid</c>.</summary>
    public bool IsPaid { get; set; }

    /// <summary><c>lastMessage.at</c> (UTC), or null before any message.</summary>
    public DateTime? LastMessageAt { get; set; }

    /// <summary><c>lastMessage.by</c>: "bot", "user" or "agent", or null before any message.</summary>
    public string? LastMessageBy { get; set; }

    /// <summary><c>lastMessage.text</c>, or null before any message.</summary>
    public string? LastMessageText { get; set; }

    /// <summary><c>lastSeenAt</c> (UTC), or null until the visitor is seen.</summary>
    public DateTime? LastSeenAt { get; set; }

    /// <summary><c>createdAt</c> (UTC, millisecond precision).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary><c>updatedAt</c> (UTC, millisecond precision).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary><c>websiteVisits</c>.</summary>
    public int WebsiteVisits { get; set; }

    /// <summary><c>unreadMessages</c>.</summary>
    public int UnreadMessages { get; set; }

    /// <summary>Lower-cased name, email, phone and uuid joined by newlines: the column <c>searchText</c> matches.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>
    /// The chat's row in the <c>ChatSearch</c> trigram index (its FTS5 rowid): unique, assigned by
    /// <see cref="EmulatorDbContext"/> when the chat is first saved.
    /// </summary>
    public long SearchRowId { get; set; }

    /// <summary><c>profile.notes</c>, stored as a JSON column.</summary>
    public List<ChatNote> Notes { get; set; } = [];

    /// <summary><c>profile.userDetails.attributes</c>, stored as a JSON column.</summary>
    public List<ChatAttribute> Attributes { get; set; } = [];

    /// <summary><c>profile.userDetails.tags</c>, stored as a JSON column (mirrored in <see cref="Labels"/> for filtering).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary><c>segments</c>: ids of the segments the contact is in (mirrored in <see cref="Labels"/>).</summary>
    public List<string> Segments { get; set; } = [];

    /// <summary>Index rows for <see cref="Tags"/> and <see cref="Segments"/>, kept in step by <see cref="ChatRules.Refresh"/> on every save.</summary>
    public List<ChatLabel> Labels { get; set; } = [];
}

/// <summary>One entry of <c>profile.notes</c>: <c>{title, description, _id}</c>.</summary>
public sealed class ChatNote
{
    /// <summary>The note's <c>_id</c>: 24 lowercase hex characters.</summary>
    public required string Id { get; set; }

    /// <summary>The note's title.</summary>
    public string? Title { get; set; }

    /// <summary>The note's description.</summary>
    public string? Description { get; set; }
}

/// <summary>One entry of <c>profile.userDetails.attributes</c>: <c>{key, value}</c>.</summary>
public sealed class ChatAttribute
{
    /// <summary>The attribute's key, unique within a chat.</summary>
    public required string Key { get; set; }

    /// <summary>The attribute's value.</summary>
    public string? Value { get; set; }
}

/// <summary>
/// An index row that makes list filters (<c>tags</c>, <c>segments</c>) use a B-tree instead of a JSON scan:
/// one row per (chat, kind, value), scoped by customer.
/// </summary>
public sealed class ChatLabel
{
    /// <summary>The chat's id.</summary>
    public required string ChatId { get; set; }

    /// <summary>The chat's customer, so the index serves tenant-scoped filters.</summary>
    public required string CustomerId { get; set; }

    /// <summary><see cref="LabelKinds.Tag"/> or <see cref="LabelKinds.Segment"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The tag text or segment id.</summary>
    public required string Value { get; set; }
}

/// <summary>Kinds of <see cref="ChatLabel"/>.</summary>
public static class LabelKinds
{
    /// <summary>A tag of <c>profile.userDetails.tags</c>.</summary>
    public const string Tag = "tag";

    /// <summary>A segment id of <c>segments</c>.</summary>
    public const string Segment = "segment";
}
