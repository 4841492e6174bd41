using FluentValidation;

namespace Emulator.Common;

/// <summary>An attribute <c>{key, value}</c>.</summary>
public sealed class AttributeInput
{
    /// <summary>Non-empty, at most 100 characters.</summary>
    public string? Key { get; init; }

    /// <summary>A string of at most 1000 characters.</summary>
    public string? Value { get; init; }
}

/// <summary>Rules for <see cref="AttributeInput"/>.</summary>
public sealed class AttributeInputValidator : WireValidator<AttributeInput?>
{
    /// <summary>Creates the rule set.</summary>
    public AttributeInputValidator()
    {
        RuleFor(a => a!.Key).NotEmpty().WithMessage("{PropertyPath} must be a non-empty string.")
            .MaximumLength(100).WithMessage("{PropertyPath} must be at most 100 characters.").When(a => a is not null);
        RuleFor(a => a!.Value).MaximumLength(1000).WithMessage("{PropertyPath} must be at most 1000 characters.").When(a => a is not null);
    }
}
