using Emulator.Common;
using Emulator.Data;

namespace Emulator.Chats;

/// <summary>Maps stored <see cref="Chat"/> rows to the chat wire shape; the one place that shape is built.</summary>
public static class ChatMapping
{
    /// <summary>The chat as <c>GET /inbox/direct/chats</c> returns it.</summary>
    public static ChatWire ToWire(Chat chat) => new(
        chat.Id,
        chat.Uuid,
        Timestamps.Format(chat.CreatedAt),
        chat.IsOnline,
        LastMessage(chat),
        Timestamps.Format(chat.LastSeenAt),
        new ChatProfileWire(
            Notes(chat),
            new ChatUserDetailsWire(
                chat.Name, chat.Picture, ContactInfo(chat), chat.City, chat.Country ?? "", chat.Gender,
                chat.Tags.ToList(), Attributes(chat))),
        chat.Status,
        Timestamps.Format(chat.UpdatedAt),
        chat.WebsiteVisits,
        chat.AgentAssigned);

    /// <summary><c>lastMessage</c> of a chat.</summary>
    public static LastMessageWire LastMessage(Chat chat) =>
        new(Timestamps.Format(chat.LastMessageAt), chat.LastMessageBy, chat.LastMessageText);

    /// <summary><c>profile.notes</c> of a chat, oldest first.</summary>
    public static IReadOnlyList<NoteWire> Notes(Chat chat) =>
        chat.Notes.Select(n => new NoteWire(n.Title, n.Description, n.Id)).ToList();

    /// <summary><c>profile.userDetails.contact</c> of a chat: always complete, <c>""</c> for what is unset (README,
    /// "Values before anything sets them").</summary>
    public static ContactInfoWire ContactInfo(Chat chat) =>
        new(chat.Email ?? "", new PhoneWire(chat.PhoneNumber ?? "", chat.PhonePrefix ?? ""));

    /// <summary><c>profile.userDetails.attributes</c> of a chat, in insertion order.</summary>
    public static IReadOnlyList<AttributeWire> Attributes(Chat chat) =>
        chat.Attributes.Select(a => new AttributeWire(a.Key, a.Value)).ToList();
}
