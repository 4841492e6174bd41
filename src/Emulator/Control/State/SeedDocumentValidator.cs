using System.Text.RegularExpressions;
using Emulator.Common;
using Emulator.Data;
using Emulator.Tenants;
using FluentValidation;

namespace Emulator.State;

/// <summary>
/// The shape rules of a <see cref="SeedDocument"/>: each problem is reported under its JSON path
/// (<c>chats[3].email</c>). The rules a value must meet are those of the emulated endpoints that write it (README,
/// "Request bodies"); what needs the stored data (known tenants, unique ids and uuids, segment members) is checked by
/// <see cref="SeedLoader"/>.
/// </summary>
public sealed partial class SeedDocumentValidator : WireValidator<SeedDocument>
{
    /// <summary>Creates the rules.</summary>
    public SeedDocumentValidator()
    {
        RuleForEach(d => d.Tenants).NotNull().WithMessage("{PropertyPath} must be an object.").SetValidator(new TenantCreateValidator());
        RuleForEach(d => d.Chats).NotNull().WithMessage("{PropertyPath} must be an object.").ChildRules(chat =>
        {
            chat.RuleFor(c => c!.Id).Must(IsObjectId!).When(c => c!.Id is not null).WithMessage("{PropertyPath} must be 24 lowercase hex characters.");
            chat.RuleFor(c => c!.CustomerId).NotEmpty().WithMessage("{PropertyPath} is required.").MaximumLength(64).WithMessage("{PropertyPath} must be at most 64 characters.");
            chat.RuleFor(c => c!.BotId).MaximumLength(64).WithMessage("{PropertyPath} must be at most 64 characters.");
            chat.RuleFor(c => c!.Uuid).Must(u => u!.Length is > 0 and <= 128).When(c => c!.Uuid is not null)
                .WithMessage("{PropertyPath} must be 1 to 128 characters.");
            chat.RuleFor(c => c!.Channel).Must(Channels.All.Contains!).When(c => c!.Channel is not null)
                .WithMessage($"{{PropertyPath}} must be one of {string.Join(", ", Channels.All)}.");
            chat.RuleFor(c => c!.Status).Must(ChatStatuses.Settable.Contains!).When(c => c!.Status is not null)
                .WithMessage($"{{PropertyPath}} must be one of {string.Join(", ", ChatStatuses.Settable)}.");
            foreach (var text in new System.Linq.Expressions.Expression<Func<SeedChat?, string?>>[]
                     {
                         c => c!.Name, c => c!.UserProvidedName, c => c!.City, c => c!.Country, c => c!.TelegramUserName,
                         c => c!.InstagramProfileId, c => c!.FacebookProfileId, c => c!.AgentAssigned,
                     })
            {
                chat.RuleFor(text).Text();
            }

            chat.RuleFor(c => c!.Email).Email();
            chat.RuleFor(c => c!.PhoneNumber).PhoneNumber();
            chat.RuleFor(c => c!.PhonePrefix).DialCode();
            chat.RuleFor(c => c!.Picture).Picture();
            chat.RuleFor(c => c!.Gender).Text(FieldRules.MaxGender);
            chat.RuleFor(c => c!.WhatsAppNumber).WhatsAppNumber();
            chat.RuleFor(c => c!.WebsiteVisits).GreaterThanOrEqualTo(0).WithMessage("{PropertyPath} must not be negative.");
            chat.RuleFor(c => c!.UnreadMessages).GreaterThanOrEqualTo(0).WithMessage("{PropertyPath} must not be negative.");
            foreach (var time in new System.Linq.Expressions.Expression<Func<SeedChat?, string?>>[]
                     {
                         c => c!.CreatedAt, c => c!.UpdatedAt, c => c!.LastSeenAt, c => c!.LastOrderedAt,
                     })
            {
                chat.RuleFor(time).Must(IsTimestamp).WithMessage(TimestampMessage);
            }

            chat.RuleFor(c => c!.LastMessage!.At).Must(IsTimestamp).When(c => c!.LastMessage is not null).WithMessage(TimestampMessage);

            chat.RuleFor(c => c!.LastMessage!.By).Must(Senders.All.Contains!).When(c => c!.LastMessage?.By is not null)
                .WithMessage($"{{PropertyPath}} must be one of {string.Join(", ", Senders.All)}.");
            chat.RuleFor(c => c!.LastMessage!.Text).MaximumLength(5000).When(c => c!.LastMessage is not null)
                .WithMessage("{PropertyPath} must be at most 5000 characters.");
            FieldRules.Tags(chat, c => c!.Tags!, "tags");
            FieldRules.Notes(chat, c => c!.Notes!, "notes");
            FieldRules.Attributes(chat, c => c!.Attributes!, "attributes");
            chat.RuleForEach(c => c!.Notes).Must(n => n?.Id is null || IsObjectId(n.Id))
                .WithMessage("{PropertyPath}._id must be 24 lowercase hex characters.");
        });
        RuleForEach(d => d.Segments).NotNull().WithMessage("{PropertyPath} must be an object.").ChildRules(segment =>
        {
            segment.RuleFor(s => s!.Id).Must(IsObjectId!).When(s => s!.Id is not null).WithMessage("{PropertyPath} must be 24 lowercase hex characters.");
            segment.RuleFor(s => s!.CustomerId).NotEmpty().WithMessage("{PropertyPath} is required.").MaximumLength(64).WithMessage("{PropertyPath} must be at most 64 characters.");
            segment.RuleFor(s => s!.Name).NotEmpty().WithMessage("{PropertyPath} is required.").Text();
            segment.RuleFor(s => s!.CreatedAt).Must(IsTimestamp).WithMessage("{PropertyPath} must be an ISO 8601 UTC time.");
            segment.RuleFor(s => s!.UpdatedAt).Must(IsTimestamp).WithMessage("{PropertyPath} must be an ISO 8601 UTC time.");
            segment.RuleForEach(s => s!.Members).Must(IsObjectId).WithMessage("{PropertyPath} must be a chat _id (24 lowercase hex characters).");
        });
        RuleForEach(d => d.Templates).NotNull().WithMessage("{PropertyPath} must be an object.").SetValidator(new WhatsApp.TemplateCreateValidator()!);
        RuleForEach(d => d.Webhooks).NotNull().WithMessage("{PropertyPath} must be an object.").ChildRules(webhook =>
        {
            webhook.RuleFor(w => w!.Id).Must(IsObjectId!).When(w => w!.Id is not null).WithMessage("{PropertyPath} must be 24 lowercase hex characters.");
            webhook.RuleFor(w => w!.CustomerId).NotEmpty().WithMessage("{PropertyPath} is required.").MaximumLength(64).WithMessage("{PropertyPath} must be at most 64 characters.");
            webhook.RuleFor(w => w!.BotId).NotEmpty().WithMessage("{PropertyPath} is required.").MaximumLength(64).WithMessage("{PropertyPath} must be at most 64 characters.");
            webhook.RuleFor(w => w!.Event).Must(ChatEvent.All.Contains!).WithMessage($"{{PropertyPath}} must be one of {string.Join(", ", ChatEvent.All)}.");
            webhook.RuleFor(w => w!.Url).Must(Webhooks.SubscribeRequestValidator.IsReceiverUrl).WithMessage("{PropertyPath} must be an absolute http or https URL.");
            foreach (var text in new System.Linq.Expressions.Expression<Func<SeedWebhook?, string?>>[] { w => w!.Slug, w => w!.Category, w => w!.Platform })
            {
                webhook.RuleFor(text).MaximumLength(64).WithMessage("{PropertyPath} must be at most 64 characters.");
            }

            webhook.RuleFor(w => w!.CreatedAt).Must(IsTimestamp).WithMessage(TimestampMessage);
        });
    }

    private const string TimestampMessage = "{PropertyPath} must be an ISO 8601 UTC time such as 2024-01-31T09:30:00.000Z.";

    /// <summary>True for 24 lowercase hex characters (an ObjectId).</summary>
    public static bool IsObjectId(string value) => ObjectId().IsMatch(value);

    /// <summary>True for null or an ISO 8601 UTC time.</summary>
    public static bool IsTimestamp(string? value) => value is null || Timestamps.TryParse(value, out _);

    [GeneratedRegex("^[0-9a-f]{24}$")]
    private static partial Regex ObjectId();
}
