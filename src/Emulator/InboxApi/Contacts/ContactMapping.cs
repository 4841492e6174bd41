using Emulator.Chats;
using Emulator.Common;
using Emulator.Data;
using Emulator.Tenants;

namespace Emulator.Contacts;

/// <summary>Maps stored <see cref="Chat"/> rows to the contact wire shape; the one place that shape is built.</summary>
public static class ContactMapping
{
    /// <summary>The chat as a contact of <paramref name="tenant"/>.</summary>
    public static ContactWire ToWire(Chat chat, Tenant tenant) => new(
        chat.Id,
        tenant.AgencyId,
        chat.CustomerId,
        chat.Uuid,
        chat.BotId.Length == 0 ? [] : [chat.Channel],
        [],
        chat.IsSubscriber,
        chat.WebsiteVisits,
        chat.IsOnline,
        chat.UserInteracted,
        new ContactProfileWire(
            new ContactUserDetailsWire(
                ChatMapping.ContactInfo(chat), chat.UserProvidedName, chat.Name, chat.Picture, chat.Tags.ToList(),
                ChatMapping.Attributes(chat), chat.City, chat.Country ?? "", chat.Gender, chat.WhatsAppNumber,
                chat.TelegramUserName, chat.InstagramProfileId, chat.FacebookProfileId),
            new MarketingWire([]),
            ChatMapping.Notes(chat)),
        chat.Status,
        ChatMapping.LastMessage(chat),
        chat.IsContact,
        chat.IsImported,
        false,
        chat.Segments.ToList(),
        chat.IsLiveChatActive,
        chat.IsPaid,
        new HasOrderedWire(chat.HasOrdered),
        chat.UnreadMessages,
        Timestamps.Format(chat.LastSeenAt),
        chat.AgentAssigned,
        0,
        Timestamps.Format(chat.CreatedAt),
        Timestamps.Format(chat.UpdatedAt));
}
