using System.Text.Json;
using System.Text.Json.Serialization;
using Emulator.Common;
using FluentValidation;

namespace Emulator.WhatsApp;

/// <summary>
/// Body of <c>POST /whatsapp-automation/wa/send-message</c> (help page "WhatsApp Cloud API": Send Message API):
/// <c>{"userName": "Test", "wa_id": "910987654321", "type": "text", "message": {"text": "hi"}}</c>, or for media
/// <c>"type": "image"</c> with <c>message.source</c> (the media URL) and <c>message.label</c> (the caption).
/// </summary>
public sealed class SendMessageRequest
{
    /// <summary>The recipient's name (optional).</summary>
    public string? UserName { get; init; }

    /// <summary>The recipient's WhatsApp number: country code and number, digits only, no plus.</summary>
    [JsonPropertyName("wa_id")]
    public string? WaId { get; init; }

    /// <summary><c>text</c>, <c>image</c>, <c>document</c>, <c>video</c> or <c>audio</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The message: <c>text</c> for text, <c>source</c> and <c>label</c> for media.</summary>
    public SendMessageContent? Message { get; init; }

    /// <summary>Tags to add to the contact (a partner copy of the docs sends them).</summary>
    public List<string>? Tags { get; init; }
}

/// <summary><c>message</c> of a <see cref="SendMessageRequest"/>.</summary>
public sealed class SendMessageContent
{
    /// <summary>The text of a text message.</summary>
    public string? Text { get; init; }

    /// <summary>The media URL of a media message.</summary>
    public string? Source { get; init; }

    /// <summary>The caption of a media message.</summary>
    public string? Label { get; init; }

    /// <summary>The media type, repeated (e.g. <c>image</c>).</summary>
    public string? Type { get; init; }
}

/// <summary>
/// Body of <c>POST /whatsapp-automation/wa/send-template</c> (help page "POST WhatsApp Template Message"):
/// <c>{userName, wa_id, templateId, params: [{type: "header"|"body", parameters: [...]}]}</c>; a partner copy adds
/// <c>tags</c> and <c>assignTo</c>.
/// </summary>
public sealed class SendTemplateRequest
{
    /// <summary>The recipient's name (optional).</summary>
    public string? UserName { get; init; }

    /// <summary>The recipient's WhatsApp number: country code and number, digits only, no plus.</summary>
    [JsonPropertyName("wa_id")]
    public string? WaId { get; init; }

    /// <summary>The template's <c>_id</c>; the template must be approved.</summary>
    public string? TemplateId { get; init; }

    /// <summary>The variables: <c>[]</c> for a template without any.</summary>
    public List<TemplateParams>? Params { get; init; }

    /// <summary>Tags to add to the contact.</summary>
    public List<string>? Tags { get; init; }

    /// <summary>An agent to assign the chat to.</summary>
    public string? AssignTo { get; init; }
}

/// <summary>One component's variables: <c>{"type": "body", "parameters": [{"type": "text", "text": "Abc"}]}</c>.</summary>
public sealed class TemplateParams
{
    /// <summary><c>header</c> or <c>body</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The values, in the order of the template's variables (text ones fill <c>{{n}}</c>; media ones are kept as sent).</summary>
    public List<JsonElement>? Parameters { get; init; }
}

/// <summary>
/// Body of <c>POST /whatsapp-automation/plugin/send-template-message</c>, as the vendor's n8n node sends it:
/// <c>{botId, templateId, whatsAppNumber, templateParams: {"body_1": "…"}}</c>, the keys being those of the template's
/// dynamic fields.
/// </summary>
public sealed class PluginTemplateRequest
{
    /// <summary>The WhatsApp bot.</summary>
    public string? BotId { get; init; }

    /// <summary>The template's <c>_id</c>.</summary>
    public string? TemplateId { get; init; }

    /// <summary>The recipient: country code and number, digits only, no plus.</summary>
    public string? WhatsAppNumber { get; init; }

    /// <summary>Values by dynamic field key (<c>body_1</c>, <c>body_2</c>, …).</summary>
    public Dictionary<string, string>? TemplateParams { get; init; }
}

/// <summary>The shared rules of a WhatsApp recipient number: country code and number, 8 to 15 digits, no plus.</summary>
public static class WaIds
{
    /// <summary>True for 8 to 15 digits.</summary>
    public static bool IsValid(string? value) => value is { Length: >= 8 and <= 15 } && value.All(char.IsAsciiDigit);

    /// <summary>The message for a bad number named <paramref name="member"/>.</summary>
    public static string Problem(string member) =>
        $"{member} must be the WhatsApp number with its country code, digits only and no plus (8 to 15 digits, e.g. 910987654321).";
}

/// <summary>Checks <see cref="SendMessageRequest"/>.</summary>
public sealed class SendMessageRequestValidator : WireValidator<SendMessageRequest>
{
    /// <summary>The message types accepted.</summary>
    public static readonly IReadOnlyList<string> Types = ["text", "image", "document", "video", "audio"];

    /// <summary>Creates the rules.</summary>
    public SendMessageRequestValidator()
    {
        RuleFor(r => r.WaId).Must(WaIds.IsValid).WithMessage(WaIds.Problem("wa_id"));
        RuleFor(r => r.Type).Must(Types.Contains!).WithMessage($"type must be one of {string.Join(", ", Types)}.");
        RuleFor(r => r.Message).NotNull().WithMessage("message is required.");

        // A block condition: a rule's own When guards only the validators chained before it, so a MaximumLength chained
        // after When(Message is not null) read Message.Text of a body without message and threw.
        When(r => r.Message is not null, () =>
        {
            RuleFor(r => r.Message!.Text).NotEmpty().When(r => r.Type == "text")
                .WithMessage("message.text is required for a text message.").MaximumLength(4096).WithMessage("message.text must be at most 4096 characters.");
            RuleFor(r => r.Message!.Source).Must(s => Uri.TryCreate(s, UriKind.Absolute, out var u) && u.Scheme is "http" or "https")
                .When(r => r.Type is not null and not "text")
                .WithMessage("message.source must be the absolute http(s) URL of the media.");
        });
        RuleFor(r => r.UserName).Text();
        FieldRules.Tags(this, r => r.Tags!, "tags");
    }
}

/// <summary>Checks <see cref="SendTemplateRequest"/>.</summary>
public sealed class SendTemplateRequestValidator : WireValidator<SendTemplateRequest>
{
    /// <summary>Creates the rules.</summary>
    public SendTemplateRequestValidator()
    {
        RuleFor(r => r.WaId).Must(WaIds.IsValid).WithMessage(WaIds.Problem("wa_id"));
        RuleFor(r => r.TemplateId).NotEmpty().WithMessage("templateId is required.");
        RuleFor(r => r.UserName).Text();
        RuleForEach(r => r.Params).Must(p => p is not null && p.Type is "header" or "body" or "button" && p.Parameters is not null)
            .WithMessage("{PropertyPath} must be {\"type\": \"header\" | \"body\", \"parameters\": [...]}.");
        FieldRules.Tags(this, r => r.Tags!, "tags");
    }
}

/// <summary>Checks <see cref="PluginTemplateRequest"/>.</summary>
public sealed class PluginTemplateRequestValidator : WireValidator<PluginTemplateRequest>
{
    /// <summary>Creates the rules.</summary>
    public PluginTemplateRequestValidator()
    {
        RuleFor(r => r.BotId).NotEmpty().WithMessage("botId is required.");
        RuleFor(r => r.TemplateId).NotEmpty().WithMessage("templateId is required.");
        RuleFor(r => r.WhatsAppNumber).Must(WaIds.IsValid).WithMessage(WaIds.Problem("whatsAppNumber"));
    }
}
