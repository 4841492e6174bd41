using System.Reflection;
using FluentValidation;
using FluentValidation.Results;

namespace Emulator.Common;

/// <summary>
/// A FluentValidation validator whose failures name members by their JSON path (<c>contact.email</c>, <c>wa_id</c>,
/// <see cref="WireJson.PathOf"/>), as every message of the emulated surface and the control surface does. FluentValidation
/// only offers that naming process-wide (<c>ValidatorOptions.Global.PropertyNameResolver</c>), which belongs to whoever
/// hosts the emulator, so an integrator who starts it inside their test process keeps their own validators' names: each
/// validator renames its own rules, and those of the child validators it holds, once, before it first validates.
/// </summary>
/// <typeparam name="T">The validated type.</typeparam>
public abstract class WireValidator<T> : AbstractValidator<T>
{
    private readonly Lock _naming = new();
    private volatile bool _named;

    /// <inheritdoc />
    protected override bool PreValidate(ValidationContext<T> context, ValidationResult result)
    {
        if (!_named)
        {
            lock (_naming)
            {
                if (!_named)
                {
                    WireNames.Apply(this, []);
                    _named = true;
                }
            }
        }

        return base.PreValidate(context, result);
    }
}

/// <summary>Renames validation rules by the JSON path of their member expression (see <see cref="WireValidator{T}"/>).</summary>
internal static class WireNames
{
    /// <summary>Renames each rule of <paramref name="rules"/> whose expression is a member chain (a rule named explicitly with
    /// <c>OverridePropertyName</c> here is never one), then the rules of every child validator its components hold.</summary>
    public static void Apply(IEnumerable<IValidationRule> rules, HashSet<object> seen)
    {
        if (!seen.Add(rules))
        {
            return;
        }

        foreach (var rule in rules)
        {
            if (rule.Expression is { } expression && WireJson.PathOf(rule.Member, expression) is { } path && path != rule.PropertyName)
            {
                // RuleBase.PropertyName has a public setter behind the IValidationRule interface, which only reads it.
                rule.GetType().GetProperty(nameof(IValidationRule.PropertyName))!.SetValue(rule, path);
            }

            foreach (var component in rule.Components)
            {
                if (ChildOf(component.Validator) is { } child)
                {
                    Apply(child, seen);
                }
            }
        }
    }

    // The validator instance a ChildValidatorAdaptor holds (SetValidator(new …), ChildRules), if any.
    private static IEnumerable<IValidationRule>? ChildOf(object validator)
    {
        for (var type = validator.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic))
            {
                if (typeof(IValidator).IsAssignableFrom(field.FieldType) && field.GetValue(validator) is IEnumerable<IValidationRule> child)
                {
                    return child;
                }
            }
        }

        return null;
    }
}
