using System.Reflection;
using FluentValidation;

namespace Emulator.Common;

/// <summary>
/// The FluentValidation validators of a handler's parameters (of the body's contract for <see cref="JsonBody{T}"/>), as
/// the endpoint filters and the OpenAPI declarations look them up. Whether a parameter has one is known when the endpoint
/// is built, but a validator is only constructed when a request first needs it: constructing them all (their rules compile
/// expression trees) while the endpoints are built was about a tenth of the time from start to the first answer.
/// </summary>
internal static class ParameterValidators
{
    /// <summary>One entry per parameter of <paramref name="handler"/>: the parameter's validator, created on first use, or
    /// null when none is registered.</summary>
    public static Lazy<IValidator>?[] Of(MethodInfo handler, IServiceProvider services) =>
        handler.GetParameters().Select(p => ServiceType(p) is var type && Has(services, type)
            ? new Lazy<IValidator>(() => (IValidator)services.GetRequiredService(type))
            : null).ToArray();

    /// <summary>Whether a validator is registered for <paramref name="parameter"/>, without constructing it.</summary>
    public static bool Exists(ParameterInfo parameter, IServiceProvider services) => Has(services, ServiceType(parameter));

    private static bool Has(IServiceProvider services, Type validatorType) =>
        services.GetRequiredService<IServiceProviderIsService>().IsService(validatorType);

    private static Type ServiceType(ParameterInfo parameter)
    {
        var type = parameter.ParameterType.IsGenericType && parameter.ParameterType.GetGenericTypeDefinition() == typeof(JsonBody<>)
            ? parameter.ParameterType.GetGenericArguments()[0]
            : parameter.ParameterType;
        return typeof(IValidator<>).MakeGenericType(type);
    }
}
