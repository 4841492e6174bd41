using FluentValidation;

namespace Emulator.Common;

/// <summary>
/// Endpoint filter of the emulated surface, after the tenant filter: reads each <see cref="JsonBody{T}"/> (so no
/// body is read before the token is checked) and sends its error (415, 413, 400), then runs the FluentValidation validator registered for each argument's type (or a body's contract)
/// and answers 400 in the platform's envelope with one message per failure. Nothing runs, and nothing
/// is written, unless every argument is valid.
/// </summary>
public sealed class ValidationFilter : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            var target = argument;
            if (argument is IJsonBody body)
            {
                if (await body.ReadAsync(context.HttpContext) is { } unreadable)
                {
                    return unreadable;
                }

                target = body.Body;
            }

            if (target is null)
            {
                continue;
            }

            var validatorType = typeof(IValidator<>).MakeGenericType(target.GetType());
            if (context.HttpContext.RequestServices.GetService(validatorType) is not IValidator validator)
            {
                continue;
            }

            var result = await validator.ValidateAsync(
                new ValidationContext<object>(target), context.HttpContext.RequestAborted);
            if (!result.IsValid)
            {
                return ApiResults.Invalid(result.Errors.Select(e => e.ErrorMessage).Distinct());
            }
        }

        return await next(context);
    }
}
