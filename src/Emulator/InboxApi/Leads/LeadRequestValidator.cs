using Emulator.Common;
using Emulator.Data;
using FluentValidation;

namespace Emulator.Leads;

/// <summary>Rules for <see cref="LeadRequest"/>; each failure becomes one entry of the error envelope's <c>data</c>.</summary>
public sealed class LeadRequestValidator : WireValidator<LeadRequest>
{
    /// <summary>Creates the rule set.</summary>
    public LeadRequestValidator()
    {
        RuleFor(r => r.Uuid).NotEmpty().WithMessage("uuid is required.").MaximumLength(128).WithMessage("uuid must be at most 128 characters.");
        RuleFor(r => r.BotId).NotEmpty().WithMessage("botId is required.").MaximumLength(64).WithMessage("botId must be at most 64 characters.");
        RuleFor(r => r.CustomerId).NotEmpty().WithMessage("customerId is required.").MaximumLength(64).WithMessage("customerId must be at most 64 characters.");
        RuleFor(r => r.AgentId).Text(64);
        RuleFor(r => r.Name).Text();
        RuleFor(r => r.Email).Email();
        RuleFor(r => r.Phone).PhoneNumber();
        RuleFor(r => r.DialCode).DialCode();
        RuleFor(r => r.Picture).Picture();
        RuleFor(r => r.Status).Must(s => ChatStatuses.All.Contains(s!)).When(r => r.Status is not null)
            .WithMessage(r => $"status '{r.Status}' is not one of {string.Join(", ", ChatStatuses.All)}.");
        FieldRules.Notes(this, r => r.Notes!, "notes");
        FieldRules.Tags(this, r => r.Tags!, "tags");
        FieldRules.Attributes(this, r => r.Attributes!, "attributes");
    }
}
