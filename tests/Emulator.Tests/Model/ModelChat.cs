namespace Emulator.Tests.Model;

/// <summary>
/// What the platform's documented behaviour says one stored chat holds (README, "Lead upsert rules", "Contact endpoints",
/// "Phone numbers", "Values before anything sets them"). Plain values: nothing here is shared with the emulator's code.
/// A null <see cref="Uuid"/> means one the emulator generated, which the model cannot predict.
/// </summary>
public sealed class ModelChat
{
    public required string BotId { get; init; }
    public required string? Uuid { get; init; }
    public required string Channel { get; init; }
    public required DateTime CreatedAt { get; init; }

    /// <summary>The <c>_id</c> and uuid the emulator gave the chat, once seen: they must never change.</summary>
    public (string Id, string Uuid)? Seen { get; set; }

    public string? Name { get; set; }
    public string? UserProvidedName { get; set; }
    public string? Email { get; set; }
    public string? PhoneNumber { get; set; }
    public string? PhonePrefix { get; set; }
    public string? Picture { get; set; }
    public string? Country { get; set; }
    public string? WhatsAppNumber { get; set; }
    public string? TelegramUserName { get; set; }
    public string? FacebookProfileId { get; set; }
    public string Status { get; set; } = "OPEN";
    public string? AgentAssigned { get; set; }
    public bool IsContact { get; set; }
    public bool IsOnline { get; set; }
    public bool UserInteracted { get; set; }
    public bool IsLiveChatActive { get; set; }
    public bool HasOrdered { get; set; }
    public DateTime? LastOrderedAt { get; set; }
    public bool IsImported { get; set; }
    public bool IsSubscriber { get; set; } = true;
    public bool IsPaid { get; set; }
    public DateTime? LastMessageAt { get; set; }
    public string? LastMessageBy { get; set; }
    public string? LastMessageText { get; set; }
    public DateTime? LastSeenAt { get; set; }
    public int WebsiteVisits { get; set; }
    public int UnreadMessages { get; set; }
    public List<string> Tags { get; set; } = [];
    public List<(string Key, string? Value)> Attributes { get; set; } = [];
    public List<(string? Title, string? Description)> Notes { get; set; } = [];
    public List<int> Segments { get; set; } = [];

    /// <summary>A chat is a lead once it holds a non-empty name, email or phone number.</summary>
    public bool IsLead => !string.IsNullOrEmpty(Name) || !string.IsNullOrEmpty(Email) || !string.IsNullOrEmpty(PhoneNumber);

    public bool Deleted => Status == "DELETED";

    /// <summary>Lower-cased texts <c>searchText</c> matches a substring of.</summary>
    public IEnumerable<string> SearchTexts(string actualUuid) => new[]
    {
        Name, UserProvidedName, Email, PhoneNumber,
        PhonePrefix is null || PhoneNumber is null ? null : $"+{PhonePrefix}{PhoneNumber}", actualUuid,
    }.Where(t => !string.IsNullOrEmpty(t)).Select(t => t!.ToLowerInvariant());

    /// <summary>Derived state after every write: a lead is a contact.</summary>
    public void Settle()
    {
        if (IsLead)
        {
            IsContact = true;
        }
    }

    public void SetTags(IEnumerable<string> tags) => Tags = tags.Distinct(StringComparer.Ordinal).ToList();

    public void UpsertAttribute(string key, string? value)
    {
        var at = Attributes.FindIndex(a => a.Key == key);
        if (at < 0)
        {
            Attributes.Add((key, value));
        }
        else
        {
            Attributes[at] = (key, value);
        }
    }

    /// <summary>README "Phone numbers": the dial code first (stored without '+'), then the number's digits, dropping a
    /// leading country code that repeats the dial code when the number was written with '+'.</summary>
    public void SetPhone(string? number, string? dialCode)
    {
        if (dialCode is not null)
        {
            PhonePrefix = dialCode.TrimStart('+');
        }

        if (number is not null)
        {
            var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
            var prefix = PhonePrefix;
            PhoneNumber = number.TrimStart().StartsWith('+') && !string.IsNullOrEmpty(prefix) && digits.Length > prefix.Length
                && digits.StartsWith(prefix, StringComparison.Ordinal)
                ? digits[prefix.Length..]
                : digits;
        }
    }

    public void Message(string by, string text, DateTime at)
    {
        LastMessageAt = at;
        LastMessageBy = by;
        LastMessageText = text;
        if (by == "user")
        {
            UserInteracted = true;
            LastSeenAt = at;
            UnreadMessages++;
        }
        else if (by == "agent")
        {
            UnreadMessages = 0;
        }
    }

    public ModelChat Clone()
    {
        var copy = (ModelChat)MemberwiseClone();
        copy.Tags = [.. Tags];
        copy.Attributes = [.. Attributes];
        copy.Notes = [.. Notes];
        copy.Segments = [.. Segments];
        return copy;
    }
}
