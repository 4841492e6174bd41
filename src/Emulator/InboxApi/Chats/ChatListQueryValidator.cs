using Emulator.Common;
using FluentValidation;

namespace Emulator.Chats;

/// <summary>Rules for <see cref="ChatListQuery"/>: all four parameters required, page a whole number from 1.</summary>
public sealed class ChatListQueryValidator : WireValidator<ChatListQuery>
{
    /// <summary>The largest page number accepted (keeps the row offset within range).</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Creates the rule set.</summary>
    public ChatListQueryValidator()
    {
        RuleFor(q => q.BotId).NotEmpty().WithMessage("botId is required.");
        RuleFor(q => q.CustomerId).NotEmpty().WithMessage("customerId is required.");
        RuleFor(q => q.Page).NotEmpty().WithMessage("page is required.");
        RuleFor(q => q.Page).Must(p => int.TryParse(p, System.Globalization.NumberStyles.None, null, out var n) && n is >= 1 and <= MaxPage)
            .When(q => !string.IsNullOrEmpty(q.Page))
            .WithMessage(q => $"page '{q.Page}' must be a whole number from 1 to {MaxPage}.");
        RuleFor(q => q.Type).NotEmpty().WithMessage("type is required.");
        RuleFor(q => q.Type).Must(t => t is "lead" or "non-lead").When(q => !string.IsNullOrEmpty(q.Type))
            .WithMessage(q => $"type '{q.Type}' must be 'lead' or 'non-lead'.");
    }
}
