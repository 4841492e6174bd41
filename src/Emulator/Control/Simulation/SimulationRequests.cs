using Emulator.Common;
using Emulator.Data;
using FluentValidation;

namespace Emulator.Simulation;

/// <summary>Body of <c>POST /_emulator/visitors</c>: a visitor opening a bot, as the widget or a messaging channel would.</summary>
/// <param name="CustomerId">The tenant (required).</param>
/// <param name="BotId">The bot (required).</param>
/// <param name="Channel"><c>WEBSITE</c> (default), <c>WHATSAPP</c>, <c>TELEGRAM</c> or <c>FACEBOOK</c>.</param>
/// <param name="Uuid">The widget session id; a new GUID when left out.</param>
/// <param name="Name">The visitor's name (<c>profile.userDetails.name</c>); with an email or phone it makes the chat a lead.</param>
/// <param name="Email">The visitor's email.</param>
/// <param name="Phone">The visitor's phone number (normalized as on the lead PUT).</param>
/// <param name="DialCode">The phone's dial code, e.g. <c>+91</c>.</param>
/// <param name="WhatsAppNumber">WhatsApp only: country code and number; from the phone, or generated, when left out.</param>
/// <param name="TelegramUserName">Telegram only: the user name; generated when left out.</param>
/// <param name="FacebookProfileId">Facebook only: the profile id; generated when left out.</param>
public sealed record VisitorRequest(
    string? CustomerId,
    string? BotId,
    string? Channel,
    string? Uuid,
    string? Name,
    string? Email,
    string? Phone,
    string? DialCode,
    string? WhatsAppNumber,
    string? TelegramUserName,
    string? FacebookProfileId);

/// <summary>Answer of <c>POST /_emulator/visitors</c>.</summary>
/// <param name="Id">The new chat's <c>_id</c>.</param>
/// <param name="Uuid">Its <c>uuid</c>.</param>
/// <param name="CustomerId">Its tenant.</param>
/// <param name="BotId">Its bot.</param>
/// <param name="Channel">Its channel.</param>
public sealed record VisitorWire(
    [property: System.Text.Json.Serialization.JsonPropertyName("_id")] string Id, string Uuid, string CustomerId, string BotId, string Channel);

/// <summary>Body of <c>POST /_emulator/chats/{id}/messages</c>.</summary>
/// <param name="By"><c>user</c> (the visitor), <c>bot</c> or <c>agent</c> (required).</param>
/// <param name="Text">The message text (required, at most 5000 characters).</param>
/// <param name="At">When it was sent (ISO 8601 UTC); now when left out.</param>
public sealed record MessageRequest(string? By, string? Text, string? At);

/// <summary>Body of <c>POST /_emulator/chats/{id}/orders</c>.</summary>
/// <param name="At">When the order was placed (ISO 8601 UTC); now when left out.</param>
public sealed record OrderRequest(string? At);

/// <summary>Body of <c>PATCH /_emulator/chats/{id}</c>: the chat state agents and the platform change; each given member is set.</summary>
/// <param name="IsOnline"><c>isOnline</c>.</param>
/// <param name="IsLiveChatActive"><c>isLiveChatActive</c>: an agent took the chat over.</param>
/// <param name="AgentAssigned"><c>_agentAssigned</c>: the agent's id; "" unassigns.</param>
/// <param name="IsSubscriber"><c>isSubscriber</c>.</param>
/// <param name="IsPaid"><c>isPaid</c>.</param>
/// <param name="Status">A status (<c>OPEN</c> … <c>DEPENDANCY</c>, <c>CLOSED</c>) or <c>DELETED</c>.</param>
/// <param name="Tags"><c>profile.userDetails.tags</c>, replacing the chat's.</param>
/// <param name="WebsiteVisits"><c>websiteVisits</c>.</param>
/// <param name="UnreadMessages"><c>unreadMessages</c>.</param>
/// <param name="LastSeenAt"><c>lastSeenAt</c> (ISO 8601 UTC).</param>
public sealed record ChatStateRequest(
    bool? IsOnline,
    bool? IsLiveChatActive,
    string? AgentAssigned,
    bool? IsSubscriber,
    bool? IsPaid,
    string? Status,
    List<string>? Tags,
    int? WebsiteVisits,
    int? UnreadMessages,
    string? LastSeenAt);

/// <summary>Checks <see cref="VisitorRequest"/> with the lead PUT's rules for the same values.</summary>
public sealed class VisitorRequestValidator : WireValidator<VisitorRequest>
{
    /// <summary>Creates the rules.</summary>
    public VisitorRequestValidator()
    {
        RuleFor(v => v.CustomerId).NotEmpty().WithMessage("customerId is required.").MaximumLength(64);
        RuleFor(v => v.BotId).NotEmpty().WithMessage("botId is required.").MaximumLength(64);
        RuleFor(v => v.Channel).Must(Channels.All.Contains!).When(v => v.Channel is not null)
            .WithMessage($"channel must be one of {string.Join(", ", Channels.All)}.");
        RuleFor(v => v.Uuid).Must(u => u!.Length is > 0 and <= 128).When(v => v.Uuid is not null).WithMessage("uuid must be 1 to 128 characters.");
        RuleFor(v => v.Name).Text();
        RuleFor(v => v.Email).Email();
        RuleFor(v => v.Phone).PhoneNumber();
        RuleFor(v => v.DialCode).DialCode();
        RuleFor(v => v.WhatsAppNumber).WhatsAppNumber();
        RuleFor(v => v.TelegramUserName).Text();
        RuleFor(v => v.FacebookProfileId).Text();
    }
}

/// <summary>Checks <see cref="MessageRequest"/>.</summary>
public sealed class MessageRequestValidator : WireValidator<MessageRequest>
{
    /// <summary>Creates the rules.</summary>
    public MessageRequestValidator()
    {
        RuleFor(m => m.By).Must(Senders.All.Contains!).WithMessage($"by must be one of {string.Join(", ", Senders.All)}.");
        RuleFor(m => m.Text).NotEmpty().WithMessage("text is required.").MaximumLength(5000).WithMessage("text must be at most 5000 characters.");
        RuleFor(m => m.At).Must(a => a is null || Timestamps.TryParse(a, out _)).WithMessage("at must be an ISO 8601 UTC time.");
    }
}

/// <summary>Checks <see cref="OrderRequest"/>.</summary>
public sealed class OrderRequestValidator : WireValidator<OrderRequest>
{
    /// <summary>Creates the rules.</summary>
    public OrderRequestValidator() =>
        RuleFor(o => o.At).Must(a => a is null || Timestamps.TryParse(a, out _)).WithMessage("at must be an ISO 8601 UTC time.");
}

/// <summary>Checks <see cref="ChatStateRequest"/>.</summary>
public sealed class ChatStateRequestValidator : WireValidator<ChatStateRequest>
{
    /// <summary>Creates the rules.</summary>
    public ChatStateRequestValidator()
    {
        RuleFor(s => s.AgentAssigned).MaximumLength(64).WithMessage("agentAssigned must be at most 64 characters.");
        RuleFor(s => s.Status).Must(ChatStatuses.Settable.Contains!).When(s => s.Status is not null)
            .WithMessage($"status must be one of {string.Join(", ", ChatStatuses.Settable)}.");
        FieldRules.Tags(this, s => s.Tags!, "tags");
        RuleFor(s => s.WebsiteVisits).GreaterThanOrEqualTo(0).WithMessage("websiteVisits must not be negative.");
        RuleFor(s => s.UnreadMessages).GreaterThanOrEqualTo(0).WithMessage("unreadMessages must not be negative.");
        RuleFor(s => s.LastSeenAt).Must(a => a is null || Timestamps.TryParse(a, out _)).WithMessage("lastSeenAt must be an ISO 8601 UTC time.");
    }
}
