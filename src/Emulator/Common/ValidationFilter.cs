using FluentValidation;

namespace Emulator.Common;

/// <summary>
/// Endpoint filter of the emulated surface, after the tenant filter: reads each <see cref="JsonBody{T}"/> (so no
/// body is read before the token is checked) and sends its error (415, 413, 400), answers 400 for a query parameter
/// given more than once, then runs the FluentValidation validator registered for each argument's type (or a body's contract)
/// and answers 400 in the platform's envelope with one message per failure. Nothing runs, and nothing
/// is written, unless every argument is valid.
/// </summary>
public sealed class ValidationFilter : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        foreach (var body in context.Arguments.OfType<IJsonBody>())
        {
            if (await body.ReadAsync(http) is { } unreadable)
            {
                return unreadable;
            }
        }

        // Model binding joins a repeated parameter into "a,b", which would silently match nothing.
        var repeated = http.Request.Query.Where(p => p.Value.Count > 1)
            .Select(p => $"Query parameter '{p.Key}' is given {p.Value.Count} times: send it once.").ToList();
        if (repeated.Count > 0)
        {
            return ApiResults.Invalid(repeated);
        }

        foreach (var argument in context.Arguments)
        {
            var target = argument is IJsonBody body ? body.Body : argument;
            if (target is null)
            {
                continue;
            }

            var validatorType = typeof(IValidator<>).MakeGenericType(target.GetType());
            if (http.RequestServices.GetService(validatorType) is not IValidator validator)
            {
                continue;
            }

            var result = await validator.ValidateAsync(new ValidationContext<object>(target), http.RequestAborted);
            if (!result.IsValid)
            {
                return ApiResults.Invalid(result.Errors.Select(e => e.ErrorMessage).Distinct());
            }
        }

        return await next(context);
    }
}
