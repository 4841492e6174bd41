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
        group.RequireRateLimiting(RateLimiting.PerToken)
            .RequireAuthorization(InboxAuthentication.ApiToken)
            .AddEndpointFilterFactory(ValidationFilter.Create);

    /// <summary>Puts <paramref name="group"/> behind a WhatsApp bot's <c>apiKey</c>, and marks its endpoints so that the
    /// OpenAPI document shows the key they need.</summary>
    public static RouteGroupBuilder RequireWhatsAppKey(this RouteGroupBuilder group) =>
        group.RequireRateLimiting(RateLimiting.PerToken)
            .RequireAuthorization(InboxAuthentication.WhatsAppKey)
            .WithMetadata(new WhatsAppKeyAuth())
            .AddEndpointFilterFactory(ValidationFilter.Create);
}

/// <summary>A request that names its customer (<c>customerId</c>): it must be the authenticated tenant's, else 403 in the
/// envelope, checked after validation and before anything is read or written (README, "Tenants").</summary>
public interface ICustomerScoped
{
    /// <summary>The customer the request names (validated as present before the check).</summary>
    string? CustomerId { get; }
}
