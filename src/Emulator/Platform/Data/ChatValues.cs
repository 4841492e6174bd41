namespace Emulator.Data;

/// <summary>
/// Chat status values, in the platform's wire spelling (help page "Website Contacts &amp; Meta Data": "Available values: 'OPEN',
/// 'INPROGRESS', 'REVIEW', 'ONHOLD', 'DEPENDANCY', 'CLOSED'"; <c>DEPENDANCY</c> is spelt so on the wire).
/// </summary>
public static class ChatStatuses
{
    /// <summary>The status of a new chat.</summary>
    public const string Open = "OPEN";

    /// <summary>Every documented status, case-sensitive.</summary>
    public static readonly IReadOnlyList<string> All = ["OPEN", "INPROGRESS", "REVIEW", "ONHOLD", "DEPENDANCY", "CLOSED"];

    /// <summary>
    /// The status real clients send to <c>PUT /inbox/users/status-update</c> to delete contacts (README, "Contact endpoints").
    /// A deleted contact leaves every listing but stays in the database.
    /// </summary>
    public const string Deleted = "DELETED";

    /// <summary>The statuses a contact can be set to through the contact endpoints: <see cref="All"/> and <see cref="Deleted"/>.</summary>
    public static readonly IReadOnlyList<string> Settable = [.. All, Deleted];
}

/// <summary>Channels a chat can come from; each has a <c>_bot*</c> filter in <c>POST /inbox/users</c>.</summary>
public static class Channels
{
    /// <summary>The website widget (filter <c>_botWebsite</c>).</summary>
    public const string Website = "WEBSITE";

    /// <summary>WhatsApp (filter <c>_botWhatsapp</c>).</summary>
    public const string WhatsApp = "WHATSAPP";

    /// <summary>Telegram (filter <c>_botTelegram</c>).</summary>
    public const string Telegram = "TELEGRAM";

    /// <summary>Facebook Messenger (filter <c>_botFacebook</c>).</summary>
    public const string Facebook = "FACEBOOK";

    /// <summary>Every channel.</summary>
    public static readonly IReadOnlyList<string> All = [Website, WhatsApp, Telegram, Facebook];
}

/// <summary>Senders of a message, as <c>lastMessage.by</c> holds them (README, "Contact search rules"; "bot" and "user" are seen in captured contacts).</summary>
public static class Senders
{
    /// <summary>Every sender value: "bot" and "user" are seen on the real platform; "agent" is a live-chat agent.</summary>
    public static readonly IReadOnlyList<string> All = ["bot", "user", "agent"];
}
