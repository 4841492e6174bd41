using Emulator.Common;
using Emulator.Data;
using Emulator.Tenants;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Webhooks;

/// <summary>
/// The n8n trigger's subscription calls on the custom-app API: <c>subscribe-trigger-event</c> (subscribe or, with
/// <c>subscribe: false</c>, unsubscribe a URL) and <c>fetch-subscribed-webhooks</c> (answered in the shape the node reads:
/// <c>data[].integrationCredentials[event]</c> is a list of <c>{url}</c>).
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>Maps the endpoints on the <c>/integrations/custom-app</c> group.</summary>
    public static RouteGroupBuilder MapWebhookApi(this RouteGroupBuilder customApp)
    {
        customApp.MapPost("/subscribe-trigger-event", async (Tenant tenant, JsonBody<SubscribeRequest> body, SingleWriter writer, TimeProvider clock,
                CancellationToken cancellationToken) =>
            {
                var request = body.Required;
                var customerId = tenant.CustomerId;
                await writer.WriteAsync(async (db, ct) =>
                {
                    var slug = request.Slug ?? "";
                    if (request.Subscribe == false)
                    {
                        await WebhookSubscriptions.UnsubscribeAsync(db, customerId, request.BotId!, request.Event!, slug, request.WebhookUrl!, ct);
                    }
                    else
                    {
                        var now = Timestamps.Now(clock);
                        await WebhookSubscriptions.SubscribeAsync(db, new WebhookSubscription
                        {
                            Id = db.Ids.New(now),
                            CustomerId = customerId,
                            BotId = request.BotId!,
                            Event = request.Event!,
                            Url = request.WebhookUrl!,
                            Slug = slug,
                            Category = request.Category ?? "",
                            Platform = request.Platform,
                            CreatedAt = now,
                        }, ct);
                        await db.SaveChangesAsync(ct);
                    }

                    return true;
                }, cancellationToken);
                return ApiResults.Ok();
            })
            .WithName("SubscribeTriggerEvent")
            .WithSummary("Subscribe a URL to a bot's newLeadHook, newMessageHook or newOrderHook (subscribe: false unsubscribes)")
            .WithDescription("Body: {webhookUrl, botId, event, slug, category, platform, subscribe}. The emulator then POSTs {botId, platform, data} " +
                "to the URL when the event happens; it calls whatever http(s) URL is subscribed.")
            .WithMetadata(new TokenHeader(null));
        customApp.MapPost("/fetch-subscribed-webhooks", async (Tenant tenant, JsonBody<FetchSubscriptionsRequest> body, EmulatorDbContext db,
                CancellationToken cancellationToken) =>
            {
                var request = body.Required;
                var customerId = tenant.CustomerId;
                var slug = request.Slug ?? "";
                var found = await db.WebhookSubscriptions.AsNoTracking()
                    .Where(s => s.CustomerId == customerId && s.BotId == request.BotId && s.Slug == slug && (request.Event == null || s.Event == request.Event))
                    .OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
                IReadOnlyList<SubscribedIntegration> data = found.Count == 0 ? [] :
                [
                    new SubscribedIntegration(request.BotId!, slug, request.Category ?? found[0].Category,
                        found.GroupBy(s => s.Event).ToDictionary(g => g.Key, g => (IReadOnlyList<SubscribedUrl>)g.Select(s => new SubscribedUrl(s.Url)).ToList())),
                ];
                return ApiResults.Ok(data);
            })
            .WithName("FetchSubscribedWebhooks")
            .WithSummary("The URLs subscribed to a bot's events, in the shape the n8n trigger reads")
            .WithDescription("Body: {botId, event, slug, category}. data: [] when none, else [{botId, slug, category, integrationCredentials: {<event>: [{url}]}}].")
            .WithMetadata(new TokenHeader(null));
        return customApp;
    }
}

/// <summary>Body of <c>subscribe-trigger-event</c>, as the n8n trigger sends it.</summary>
public sealed class SubscribeRequest
{
    /// <summary>The receiver: an absolute http or https URL.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>The bot whose events are wanted.</summary>
    public string? BotId { get; init; }

    /// <summary><c>newLeadHook</c>, <c>newMessageHook</c> or <c>newOrderHook</c>.</summary>
    public string? Event { get; init; }

    /// <summary>The integration's slug (<c>n8n</c>).</summary>
    public string? Slug { get; init; }

    /// <summary>The integration's category (<c>n8n</c>).</summary>
    public string? Category { get; init; }

    /// <summary>The bot's platform (<c>whatsapp</c>, …), sent back in deliveries.</summary>
    public string? Platform { get; init; }

    /// <summary>true (default) subscribes; false unsubscribes.</summary>
    public bool? Subscribe { get; init; }
}

/// <summary>Body of <c>fetch-subscribed-webhooks</c>: <c>{botId, event, slug, category}</c>.</summary>
public sealed class FetchSubscriptionsRequest
{
    /// <summary>The bot.</summary>
    public string? BotId { get; init; }

    /// <summary>Only this event, when given.</summary>
    public string? Event { get; init; }

    /// <summary>The integration's slug.</summary>
    public string? Slug { get; init; }

    /// <summary>The integration's category.</summary>
    public string? Category { get; init; }
}

/// <summary>One integration's subscriptions: <c>integrationCredentials[event]</c> lists the URLs.</summary>
/// <param name="BotId">The bot.</param>
/// <param name="Slug">The integration's slug.</param>
/// <param name="Category">The integration's category.</param>
/// <param name="IntegrationCredentials">The URLs by event.</param>
public sealed record SubscribedIntegration(string BotId, string Slug, string Category, IReadOnlyDictionary<string, IReadOnlyList<SubscribedUrl>> IntegrationCredentials);

/// <summary>A subscribed URL: <c>{url}</c>.</summary>
/// <param name="Url">The receiver.</param>
public sealed record SubscribedUrl(string Url);

/// <summary>Checks <see cref="SubscribeRequest"/>: an http(s) URL, a bot and a known event.</summary>
public sealed class SubscribeRequestValidator : WireValidator<SubscribeRequest>
{
    /// <summary>Creates the rules.</summary>
    public SubscribeRequestValidator()
    {
        RuleFor(r => r.WebhookUrl).Must(IsReceiverUrl).WithMessage("webhookUrl must be an absolute http or https URL.");
        RuleFor(r => r.BotId).NotEmpty().WithMessage("botId is required.").MaximumLength(64).WithMessage("botId must be at most 64 characters.");
        RuleFor(r => r.Event).Must(ChatEvent.All.Contains!).WithMessage($"event must be one of {string.Join(", ", ChatEvent.All)}.");
        RuleFor(r => r.Slug).MaximumLength(64).WithMessage("slug must be at most 64 characters.");
        RuleFor(r => r.Category).MaximumLength(64).WithMessage("category must be at most 64 characters.");
        RuleFor(r => r.Platform).MaximumLength(64).WithMessage("platform must be at most 64 characters.");
    }

    /// <summary>True for an absolute http or https URL of at most 2048 characters: the only receivers the emulator calls.</summary>
    public static bool IsReceiverUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && url!.Length <= 2048;
}

/// <summary>Checks <see cref="FetchSubscriptionsRequest"/>.</summary>
public sealed class FetchSubscriptionsRequestValidator : WireValidator<FetchSubscriptionsRequest>
{
    /// <summary>Creates the rules.</summary>
    public FetchSubscriptionsRequestValidator() =>
        RuleFor(r => r.BotId).NotEmpty().WithMessage("botId is required.");
}
