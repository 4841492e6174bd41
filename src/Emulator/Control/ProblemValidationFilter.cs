using FluentValidation;

namespace Emulator.Control;

/// <summary>
/// Endpoint filter of the control surface: runs the FluentValidation validator registered for each argument's type
/// and answers 400 with RFC 9457 validation problem details (<c>errors</c> keyed by the member's JSON path) when any
/// fails. A filter factory, so validators are looked up once per endpoint. Unparsable bodies never reach it: model
/// binding fails first and <see cref="Common.InboxExceptionHandler"/> answers a 400 problem.
/// </summary>
public static class ProblemValidationFilter
{
    /// <summary>Builds the filter for one endpoint (use with <c>AddEndpointFilterFactory</c>).</summary>
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var validators = Common.ParameterValidators.Of(factory.MethodInfo, factory.ApplicationServices);
        if (validators.All(v => v is null))
        {
            return next;
        }

        return async context =>
        {
            for (var i = 0; i < validators.Length && i < context.Arguments.Count; i++)
            {
                var target = context.Arguments[i] is Common.IJsonBody body ? body.Body : context.Arguments[i];
                if (validators[i] is not { } validator || target is null)
                {
                    continue;
                }

                var result = await validator.Value.ValidateAsync(new ValidationContext<object>(target), context.HttpContext.RequestAborted);
                if (!result.IsValid)
                {
                    return TypedResults.ValidationProblem(result.Errors
                        .GroupBy(e => e.PropertyName)
                        .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
                }
            }

            return await next(context);
        };
    }
}
