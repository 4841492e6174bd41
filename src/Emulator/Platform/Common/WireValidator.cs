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

/// <summary>Registers the emulator's validators.</summary>
public static class WireValidatorRegistration
{
    /// <summary>Registers every concrete <see cref="WireValidator{T}"/> of the emulator as the singleton
    /// <c>IValidator&lt;T&gt;</c> of its type, where the validation filters find it.</summary>
    public static IServiceCollection AddWireValidators(this IServiceCollection services)
    {
        foreach (var type in typeof(WireValidator<>).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (baseType.IsGenericType && baseType.GetGenericTypeDefinition() == typeof(WireValidator<>))
                {
                    services.AddSingleton(typeof(IValidator<>).MakeGenericType(baseType.GetGenericArguments()), type);
                    break;
                }
            }
        }

        return services;
    }
}

/// <summary>Renames validation rules by the JSON path of their member expression (see <see cref="WireValidator{T}"/>).</summary>
internal static class WireNames
{
    /// <summary>Renames each rule of <paramref name="rules"/> whose expression is a member chain and whose name is still the one
    /// FluentValidation gave it (a name set with <c>OverridePropertyName</c> stays), then the rules of every child validator
    /// its components hold.</summary>
    public static void Apply(IEnumerable<IValidationRule> rules, HashSet<object> seen)
    {
        if (!seen.Add(rules))
        {
            return;
        }

        foreach (var rule in rules)
        {
            if (rule.Expression is { } expression && WireJson.PathOf(rule.Member, expression) is { } path && path != rule.PropertyName
                && IsGiven(rule, expression))
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

    // True when the rule's name is what FluentValidation derived from its expression: the member chain's C# names, or what
    // a host's own process-wide resolver made of it when the rule was built.
    private static bool IsGiven(IValidationRule rule, System.Linq.Expressions.LambdaExpression expression) =>
        rule.PropertyName == (WireJson.MemberChain(expression) is { Count: > 0 } chain ? string.Join('.', chain.Select(m => m.Name)) : rule.Member?.Name)
        || rule.PropertyName == ValidatorOptions.Global.PropertyNameResolver(rule.Member?.DeclaringType!, rule.Member!, expression);

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
