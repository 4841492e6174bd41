using Emulator.Common;
using FluentValidation;

namespace Emulator.Contacts;

/// <summary>Rules for <see cref="ContactProfileInput"/>; messages name the full path, e.g. <c>[1].profile.userDetails.contact.email</c>.</summary>
public sealed class ContactProfileInputValidator : AbstractValidator<ContactProfileInput>
{
    /// <summary>Creates the rule set.</summary>
    public ContactProfileInputValidator()
    {
        RuleFor(p => p.UserDetails!).SetValidator(new UserDetailsInputValidator()).When(p => p.UserDetails is not null);
        RuleFor(p => p.Notes!.Count).LessThanOrEqualTo(1000).When(p => p.Notes is not null)
            .WithMessage("{PropertyPath} must hold at most 1000 items.").OverridePropertyName("notes");
        RuleForEach(p => p.Notes).NotNull().WithMessage("{PropertyPath} must be an object {title, description}.").ChildRules(note =>
        {
            note.RuleFor(n => n.Title).MaximumLength(256).WithMessage("{PropertyPath} must be at most 256 characters.");
            note.RuleFor(n => n.Description).MaximumLength(5000).WithMessage("{PropertyPath} must be at most 5000 characters.");
        });
    }
}

/// <summary>Rules for <see cref="UserDetailsInput"/>: the same formats and limits as the lead PUT.</summary>
public sealed class UserDetailsInputValidator : AbstractValidator<UserDetailsInput>
{
    /// <summary>Creates the rule set.</summary>
    public UserDetailsInputValidator()
    {
        RuleFor(d => d.Name).MaximumLength(256).WithMessage("{PropertyPath} must be at most 256 characters.");
        RuleFor(d => d.UserProvidedName).MaximumLength(256).WithMessage("{PropertyPath} must be at most 256 characters.");
        RuleFor(d => d.City).MaximumLength(256).WithMessage("{PropertyPath} must be at most 256 characters.");
        RuleFor(d => d.Country).MaximumLength(256).WithMessage("{PropertyPath} must be at most 256 characters.");
        RuleFor(d => d.Gender).MaximumLength(32).WithMessage("{PropertyPath} must be at most 32 characters.");
        RuleFor(d => d.TelegramUserName).MaximumLength(256).WithMessage("{PropertyPath} must be at most 256 characters.");
        RuleFor(d => d.InstagramProfileId).MaximumLength(256).WithMessage("{PropertyPath} must be at most 256 characters.");
        RuleFor(d => d.FacebookProfileId).MaximumLength(256).WithMessage("{PropertyPath} must be at most 256 characters.");
        RuleFor(d => d.Picture).Must(WireFormats.IsHttpUrl).When(d => !string.IsNullOrEmpty(d.Picture))
            .WithMessage(d => $"{{PropertyPath}} '{d.Picture}' is not an absolute http(s) URL.");
        RuleFor(d => d.WhatsAppNumber).Must(PhoneNumbers.IsWhatsAppNumber).When(d => !string.IsNullOrEmpty(d.WhatsAppNumber))
            .WithMessage(d => $"{{PropertyPath}} '{d.WhatsAppNumber}' {PhoneRules.WhatsAppRule}");
        RuleFor(d => d.Contact!.Email).MaximumLength(254).WithMessage("{PropertyPath} must be at most 254 characters.")
            .Must(WireFormats.IsEmail).When(d => !string.IsNullOrEmpty(d.Contact?.Email))
            .WithMessage(d => $"{{PropertyPath}} '{d.Contact!.Email}' is not a valid email address.");
        RuleFor(d => d.Contact!.Phone!.Number).Must(PhoneNumbers.IsNumber).When(d => !string.IsNullOrEmpty(d.Contact?.Phone?.Number))
            .WithMessage(d => $"{{PropertyPath}} '{d.Contact!.Phone!.Number}' {PhoneRules.NumberRule}");
        RuleFor(d => d.Contact!.Phone!.Prefix).Must(PhoneNumbers.IsDialCode).When(d => !string.IsNullOrEmpty(d.Contact?.Phone?.Prefix))
            .WithMessage(d => $"{{PropertyPath}} '{d.Contact!.Phone!.Prefix}' {PhoneRules.DialCodeRule}");
        RuleFor(d => d.Tags!.Count).LessThanOrEqualTo(100).When(d => d.Tags is not null)
            .WithMessage("{PropertyPath} must hold at most 100 items.").OverridePropertyName("tags");
        RuleForEach(d => d.Tags).NotEmpty().WithMessage("{PropertyPath} must be a non-empty string.")
            .MaximumLength(100).WithMessage("{PropertyPath} must be at most 100 characters.");
        RuleForEach(d => d.Attributes).NotNull().WithMessage("{PropertyPath} must be an object {key, value}.")
            .SetValidator(new AttributeInputValidator());
    }
}
