using System.Text.Json;
using System.Text.Json.Serialization;
using Emulator.Common;

namespace Emulator.Contacts;

/// <summary>
/// Body of <c>POST /inbox/users</c>, as in the sample request of the help page "Get User Inbox". Filters a caller does not
/// want are sent empty (<c>""</c>, <c>[]</c>, <c>false</c>); a missing field behaves as an empty one
/// (README, "Contact search rules": a public connector omits several and works against the real API).
/// </summary>
public sealed class ContactSearchRequest
{
    /// <summary>Case-insensitive substring of name, user-provided name, email, phone or uuid; "" for none.</summary>
    public string? SearchText { get; init; }

    /// <summary>Contacts with any of these tags; [] for none.</summary>
    [WireHint("a list of tags")]
    public List<string>? Tags { get; init; }

    /// <summary>Contacts with any of these statuses (OPEN, INPROGRESS, …); [] for none.</summary>
    [WireHint("a list of statuses")]
    public List<string>? Status { get; init; }

    /// <summary>Online state; applies when true or named in <see cref="ApplicableFilters"/>.</summary>
    public bool? IsOnline { get; init; }

    /// <summary>Website chats of any of these bot ids; [] for none.</summary>
    [JsonPropertyName("_botWebsite")]
    public List<string>? BotWebsite { get; init; }

    /// <summary>WhatsApp chats of any of these bot ids; [] for none.</summary>
    [JsonPropertyName("_botWhatsapp")]
    public List<string>? BotWhatsapp { get; init; }

    /// <summary>Telegram chats of any of these bot ids; [] for none.</summary>
    [JsonPropertyName("_botTelegram")]
    public List<string>? BotTelegram { get; init; }

    /// <summary>Facebook chats of any of these bot ids; [] for none.</summary>
    [JsonPropertyName("_botFacebook")]
    public List<string>? BotFacebook { get; init; }

    /// <summary>Contacts assigned to any of these agent ids; [] for none.</summary>
    [JsonPropertyName("_agentAssigned")]
    public List<string>? AgentAssigned { get; init; }

    /// <summary>Contacts in any of these segment ids; [] for none.</summary>
    public List<string>? Segments { get; init; }

    /// <summary>Names of boolean filters to apply even when false (isOnline, userInteracted, isLiveChatActive, hasOrdered,
    /// isContact, isSubscriber).</summary>
    public List<string>? ApplicableFilters { get; init; }

    /// <summary><c>lastSeenAt</c> range; empty strings mean open.</summary>
    public DateRange? LastSeenAt { get; init; }

    /// <summary><c>createdAt</c> range; empty strings mean open.</summary>
    public DateRange? CreatedAt { get; init; }

    /// <summary>Whether the visitor has interacted; applies when true or named in <see cref="ApplicableFilters"/>.</summary>
    public bool? UserInteracted { get; init; }

    /// <summary>Contacts whose last message is by any of these senders ("bot", "user", "agent"); [] for none.</summary>
    public List<string>? LastMessageBy { get; init; }

    /// <summary>Whether live chat is active; applies when true or named in <see cref="ApplicableFilters"/>.</summary>
    public bool? IsLiveChatActive { get; init; }

    /// <summary>Order history filter <c>{status, lastAt}</c>.</summary>
    public OrderFilter? HasOrdered { get; init; }

    /// <summary>Page number from 1; 1 when absent. A number, or a string of digits.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? Page { get; init; }

    /// <summary>"none" (or absent/empty) for a normal listing; the emulator implements no export.</summary>
    public string? IsExport { get; init; }

    /// <summary>Contacts (leads and imported contacts) vs other chats; applies when true or named in <see cref="ApplicableFilters"/>.</summary>
    public bool? IsContact { get; init; }

    /// <summary>Subscribed contacts (every contact starts subscribed); applies when true or named in
    /// <c>applicableFilters</c>. A public CRM script sends it as true (README, "Contact search rules").</summary>
    public bool? IsSubscriber { get; init; }

    /// <summary>Sent (as <c>[]</c>) by a public CRM script; its meaning is undocumented. Accepted in any JSON form and ignored.</summary>
    [JsonPropertyName("tagsV2")]
    public JsonElement? TagsV2 { get; init; }

    /// <summary>Contacts who came from a click-to-WhatsApp ad, by a public CRM script's name for it. The emulator has no
    /// ad referrals: accepted in any JSON form and ignored.</summary>
    public JsonElement? CtwaNewUsers { get; init; }

    /// <summary>Like <see cref="CtwaNewUsers"/>, for returning ad visitors: accepted in any JSON form and ignored.</summary>
    public JsonElement? CtwaOldUsers { get; init; }

    /// <summary>Bot ids of a channel the platform calls "automation", sent (as <c>[]</c>) by a public CRM script; the
    /// emulator has no such channel: accepted in any JSON form and ignored.</summary>
    [JsonPropertyName("_botAutomation")]
    public JsonElement? BotAutomation { get; init; }
}

/// <summary>A date range <c>{startAt, endsAt}</c>: ISO 8601 strings, <c>""</c> for an open end.</summary>
public sealed class DateRange
{
    /// <summary>Lower bound, exclusive: only values strictly after it match.</summary>
    public string? StartAt { get; init; }

    /// <summary>Upper bound, inclusive.</summary>
    public string? EndsAt { get; init; }
}

/// <summary>The order filter <c>{status, lastAt}</c>.</summary>
public sealed class OrderFilter
{
    /// <summary>Whether the contact has ordered; applies when true or when "hasOrdered" is in applicableFilters.</summary>
    public bool? Status { get; init; }

    /// <summary>ISO 8601; when set, only contacts whose last order is at or after it; "" for none.</summary>
    public string? LastAt { get; init; }
}
