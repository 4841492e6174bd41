namespace Emulator.Data;

/// <summary>
/// A change to a chat's stored values, in one shape for every writer (the lead PUT, the import, the contact update), so
/// that one merge (<see cref="Chat.Apply"/>) decides how each field changes: a null member leaves the value as it
/// is, <c>""</c> stores an empty value. Values have passed the request's validation.
/// </summary>
public sealed record ChatPatch
{
    /// <summary><c>profile.userDetails.name</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>profile.userDetails.userProvidedName</c>.</summary>
    public string? UserProvidedName { get; init; }

    /// <summary><c>contact.email</c>.</summary>
    public string? Email { get; init; }

    /// <summary><c>contact.phone.number</c> as sent (normalized by <see cref="ChatRules.SetPhone"/>).</summary>
    public string? PhoneNumber { get; init; }

    /// <summary><c>contact.phone.prefix</c> / <c>dialCode</c> as sent, "+" allowed.</summary>
    public string? DialCode { get; init; }

    /// <summary><c>picture</c>.</summary>
    public string? Picture { get; init; }

    /// <summary><c>city</c>.</summary>
    public string? City { get; init; }

    /// <summary><c>country</c>.</summary>
    public string? Country { get; init; }

    /// <summary><c>gender</c>.</summary>
    public string? Gender { get; init; }

    /// <summary><c>whatsAppNumber</c> as sent (stored run together).</summary>
    public string? WhatsAppNumber { get; init; }

    /// <summary><c>telegramUserName</c>.</summary>
    public string? TelegramUserName { get; init; }

    /// <summary><c>instagramProfileId</c>.</summary>
    public string? InstagramProfileId { get; init; }

    /// <summary><c>facebookProfileId</c>.</summary>
    public string? FacebookProfileId { get; init; }

    /// <summary><c>status</c>.</summary>
    public string? Status { get; init; }

    /// <summary><c>_agentAssigned</c> (the lead PUT's <c>agentId</c>).</summary>
    public string? AgentAssigned { get; init; }

    /// <summary>True to unassign the agent (the simulated chat state's <c>agentAssigned: ""</c>).</summary>
    public bool UnassignAgent { get; init; }

    /// <summary><c>isOnline</c> (simulated state).</summary>
    public bool? IsOnline { get; init; }

    /// <summary><c>isLiveChatActive</c> (simulated state).</summary>
    public bool? IsLiveChatActive { get; init; }

    /// <summary><c>isSubscriber</c> (simulated state).</summary>
    public bool? IsSubscriber { get; init; }

    /// <summary><c>isPaid</c> (simulated state).</summary>
    public bool? IsPaid { get; init; }

    /// <summary><c>websiteVisits</c> (simulated state).</summary>
    public int? WebsiteVisits { get; init; }

    /// <summary><c>unreadMessages</c> (simulated state).</summary>
    public int? UnreadMessages { get; init; }

    /// <summary><c>lastSeenAt</c> (UTC; simulated state).</summary>
    public DateTime? LastSeenAt { get; init; }

    /// <summary>Tags that replace the stored ones (duplicates dropped, order kept).</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Attributes that replace the stored ones, applied before <see cref="UpsertAttributes"/>.</summary>
    public IReadOnlyList<(string Key, string? Value)>? ReplaceAttributes { get; init; }

    /// <summary>Attributes upserted by key: an existing key's value changes in place, a new key is appended.</summary>
    public IReadOnlyList<(string Key, string? Value)>? UpsertAttributes { get; init; }

    /// <summary>Notes that replace the stored ones; a note keeps its <c>_id</c> when it sends a known one.</summary>
    public IReadOnlyList<(string? Id, string? Title, string? Description)>? ReplaceNotes { get; init; }

    /// <summary>Notes appended, each with a new <c>_id</c>.</summary>
    public IReadOnlyList<(string? Title, string? Description)>? AppendNotes { get; init; }
}
