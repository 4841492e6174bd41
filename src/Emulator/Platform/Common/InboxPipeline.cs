using Emulator.Faults;
using Emulator.Tenants;
using Emulator.WhatsApp;

namespace Emulator.Common;

/// <summary>
/// The checks every endpoint of the emulated surface passes, set once per route group, in the order the platform
/// answers them (README, "Differences from the real platform": check order):
/// <list type="number">
/// <item>429: the per-credential rate limit, when on (<see cref="RateLimiting"/>);</item>
/// <item>401: the credential (<see cref="InboxAuthentication"/>; the authorization middleware, before any body is read);</item>
/// <item>415, 413, 400: the body's media type, size and JSON, a repeated query parameter, then each argument's validator
/// (<see cref="ValidationFilter"/>);</item>
/// <item>403: a <c>customerId</c> in the request that is not the authenticated tenant's (<see cref="ICustomerScoped"/>);</item>
/// </list>
/// then the handler, which gets the tenant as a parameter (<see cref="Tenant"/> or <see cref="WhatsAppBot"/>).
/// </summary>
public static class InboxPipeline
{
    /// <summary>Puts <paramref name="group"/> behind the customer's API token.</summary>
    public static RouteGroupBuilder RequireApiToken(this RouteGroupBuilder group) =>
        group.WithChecks(InboxAuthentication.ApiToken);

    /// <summary>Puts <paramref name="group"/> behind a WhatsApp bot's <c>apiKey</c>, and marks its endpoints so that the
    /// OpenAPI document shows the key they need.</summary>
    public static RouteGroupBuilder RequireWhatsAppKey(this RouteGroupBuilder group) =>
        group.WithChecks(InboxAuthentication.WhatsAppKey).WithMetadata(new WhatsAppKeyAuth());

    private static RouteGroupBuilder WithChecks(this RouteGroupBuilder group, string policy)
    {
        group.RequireRateLimiting(RateLimiting.PerToken)
            .RequireAuthorization(policy)
            .AddEndpointFilterFactory(ValidationFilter.Create);
        ((IEndpointConventionBuilder)group).Add(DeclareChecks);
        return group;
    }

    // The statuses these checks can answer, declared for the OpenAPI document from what each handler takes (a body
    // declares its own: JsonBody<T>); what the handler itself answers comes from its Results<…> signature.
    private static void DeclareChecks(EndpointBuilder builder)
    {
        EnvelopeError.Declare(builder, StatusCodes.Status401Unauthorized);
        EnvelopeError.Declare(builder, StatusCodes.Status429TooManyRequests);
        if (builder.Metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault() is not { } handler)
        {
            return;
        }

        var parameters = handler.GetParameters();
        var route = (builder as RouteEndpointBuilder)?.RoutePattern;
        if (ValidationFilter.QueryParameters(handler).Any(name => route?.GetParameter(name) is null)
            || parameters.Any(p => ParameterValidators.Exists(p, builder.ApplicationServices)))
        {
            EnvelopeError.Declare(builder, StatusCodes.Status400BadRequest);
        }

        if (parameters.Any(p => p.ParameterType.IsAssignableTo(typeof(ICustomerScoped))))
        {
            EnvelopeError.Declare(builder, StatusCodes.Status403Forbidden);
        }

        if (parameters.Any(p => p.ParameterType.IsAssignableTo(typeof(IDatabaseWriter))))
        {
            // A write waits for SQLite's write lock at most Emulator:BusyTimeoutMs, then answers 503 (README, "Performance").
            EnvelopeError.Declare(builder, StatusCodes.Status503ServiceUnavailable);
        }
    }
}

/// <summary>A service whose calls write the database through the <see cref="Data.SingleWriter"/>: an endpoint that takes one
/// can answer 503 when another process holds the database past <see cref="EmulatorOptions.BusyTimeoutMs"/>.</summary>
public interface IDatabaseWriter;

/// <summary>A request that names its customer (<c>customerId</c>): it must be the authenticated tenant's, else 403 in the
/// envelope, checked after validation and before anything is read or written (README, "Tenants").</summary>
public interface ICustomerScoped
{
    /// <summary>The customer the request names (validated as present before the check).</summary>
    string? CustomerId { get; }
}
