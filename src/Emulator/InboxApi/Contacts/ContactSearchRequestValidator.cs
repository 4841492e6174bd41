using Emulator.Common;
using Emulator.Data;
using FluentValidation;

namespace Emulator.Contacts;

/// <summary>Rules for <see cref="ContactSearchRequest"/>: known enum values, parsable dates, a page from 1, no export.</summary>
public sealed class ContactSearchRequestValidator : WireValidator<ContactSearchRequest>
{
    /// <summary>Creates the rule set.</summary>
    public ContactSearchRequestValidator()
    {
        RuleFor(r => r.SearchText).MaximumLength(256).WithMessage("searchText must be at most 256 characters.")
            .Must(t => t is null || !t.Any(char.IsControl))
            .WithMessage("searchText must not hold control characters (such as U+0000 or a line break).");
        RuleFor(r => r.Page).InclusiveBetween(1, Chats.ChatListQueryValidator.MaxPage).When(r => r.Page is not null)
            .WithMessage(r => $"page {r.Page} must be a whole number from 1 to {Chats.ChatListQueryValidator.MaxPage}.");
        RuleFor(r => r.IsExport).Must(e => string.IsNullOrEmpty(e) || e == "none")
            .WithMessage(r => $"isExport '{r.IsExport}' is not supported by the emulator: send \"none\" to list contacts.");

        RuleForEach(r => r.Status).Must(s => ChatStatuses.All.Contains(s))
            .WithMessage((_, s) => $"status '{s}' is not one of {string.Join(", ", ChatStatuses.All)}.");
        RuleForEach(r => r.LastMessageBy).Must(s => Senders.All.Contains(s))
            .WithMessage((_, s) => $"lastMessageBy '{s}' is not one of {string.Join(", ", Senders.All)}.");

        foreach (var (name, list) in ListFilters)
        {
            RuleFor(r => list(r)!.Count).LessThanOrEqualTo(500).When(r => list(r) is not null)
                .WithMessage($"{name} must hold at most 500 items.").OverridePropertyName(name);
            RuleForEach(r => list(r)).NotEmpty().WithMessage($"{name} must hold non-empty strings.")
                .MaximumLength(256).WithMessage($"{name} must hold strings of at most 256 characters.")
                .OverridePropertyName(name);
        }

        RuleFor(r => r.LastSeenAt).Custom((range, context) => CheckRange("lastSeenAt", range, context));
        RuleFor(r => r.CreatedAt).Custom((range, context) => CheckRange("createdAt", range, context));
        RuleFor(r => r.HasOrdered!.LastAt).Must(t => Timestamps.TryParse(t, out _))
            .When(r => !string.IsNullOrEmpty(r.HasOrdered?.LastAt))
            .WithMessage(r => $"hasOrdered.lastAt '{r.HasOrdered!.LastAt}' is not an ISO 8601 date or date-time.");
    }

    private static readonly (string Name, Func<ContactSearchRequest, List<string>?> List)[] ListFilters =
    [
        ("tags", r => r.Tags), ("status", r => r.Status), ("_botWebsite", r => r.BotWebsite),
        ("_botWhatsapp", r => r.BotWhatsapp), ("_botTelegram", r => r.BotTelegram), ("_botFacebook", r => r.BotFacebook),
        ("_agentAssigned", r => r.AgentAssigned), ("segments", r => r.Segments), ("lastMessageBy", r => r.LastMessageBy),
        ("applicableFilters", r => r.ApplicableFilters),
    ];

    private static void CheckRange(string name, DateRange? range, ValidationContext<ContactSearchRequest> context)
    {
        foreach (var (bound, value) in new[] { ("startAt", range?.StartAt), ("endsAt", range?.EndsAt) })
        {
            if (!string.IsNullOrEmpty(value) && !Timestamps.TryParse(value, out _))
            {
                context.AddFailure($"{name}.{bound}", $"{name}.{bound} '{value}' is not an ISO 8601 date or date-time.");
            }
        }
    }
}
