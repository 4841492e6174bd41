using FluentValidation;

namespace Emulator.Common;

/// <summary>
/// Endpoint filter of the emulated surface, after authentication (<see cref="InboxPipeline"/>): reads each
/// <see cref="JsonBody{T}"/> (so no body is read before the credential is checked) and sends its error (415, 413, 400),
/// answers 400 for a query parameter given more than once, then runs the FluentValidation validator registered for each
/// argument's type (or a body's contract) and answers 400 in the platform's envelope with one message per failure, then
/// 403 for an argument naming another customer (<see cref="ICustomerScoped"/>). Nothing runs, and nothing is written,
/// unless every argument is valid. A filter factory: each endpoint's validators are looked up once, when the
/// endpoint is built (<see cref="ParameterValidators"/>), not per request.
/// </summary>
public static class ValidationFilter
{
    /// <summary>Builds the filter for one endpoint (use with <c>AddEndpointFilterFactory</c>).</summary>
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var validators = ParameterValidators.Of(factory.MethodInfo, factory.ApplicationServices);

        var read = QueryParameters(factory.MethodInfo);
        return async context =>
        {
            var http = context.HttpContext;
            foreach (var body in context.Arguments.OfType<IJsonBody>())
            {
                if (await body.ReadAsync(http) is { } unreadable)
                {
                    return unreadable;
                }
            }

            // Model binding joins a repeated parameter into "a,b", which would silently match nothing; a parameter the
            // endpoint does not read is ignored however often it comes, as the platform ignores unknown parameters.
            var repeated = http.Request.Query.Where(p => p.Value.Count > 1 && read.Contains(p.Key) && !http.Request.RouteValues.ContainsKey(p.Key))
                .Select(p => $"Query parameter '{p.Key}' is given {p.Value.Count} times: send it once.").ToList();
            if (repeated.Count > 0)
            {
                return ApiResults.Invalid(repeated);
            }

            for (var i = 0; i < validators.Length && i < context.Arguments.Count; i++)
            {
                var target = context.Arguments[i] is IJsonBody body ? body.Body : context.Arguments[i];
                if (validators[i] is not { } validator || target is null)
                {
                    continue;
                }

                var result = await validator.Value.ValidateAsync(new ValidationContext<object>(target), http.RequestAborted);
                if (!result.IsValid)
                {
                    return ApiResults.Invalid(result.Errors.Select(e => e.ErrorMessage).Distinct());
                }
            }

            return Forbidden(context) ?? await next(context);
        };
    }

    // 403 when an argument names another customer than the authenticated tenant's (ICustomerScoped).
    private static IResult? Forbidden(EndpointFilterInvocationContext context)
    {
        if (Tenants.InboxAuthentication.TenantOf(context.HttpContext) is not { } tenant)
        {
            return null;
        }

        foreach (var argument in context.Arguments)
        {
            if ((argument is IJsonBody body ? body.Body : argument) is ICustomerScoped { CustomerId: { } customerId }
                && !string.Equals(customerId, tenant.CustomerId, StringComparison.Ordinal))
            {
                return ApiResults.Error(StatusCodes.Status403Forbidden, ApiResults.SummaryFor(403),
                    [$"The API token does not belong to customer '{customerId}'."]);
            }
        }

        return null;
    }

    /// <summary>The query parameters a handler binds: <c>[FromQuery]</c> parameters and members of <c>[AsParameters]</c>
    /// bundles, and simple parameters without a source (query values, unless the route has them: the request's route values
    /// are left out when it is checked); case-insensitive, as binding is.</summary>
    internal static HashSet<string> QueryParameters(System.Reflection.MethodInfo handler)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttributes(inherit: true).OfType<Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata>().FirstOrDefault() is { } query)
            {
                names.Add(query.Name ?? parameter.Name!);
            }
            else if (parameter.IsDefined(typeof(AsParametersAttribute), inherit: true))
            {
                foreach (var member in parameter.ParameterType.GetProperties())
                {
                    if (member.GetCustomAttributes(inherit: true).OfType<Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata>().FirstOrDefault() is { } named)
                    {
                        names.Add(named.Name ?? member.Name);
                    }
                }
            }
            else if (IsSimple(parameter.ParameterType)
                && !parameter.GetCustomAttributes(inherit: true).OfType<Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata>().Any())
            {
                names.Add(parameter.Name!);
            }
        }

        return names;
    }

    private static bool IsSimple(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t.IsPrimitive || t == typeof(string) || t == typeof(decimal));
}
