using Emulator.Common;
using Emulator.Data;
using Emulator.Tenants;

namespace Emulator.WhatsApp;

/// <summary>
/// Authenticates the WhatsApp Cloud API sends by the WhatsApp bot's API key, sent as the <c>apiKey</c> query parameter or
/// header (help page "WhatsApp Cloud API"; a workflow connector sends both, besides its Bearer token). Missing or unknown
/// key: 401 in the envelope.
/// </summary>
public sealed class WhatsAppKeyFilter(TenantDirectory tenants) : IEndpointFilter
{
    private const string ItemKey = "Emulator.WhatsAppBot";

    /// <summary>Security scheme id of the <c>apiKey</c> query parameter in the OpenAPI document.</summary>
    public const string Scheme = "apiKey";

    /// <summary>Puts the endpoints of <paramref name="group"/> behind this filter, and marks them so that the OpenAPI document
    /// shows the <c>apiKey</c> they need.</summary>
    public static RouteGroupBuilder Require(RouteGroupBuilder group) =>
        group.AddEndpointFilter<WhatsAppKeyFilter>().WithMetadata(new WhatsAppKeyAuth());

    /// <summary>The tenant and WhatsApp bot the request's key belongs to.</summary>
    /// <exception cref="InvalidOperationException">The endpoint is not behind this filter.</exception>
    public static (TenantEntry Tenant, string BotId) BotOf(HttpContext context) =>
        context.Items[ItemKey] as (TenantEntry, string)? ?? throw new InvalidOperationException("No WhatsApp bot was resolved.");

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = TenantAuthFilter.AnyApiKey(http);
        if (key is null)
        {
            return Unauthorized("No API key: send the WhatsApp bot's key as the apiKey query parameter or header.");
        }

        if (tenants.FindByWhatsAppApiKey(key) is not { } tenant || tenant.Bots.GetValueOrDefault(Channels.WhatsApp) is not { } botId)
        {
            return Unauthorized("The API key is not valid.");
        }

        http.Items[ItemKey] = ((TenantEntry, string)?)(tenant, botId);
        return await next(context);
    }

    private static IResult Unauthorized(string problem) => ApiResults.Error(StatusCodes.Status401Unauthorized, ApiResults.SummaryFor(401), [problem]);
}

/// <summary>Endpoint metadata: authenticated by a WhatsApp bot's <c>apiKey</c> (<see cref="WhatsAppKeyFilter"/>).</summary>
public sealed class WhatsAppKeyAuth;
