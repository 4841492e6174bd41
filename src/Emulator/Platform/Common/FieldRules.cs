using System.Linq.Expressions;
using FluentValidation;

namespace Emulator.Common;

/// <summary>A note of any write endpoint: <c>{title, description}</c>.</summary>
public interface INoteInput
{
    /// <summary>The note's title.</summary>
    string? Title { get; }

    /// <summary>The note's text.</summary>
    string? Description { get; }
}

/// <summary>
/// One rule per field, shared by every endpoint that accepts the field (the lead PUT, the import and the contact
/// update), so a limit or a message cannot drift between them (README, "Differences from the real platform", Limits).
/// A stored list never holds more than its request limit (see <c>ChatRules</c>), so whatever the listings give out
/// is accepted back.
/// </summary>
public static class FieldRules
{
    /// <summary>Most characters in a name, city, country or channel handle.</summary>
    public const int MaxText = 256;

    /// <summary>Most characters in an email address.</summary>
    public const int MaxEmail = 254;

    /// <summary>Most characters in a picture URL.</summary>
    public const int MaxPicture = 2048;

    /// <summary>Most characters in a gender.</summary>
    public const int MaxGender = 32;

    /// <summary>Most tags in a request, and on a chat; each at most <see cref="MaxTag"/> characters.</summary>
    public const int MaxTags = 100;

    /// <summary>Most characters in a tag.</summary>
    public const int MaxTag = 100;

    /// <summary>Most notes in a request, and on a chat.</summary>
    public const int MaxNotes = 1000;

    /// <summary>Most attributes in a request, and on a chat.</summary>
    public const int MaxAttributes = 1000;

    /// <summary>At most <paramref name="max"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int max = MaxText) =>
        rule.MaximumLength(max).WithMessage($"{{PropertyPath}} must be at most {max} characters.");

    /// <summary>Empty, or a single address <c>local@domain.tld</c> of at most 254 characters.</summary>
    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Text(MaxEmail)
            .Must(v => string.IsNullOrEmpty(v) || WireFormats.IsEmail(v))
            .WithMessage((_, v) => $"{{PropertyPath}} '{v}' is not a valid email address.");

    /// <summary>Empty, or an absolute http(s) URL of at most 2048 characters.</summary>
    public static IRuleBuilderOptions<T, string?> Picture<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Text(MaxPicture)
            .Must(v => string.IsNullOrEmpty(v) || WireFormats.IsHttpUrl(v))
            .WithMessage((_, v) => $"{{PropertyPath}} '{v}' is not an absolute http(s) URL.");

    /// <summary>Empty, or a phone number (<see cref="PhoneNumbers.IsNumber"/>).</summary>
    public static IRuleBuilderOptions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || PhoneNumbers.IsNumber(v))
            .WithMessage((_, v) => $"{{PropertyPath}} '{v}' {PhoneRules.NumberRule}");

    /// <summary>Empty, or a dial code (<see cref="PhoneNumbers.IsDialCode"/>).</summary>
    public static IRuleBuilderOptions<T, string?> DialCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || PhoneNumbers.IsDialCode(v))
            .WithMessage((_, v) => $"{{PropertyPath}} '{v}' {PhoneRules.DialCodeRule}");

    /// <summary>Empty, or a WhatsApp number (<see cref="PhoneNumbers.IsWhatsAppNumber"/>).</summary>
    public static IRuleBuilderOptions<T, string?> WhatsAppNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrEmpty(v) || PhoneNumbers.IsWhatsAppNumber(v))
            .WithMessage((_, v) => $"{{PropertyPath}} '{v}' {PhoneRules.WhatsAppRule}");

    /// <summary>Tags: at most 100, each a non-empty string of at most 100 characters.</summary>
    public static void Tags<T>(AbstractValidator<T> validator, Expression<Func<T, IEnumerable<string>>> tags, string name)
    {
        var list = tags.Compile();
        validator.RuleFor(r => list(r).Count()).LessThanOrEqualTo(MaxTags).When(r => list(r) is not null)
            .WithMessage($"{{PropertyPath}} must hold at most {MaxTags} items.").OverridePropertyName(name);
        validator.RuleForEach(tags).NotEmpty().WithMessage("{PropertyPath} must be a non-empty string.")
            .MaximumLength(MaxTag).WithMessage($"{{PropertyPath}} must be at most {MaxTag} characters.");
    }

    /// <summary>Notes: at most 1000, each an object whose title is at most 256 and description at most 5000 characters.</summary>
    public static void Notes<T, TNote>(AbstractValidator<T> validator, Expression<Func<T, IEnumerable<TNote>>> notes, string name)
        where TNote : class, INoteInput
    {
        var list = notes.Compile();
        validator.RuleFor(r => list(r).Count()).LessThanOrEqualTo(MaxNotes).When(r => list(r) is not null)
            .WithMessage($"{{PropertyPath}} must hold at most {MaxNotes} items.").OverridePropertyName(name);
        validator.RuleForEach(notes).NotNull().WithMessage("{PropertyPath} must be an object {title, description}.").ChildRules(note =>
        {
            note.RuleFor(n => n.Title).MaximumLength(MaxText).WithMessage($"{{PropertyPath}} must be at most {MaxText} characters.");
            note.RuleFor(n => n.Description).MaximumLength(5000).WithMessage("{PropertyPath} must be at most 5000 characters.");
        });
    }

    /// <summary>Attributes: at most 1000 objects <c>{key, value}</c> (<see cref="AttributeInputValidator"/>).</summary>
    public static void Attributes<T>(AbstractValidator<T> validator, Expression<Func<T, IEnumerable<AttributeInput?>>> attributes, string name)
    {
        var list = attributes.Compile();
        validator.RuleFor(r => list(r).Count()).LessThanOrEqualTo(MaxAttributes).When(r => list(r) is not null)
            .WithMessage($"{{PropertyPath}} must hold at most {MaxAttributes} items.").OverridePropertyName(name);
        validator.RuleForEach(attributes).NotNull().WithMessage("{PropertyPath} must be an object {key, value}.")
            .SetValidator(new AttributeInputValidator());
    }
}
