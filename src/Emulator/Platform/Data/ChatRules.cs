using Emulator.Common;

namespace Emulator.Data;

/// <summary>
/// The rules of a <see cref="Chat"/>'s values: its derived state (lead typing, the search column and the label index
/// rows, recomputed by <see cref="EmulatorDbContext"/> on every save), its limits, and the setters that normalize what
/// clients send (phones, WhatsApp numbers, tags, attributes).
/// </summary>
public static class ChatRules
{
    /// <summary>
    /// Recomputes <see cref="Chat.IsLead"/> (a chat is a lead once it holds a non-empty name, email or
    /// phone number), <see cref="Chat.SearchText"/> and <see cref="Chat.Labels"/> from the chat's fields, and drops
    /// repeated tags and segments (the first of each stays). A chat that becomes a lead also becomes a contact.
    /// </summary>
    public static void Refresh(Chat chat)
    {
        chat.IsLead = HoldsContactDetails(chat);
        if (chat.IsLead)
        {
            chat.IsContact = true;
        }

        chat.SearchText = string.Join('\n', new[]
        {
            chat.Name, chat.UserProvidedName, chat.Email, chat.PhoneNumber,
            chat.PhonePrefix is null || chat.PhoneNumber is null ? null : $"+{chat.PhonePrefix}{chat.PhoneNumber}",
            chat.Uuid,
        }.Where(HasText)).ToLowerInvariant();

        // Tags and segments are sets kept in the order first given: every writer may simply add or assign.
        chat.Tags = WithoutRepeats(chat.Tags);
        chat.Segments = WithoutRepeats(chat.Segments);

        var wanted = chat.Tags.Select(t => (LabelKinds.Tag, t))
            .Concat(chat.Segments.Select(s => (LabelKinds.Segment, s)))
            .ToHashSet();
        chat.Labels.RemoveAll(l => !wanted.Contains((l.Kind, l.Value)));
        foreach (var (kind, value) in wanted.Where(w => !chat.Labels.Any(l => l.Kind == w.Item1 && l.Value == w.Item2)))
        {
            chat.Labels.Add(new ChatLabel { ChatId = chat.Id, CustomerId = chat.CustomerId, Kind = kind, Value = value });
        }
    }

    /// <summary>
    /// Sets the phone from what a client sent (README, "Phone numbers"): the dial code first, stored without "+", then
    /// the number as digits, dropping a leading country code that repeats the dial code. Null leaves a part unchanged.
    /// </summary>
    /// <param name="chat">The chat to change.</param>
    /// <param name="number">A number that passed <see cref="PhoneNumbers.IsNumber"/>, "" to clear, or null.</param>
    /// <param name="dialCode">A dial code that passed <see cref="PhoneNumbers.IsDialCode"/>, "" to clear, or null.</param>
    public static void SetPhone(Chat chat, string? number, string? dialCode)
    {
        chat.PhonePrefix = dialCode is null ? chat.PhonePrefix : PhoneNumbers.DialCode(dialCode);
        chat.PhoneNumber = number is null ? chat.PhoneNumber : PhoneNumbers.Number(number, chat.PhonePrefix);
    }

    /// <summary>Sets <see cref="Chat.WhatsAppNumber"/> to the digits of <paramref name="value"/> (country code and number
    /// run together, as the platform answers it); null leaves it unchanged.</summary>
    public static void SetWhatsAppNumber(Chat chat, string? value) =>
        chat.WhatsAppNumber = value is null ? chat.WhatsAppNumber : PhoneNumbers.WhatsAppNumber(value);

    /// <summary>
    /// The limits a chat keeps whatever writes it (<see cref="FieldRules.MaxNotes"/> notes and
    /// <see cref="FieldRules.MaxAttributes"/> attributes, the same as one request may send, so a contact the listings
    /// give out is always accepted back): the problems if <paramref name="patch"/> would pass them, else none.
    /// </summary>
    public static IReadOnlyList<string> OverLimits(Chat chat, ChatPatch patch)
    {
        var problems = new List<string>();
        var added = patch.AppendNotes?.Count ?? 0;
        var notes = patch.ReplaceNotes?.Count ?? chat.Notes.Count;
        if (notes + added > FieldRules.MaxNotes)
        {
            problems.Add($"notes: the chat holds {notes} notes and {added} more would pass its limit of {FieldRules.MaxNotes}.");
        }

        var keys = (patch.ReplaceAttributes?.Select(a => a.Key) ?? chat.Attributes.Select(a => a.Key))
            .Concat(patch.UpsertAttributes?.Select(a => a.Key) ?? []).Distinct(StringComparer.Ordinal).Count();
        if (keys > FieldRules.MaxAttributes)
        {
            problems.Add($"attributes: the chat would hold {keys} attributes, over its limit of {FieldRules.MaxAttributes}.");
        }

        return problems;
    }

    /// <summary>
    /// The one merge of a change into a chat, through <see cref="Chat.Apply"/> (which checks the limits first): each non-null member of <paramref name="patch"/> replaces the stored value
    /// (phones and WhatsApp numbers normalized), tags and replaced lists swap in, upserted attributes change by key,
    /// appended notes get new ids made at <paramref name="now"/> by <paramref name="ids"/>. Derived state follows on save.
    /// </summary>
    internal static void Merge(Chat chat, ChatPatch patch, DateTime now, ObjectIds ids)
    {
        chat.Name = patch.Name ?? chat.Name;
        chat.UserProvidedName = patch.UserProvidedName ?? chat.UserProvidedName;
        chat.Email = patch.Email ?? chat.Email;
        SetPhone(chat, patch.PhoneNumber, patch.DialCode);
        chat.Picture = patch.Picture ?? chat.Picture;
        chat.City = patch.City ?? chat.City;
        chat.Country = patch.Country ?? chat.Country;
        chat.Gender = patch.Gender ?? chat.Gender;
        SetWhatsAppNumber(chat, patch.WhatsAppNumber);
        chat.TelegramUserName = patch.TelegramUserName ?? chat.TelegramUserName;
        chat.InstagramProfileId = patch.InstagramProfileId ?? chat.InstagramProfileId;
        chat.FacebookProfileId = patch.FacebookProfileId ?? chat.FacebookProfileId;
        chat.Status = patch.Status ?? chat.Status;
        chat.AgentAssigned = patch.UnassignAgent ? null : patch.AgentAssigned ?? chat.AgentAssigned;
        chat.IsOnline = patch.IsOnline ?? chat.IsOnline;
        chat.IsLiveChatActive = patch.IsLiveChatActive ?? chat.IsLiveChatActive;
        chat.IsSubscriber = patch.IsSubscriber ?? chat.IsSubscriber;
        chat.IsPaid = patch.IsPaid ?? chat.IsPaid;
        chat.WebsiteVisits = patch.WebsiteVisits ?? chat.WebsiteVisits;
        chat.UnreadMessages = patch.UnreadMessages ?? chat.UnreadMessages;
        chat.LastSeenAt = patch.LastSeenAt ?? chat.LastSeenAt;
        if (patch.Tags is not null)
        {
            chat.Tags = [.. patch.Tags];
        }

        if (patch.ReplaceAttributes is not null)
        {
            chat.Attributes.Clear();
        }

        foreach (var (key, value) in (patch.ReplaceAttributes ?? []).Concat(patch.UpsertAttributes ?? []))
        {
            SetAttribute(chat, key, value);
        }

        if (patch.ReplaceNotes is not null)
        {
            var kept = chat.Notes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            chat.Notes = patch.ReplaceNotes.Select(n => new ChatNote
            {
                Id = n.Id is { } id && kept.Contains(id) ? id : ids.New(now),
                Title = n.Title,
                Description = n.Description,
            }).GroupBy(n => n.Id).Select(g => g.Last()).ToList();
        }

        foreach (var (title, description) in patch.AppendNotes ?? [])
        {
            chat.Notes.Add(new ChatNote { Id = ids.New(now), Title = title, Description = description });
        }
    }

    /// <summary>True when the chat holds a non-empty name, email or phone number: what makes a chat a lead.</summary>
    public static bool HoldsContactDetails(Chat chat) => HasText(chat.Name) || HasText(chat.Email) || HasText(chat.PhoneNumber);

    /// <summary>Sets attribute <paramref name="key"/>: its value in place when the chat has it, else appended.</summary>
    private static void SetAttribute(Chat chat, string key, string? value)
    {
        var existing = chat.Attributes.FirstOrDefault(a => a.Key == key);
        if (existing is null)
        {
            chat.Attributes.Add(new ChatAttribute { Key = key, Value = value });
        }
        else
        {
            existing.Value = value;
        }
    }

    private static bool HasText(string? value) => !string.IsNullOrEmpty(value);

    // The same list when it repeats nothing (most do: assigning it unchanged marks nothing as modified), else a copy
    // keeping each value's first place.
    private static List<string> WithoutRepeats(List<string> values) =>
        values.Count < 2 || values.Distinct(StringComparer.Ordinal).Count() == values.Count ? values : values.Distinct(StringComparer.Ordinal).ToList();
}
