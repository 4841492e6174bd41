using Emulator.Tenants;

namespace Emulator.WhatsApp;

/// <summary>The WhatsApp bot a request's <c>apiKey</c> names and its tenant; a handler parameter of this type gets them
/// (<see cref="InboxAuthentication.WhatsAppKey"/>).</summary>
/// <param name="Tenant">The tenant that owns the bot.</param>
/// <param name="BotId">The WhatsApp bot's id.</param>
public sealed record WhatsAppBot(TenantEntry Tenant, string BotId) : IBindableFromHttpContext<WhatsAppBot>
{
    /// <summary>The bot of the request's key, resolved once by its authentication scheme.</summary>
    /// <exception cref="InvalidOperationException">The endpoint is not behind the WhatsApp key (a programming error).</exception>
    public static ValueTask<WhatsAppBot?> BindAsync(HttpContext context, System.Reflection.ParameterInfo parameter) =>
        ValueTask.FromResult<WhatsAppBot?>(context.Features.Get<InboxAuthentication.Authenticated>() is { Entry: { } entry, WhatsAppBotId: { } botId }
            ? new WhatsAppBot(entry, botId)
            : throw new InvalidOperationException($"Parameter '{parameter.Name}' needs a WhatsApp key: map the endpoint in a group behind InboxPipeline.RequireWhatsAppKey."));
}

/// <summary>Endpoint metadata: authenticated by a WhatsApp bot's <c>apiKey</c>, so the OpenAPI document shows it.</summary>
public sealed class WhatsAppKeyAuth
{
    /// <summary>Security scheme id of the <c>apiKey</c> query parameter in the OpenAPI document.</summary>
    public const string Scheme = "apiKey";
}
