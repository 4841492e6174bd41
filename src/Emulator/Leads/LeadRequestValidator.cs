using Emulator.Common;
using Emulator.Data;
using FluentValidation;

namespace Emulator.Leads;

/// <summary>Rules for <see cref="LeadRequest"/>; each failure becomes one entry of the error envelope's <c>data</c>.</summary>
public sealed class LeadRequestValidator : AbstractValidator<LeadRequest>
{
    /// <summary>Creates the rule set.</summary>
    public LeadRequestValidator()
    {
        RuleFor(r => r.Uuid).NotEmpty().WithMessage("uuid is required.").MaximumLength(128).WithMessage("uuid must be at most 128 characters.");
        RuleFor(r => r.BotId).NotEmpty().WithMessage("botId is required.").MaximumLength(64).WithMessage("botId must be at most 64 characters.");
        RuleFor(r => r.CustomerId).NotEmpty().WithMessage("customerId is required.").MaximumLength(64).WithMessage("customerId must be at most 64 characters.");
        RuleFor(r => r.AgentId).MaximumLength(64).WithMessage("agentId must be at most 64 characters.");
        RuleFor(r => r.Name).MaximumLength(256).WithMessage("name must be at most 256 characters.");

        RuleFor(r => r.Email).MaximumLength(254).WithMessage("email must be at most 254 characters.")
            .Must(WireFormats.IsEmail).When(r => !string.IsNullOrEmpty(r.Email))
            .WithMessage(r => $"email '{r.Email}' is not a valid email address.");

        RuleFor(r => r.Phone).Must(PhoneNumbers.IsNumber).When(r => !string.IsNullOrEmpty(r.Phone))
            .WithMessage(r => $"phone '{r.Phone}' {PhoneRules.NumberRule}");

        RuleFor(r => r.DialCode).Must(PhoneNumbers.IsDialCode).When(r => !string.IsNullOrEmpty(r.DialCode))
            .WithMessage(r => $"dialCode '{r.DialCode}' {PhoneRules.DialCodeRule}");

        RuleFor(r => r.Status).Must(s => ChatStatuses.All.Contains(s!)).When(r => r.Status is not null)
            .WithMessage(r => $"status '{r.Status}' is not one of {string.Join(", ", ChatStatuses.All)}.");

        RuleFor(r => r.Picture).MaximumLength(2048).WithMessage("picture must be at most 2048 characters.")
            .Must(WireFormats.IsHttpUrl).When(r => !string.IsNullOrEmpty(r.Picture))
            .WithMessage(r => $"picture '{r.Picture}' is not an absolute http(s) URL.");

        RuleFor(r => r.Notes!.Count).LessThanOrEqualTo(100).When(r => r.Notes is not null)
            .WithMessage("notes must hold at most 100 items.").OverridePropertyName("notes");
        RuleForEach(r => r.Notes).NotNull().WithMessage("{PropertyPath} must be an object {title, description}.").ChildRules(note =>
        {
            note.RuleFor(n => n.Title).MaximumLength(256).WithMessage("{PropertyPath} must be at most 256 characters.");
            note.RuleFor(n => n.Description).MaximumLength(5000).WithMessage("{PropertyPath} must be at most 5000 characters.");
        }).OverridePropertyName("notes");

        RuleFor(r => r.Tags!.Count).LessThanOrEqualTo(100).When(r => r.Tags is not null)
            .WithMessage("tags must hold at most 100 items.").OverridePropertyName("tags");
        RuleForEach(r => r.Tags).NotEmpty().WithMessage("{PropertyPath} must be a non-empty string.")
            .MaximumLength(100).WithMessage("{PropertyPath} must be at most 100 characters.").OverridePropertyName("tags");

        RuleFor(r => r.Attributes!.Count).LessThanOrEqualTo(100).When(r => r.Attributes is not null)
            .WithMessage("attributes must hold at most 100 items.").OverridePropertyName("attributes");
        RuleForEach(r => r.Attributes).NotNull().WithMessage("{PropertyPath} must be an object {key, value}.")
            .SetValidator(new AttributeInputValidator());
    }
}
