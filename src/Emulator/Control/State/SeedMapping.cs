using Emulator.Common;
using Emulator.Data;

namespace Emulator.State;

/// <summary>The one mapping between a stored <see cref="Chat"/> and its <see cref="SeedChat"/> form, both ways.</summary>
public static class SeedMapping
{
    /// <summary>
    /// Sets every stored field of <paramref name="chat"/> from <paramref name="seed"/> (already validated): what the seed
    /// leaves out takes a new chat's value; notes without an id get one from <paramref name="ids"/>. Phones and WhatsApp numbers are normalized as on the lead PUT. Id, owner,
    /// bot, uuid, channel and timestamps are set by the caller.
    /// </summary>
    public static void Fill(Chat chat, SeedChat seed, DateTime now, ObjectIds ids)
    {
        chat.Name = seed.Name;
        chat.UserProvidedName = seed.UserProvidedName;
        chat.Email = seed.Email;
        chat.PhonePrefix = null;
        chat.PhoneNumber = null;
        ChatRules.SetPhone(chat, seed.PhoneNumber, seed.PhonePrefix);
        chat.Picture = seed.Picture;
        chat.City = seed.City;
        chat.Country = seed.Country;
        chat.Gender = seed.Gender;
        chat.WhatsAppNumber = null;
        ChatRules.SetWhatsAppNumber(chat, seed.WhatsAppNumber);
        chat.TelegramUserName = seed.TelegramUserName;
        chat.InstagramProfileId = seed.InstagramProfileId;
        chat.FacebookProfileId = seed.FacebookProfileId;
        chat.Status = seed.Status ?? ChatStatuses.Open;
        chat.AgentAssigned = seed.AgentAssigned;
        chat.IsContact = seed.IsContact ?? false;
        chat.IsOnline = seed.IsOnline ?? false;
        chat.UserInteracted = seed.UserInteracted ?? false;
        chat.IsLiveChatActive = seed.IsLiveChatActive ?? false;
        chat.HasOrdered = seed.HasOrdered ?? false;
        chat.LastOrderedAt = Time(seed.LastOrderedAt);
        chat.IsImported = seed.IsImported ?? false;
        chat.IsSubscriber = seed.IsSubscriber ?? true;
        chat.IsPaid = seed.IsPaid ?? false;
        chat.LastMessageAt = Time(seed.LastMessage?.At);
        chat.LastMessageBy = seed.LastMessage?.By;
        chat.LastMessageText = seed.LastMessage?.Text;
        chat.LastSeenAt = Time(seed.LastSeenAt);
        chat.WebsiteVisits = seed.WebsiteVisits ?? 0;
        chat.UnreadMessages = seed.UnreadMessages ?? 0;
        chat.Notes = (seed.Notes ?? []).OfType<SeedNote>()
            .Select(n => new ChatNote { Id = n.Id ?? ids.New(now), Title = n.Title, Description = n.Description }).ToList();
        chat.Attributes = (seed.Attributes ?? []).OfType<AttributeInput>()
            .GroupBy(a => a.Key!, StringComparer.Ordinal).Select(g => new ChatAttribute { Key = g.Key, Value = g.Last().Value }).ToList();
        chat.Tags = [.. seed.Tags ?? []];
    }

    /// <summary>The seed form of a stored chat: every stored field, nothing derived.</summary>
    public static SeedChat ToSeed(Chat chat) => new()
    {
        Id = chat.Id,
        CustomerId = chat.CustomerId,
        BotId = chat.BotId,
        Uuid = chat.Uuid,
        Channel = chat.Channel,
        Name = chat.Name,
        UserProvidedName = chat.UserProvidedName,
        Email = chat.Email,
        PhoneNumber = chat.PhoneNumber,
        PhonePrefix = chat.PhonePrefix,
        Picture = chat.Picture,
        City = chat.City,
        Country = chat.Country,
        Gender = chat.Gender,
        WhatsAppNumber = chat.WhatsAppNumber,
        TelegramUserName = chat.TelegramUserName,
        InstagramProfileId = chat.InstagramProfileId,
        FacebookProfileId = chat.FacebookProfileId,
        Status = chat.Status,
        AgentAssigned = chat.AgentAssigned,
        IsContact = chat.IsContact,
        IsOnline = chat.IsOnline,
        UserInteracted = chat.UserInteracted,
        IsLiveChatActive = chat.IsLiveChatActive,
        HasOrdered = chat.HasOrdered,
        LastOrderedAt = Timestamps.Format(chat.LastOrderedAt),
        IsImported = chat.IsImported,
        IsSubscriber = chat.IsSubscriber,
        IsPaid = chat.IsPaid,
        LastMessage = chat.LastMessageAt is null && chat.LastMessageBy is null && chat.LastMessageText is null
            ? null
            : new SeedMessage(Timestamps.Format(chat.LastMessageAt), chat.LastMessageBy, chat.LastMessageText),
        LastSeenAt = Timestamps.Format(chat.LastSeenAt),
        CreatedAt = Timestamps.Format(chat.CreatedAt),
        UpdatedAt = Timestamps.Format(chat.UpdatedAt),
        WebsiteVisits = chat.WebsiteVisits,
        UnreadMessages = chat.UnreadMessages,
        Notes = chat.Notes.Select(n => new SeedNote { Id = n.Id, Title = n.Title, Description = n.Description }).ToList(),
        Attributes = chat.Attributes.Select(a => (AttributeInput?)new AttributeInput { Key = a.Key, Value = a.Value }).ToList(),
        Tags = [.. chat.Tags],
    };

    /// <summary>A validated timestamp of a seed document as stored (UTC, ms), or null.</summary>
    public static DateTime? Time(string? value) => value is not null && Timestamps.TryParse(value, out var parsed) ? parsed : null;
}
