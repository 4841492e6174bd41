using Emulator.Common;
using FluentValidation;

namespace Emulator.CustomApp;

/// <summary>
/// Body of <c>PUT /integrations/custom-app/update-user-attributes</c>, as the vendor's n8n node sends it:
/// <c>{search, attributes: {key: value}, botId, platform}</c>; <c>search</c> is the contact's email, WhatsApp number with
/// country code (digits only) or uuid.
/// </summary>
public sealed class UpdateAttributesRequest
{
    /// <summary>The contact's email, WhatsApp number (country code and number, digits only) or uuid.</summary>
    public string? Search { get; init; }

    /// <summary>Attributes to set, by key; others stay.</summary>
    public Dictionary<string, string?>? Attributes { get; init; }

    /// <summary>The bot whose contact it is; any of the account's when left out.</summary>
    public string? BotId { get; init; }

    /// <summary>The bot's platform as the node's credentials name it (<c>whatsapp</c>, <c>website</c>, …); informational.</summary>
    public string? Platform { get; init; }
}

/// <summary>
/// Body of <c>POST /integrations/custom-app/send-message-to-plugin</c>, as the n8n node sends it: <c>{text, search,
/// channel}</c>, the bot in the <c>botId</c> header.
/// </summary>
public sealed class PluginMessageRequest
{
    /// <summary>The message text.</summary>
    public string? Text { get; init; }

    /// <summary>The contact's email, WhatsApp number (country code and number, digits only) or uuid.</summary>
    public string? Search { get; init; }

    /// <summary>The channel as the node's credentials name it (<c>whatsapp</c>, <c>website</c>, …); informational.</summary>
    public string? Channel { get; init; }
}

/// <summary>Body of <c>POST /integrations/custom-app/general-authentication</c> (the n8n node's credential test).</summary>
public sealed class GeneralAuthenticationRequest
{
    /// <summary>The integration's slug, e.g. <c>n8n</c>.</summary>
    public string? Slug { get; init; }

    /// <summary>The bot the credentials name.</summary>
    public string? BotId { get; init; }

    /// <summary>Its platform.</summary>
    public string? Platform { get; init; }
}

/// <summary>Checks <see cref="UpdateAttributesRequest"/>: a search, and 1 to 1000 attributes with keys of 1 to 100 characters.</summary>
public sealed class UpdateAttributesRequestValidator : WireValidator<UpdateAttributesRequest>
{
    /// <summary>Creates the rules.</summary>
    public UpdateAttributesRequestValidator()
    {
        RuleFor(r => r.Search).NotEmpty().WithMessage("search is required: the contact's email, WhatsApp number with country code, or uuid.");
        RuleFor(r => r.Attributes).NotEmpty().WithMessage("attributes is required: an object of key/value pairs.");
        RuleFor(r => r.Attributes!.Count).LessThanOrEqualTo(FieldRules.MaxAttributes).When(r => r.Attributes is not null)
            .WithMessage($"attributes must hold at most {FieldRules.MaxAttributes} keys.");
        RuleForEach(r => r.Attributes).Must(a => a.Key.Length is > 0 and <= 100 && (a.Value?.Length ?? 0) <= 1000)
            .WithMessage("attributes: keys must be 1 to 100 characters and values at most 1000.");
    }
}

/// <summary>Checks <see cref="PluginMessageRequest"/>.</summary>
public sealed class PluginMessageRequestValidator : WireValidator<PluginMessageRequest>
{
    /// <summary>Creates the rules.</summary>
    public PluginMessageRequestValidator()
    {
        RuleFor(r => r.Text).NotEmpty().WithMessage("text is required.").MaximumLength(4096).WithMessage("text must be at most 4096 characters.");
        RuleFor(r => r.Search).NotEmpty().WithMessage("search is required: the contact's email, WhatsApp number with country code, or uuid.");
    }
}
