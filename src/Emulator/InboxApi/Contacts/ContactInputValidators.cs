using Emulator.Common;
using FluentValidation;

namespace Emulator.Contacts;

/// <summary>Rules for <see cref="ContactProfileInput"/>; messages name the full path, e.g. <c>[1].profile.userDetails.contact.email</c>.</summary>
public sealed class ContactProfileInputValidator : WireValidator<ContactProfileInput>
{
    /// <summary>Creates the rule set.</summary>
    public ContactProfileInputValidator()
    {
        RuleFor(p => p.UserDetails!).SetValidator(new UserDetailsInputValidator()).When(p => p.UserDetails is not null);
        FieldRules.Notes(this, p => p.Notes!, "notes");
    }
}

/// <summary>Rules for <see cref="UserDetailsInput"/>: the same formats and limits as the lead PUT (<see cref="FieldRules"/>).</summary>
public sealed class UserDetailsInputValidator : WireValidator<UserDetailsInput>
{
    /// <summary>Creates the rule set.</summary>
    public UserDetailsInputValidator()
    {
        RuleFor(d => d.Name).Text();
        RuleFor(d => d.UserProvidedName).Text();
        RuleFor(d => d.City).Text();
        RuleFor(d => d.Country).Text();
        RuleFor(d => d.Gender).Text(FieldRules.MaxGender);
        RuleFor(d => d.TelegramUserName).Text();
        RuleFor(d => d.InstagramProfileId).Text();
        RuleFor(d => d.FacebookProfileId).Text();
        RuleFor(d => d.Picture).Picture();
        RuleFor(d => d.WhatsAppNumber).WhatsAppNumber();
        RuleFor(d => d.Contact!.Email).Email().When(d => d.Contact is not null);
        RuleFor(d => d.Contact!.Phone!.Number).PhoneNumber().When(d => d.Contact?.Phone is not null);
        RuleFor(d => d.Contact!.Phone!.Prefix).DialCode().When(d => d.Contact?.Phone is not null);
        FieldRules.Tags(this, d => d.Tags!, "tags");
        FieldRules.Attributes(this, d => d.Attributes!, "attributes");
    }
}
