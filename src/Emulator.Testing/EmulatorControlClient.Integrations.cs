using System.Globalization;
using Emulator.Journal;
using Emulator.Webhooks;
using Emulator.WhatsApp;

namespace Emulator.Testing;

/// <summary>The WhatsApp (templates, outbox) and webhook (subscriptions, deliveries, switches) part of the control client.</summary>
public sealed partial class EmulatorControlClient
{
    /// <summary>Defines (or, with the <c>_id</c> of one, replaces) a WhatsApp template of a tenant's WhatsApp bot; approved unless
    /// <see cref="TemplateCreate.Status"/> says otherwise.</summary>
    public Task<WhatsAppTemplateWire> DefineWhatsAppTemplateAsync(TemplateCreate template, CancellationToken cancellationToken = default) =>
        SendAsync<WhatsAppTemplateWire>(HttpMethod.Post, "_emulator/whatsapp/templates", template, cancellationToken);

    /// <summary>A tenant's WhatsApp templates, every status.</summary>
    public Task<List<WhatsAppTemplateWire>> ListWhatsAppTemplatesAsync(string customerId, CancellationToken cancellationToken = default) =>
        SendAsync<List<WhatsAppTemplateWire>>(HttpMethod.Get, "_emulator/whatsapp/templates" + Query(("customerId", customerId)), null, cancellationToken);

    /// <summary>Messages sent through the WhatsApp endpoints matching <paramref name="filter"/>, oldest first.</summary>
    public Task<List<OutboxEntry>> ListWhatsAppOutboxAsync(OutboxQuery? filter = null, CancellationToken cancellationToken = default) =>
        SendAsync<List<OutboxEntry>>(HttpMethod.Get, "_emulator/whatsapp/outbox" + Query(QueryOf(filter)), null, cancellationToken);

    /// <summary>
    /// Waits until at least <paramref name="count"/> sent messages match <paramref name="filter"/> and returns them; throws
    /// <see cref="EmulatorControlException"/> (408) when they are not sent within <paramref name="timeout"/> (at most 60 s; default 5 s).
    /// </summary>
    public Task<List<OutboxEntry>> WaitForWhatsAppOutboxAsync(OutboxQuery? filter = null, int count = 1, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<List<OutboxEntry>>(HttpMethod.Get, "_emulator/whatsapp/outbox/wait" + Query([.. QueryOf(filter), .. WaitFor(count, timeout)]), null,
            cancellationToken);

    /// <summary>Forgets sent messages: all, or one tenant's.</summary>
    public Task<JournalCleared> ClearWhatsAppOutboxAsync(string? customerId = null, CancellationToken cancellationToken = default) =>
        SendAsync<JournalCleared>(HttpMethod.Delete, "_emulator/whatsapp/outbox" + Query(("customerId", customerId)), null, cancellationToken);

    /// <summary>A tenant's webhook subscriptions.</summary>
    public Task<List<SubscriptionWire>> ListWebhookSubscriptionsAsync(string customerId, CancellationToken cancellationToken = default) =>
        SendAsync<List<SubscriptionWire>>(HttpMethod.Get, "_emulator/webhooks/subscriptions" + Query(("customerId", customerId)), null, cancellationToken);

    /// <summary>Ended webhook deliveries (delivered or given up) matching <paramref name="filter"/>, oldest first.</summary>
    public Task<List<WebhookDelivery>> ListWebhookDeliveriesAsync(DeliveryQuery? filter = null, CancellationToken cancellationToken = default) =>
        SendAsync<List<WebhookDelivery>>(HttpMethod.Get, "_emulator/webhooks/deliveries" + Query(QueryOf(filter)), null, cancellationToken);

    /// <summary>
    /// Waits until at least <paramref name="count"/> deliveries matching <paramref name="filter"/> have ended and returns them;
    /// throws <see cref="EmulatorControlException"/> (408) when they do not within <paramref name="timeout"/> (at most 60 s; default 5 s).
    /// </summary>
    public Task<List<WebhookDelivery>> WaitForWebhookDeliveriesAsync(DeliveryQuery? filter = null, int count = 1, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<List<WebhookDelivery>>(HttpMethod.Get, "_emulator/webhooks/deliveries/wait" + Query([.. QueryOf(filter), .. WaitFor(count, timeout)]), null,
            cancellationToken);

    /// <summary>Forgets the delivery log: all, or one tenant's.</summary>
    public Task<JournalCleared> ClearWebhookDeliveriesAsync(string? customerId = null, CancellationToken cancellationToken = default) =>
        SendAsync<JournalCleared>(HttpMethod.Delete, "_emulator/webhooks/deliveries" + Query(("customerId", customerId)), null, cancellationToken);

    /// <summary>The delivery switches as they are.</summary>
    public Task<WebhookControlWire> GetWebhookControlAsync(CancellationToken cancellationToken = default) =>
        SendAsync<WebhookControlWire>(HttpMethod.Get, "_emulator/webhooks/control", null, cancellationToken);

    /// <summary>Sets the delivery switches: paused (deliveries queue), a status every attempt fails with (400–599) without calling
    /// the receiver, a delay before each delivery (ms). <c>new(null, null, null)</c> restores normal delivery.</summary>
    public Task<WebhookControlWire> SetWebhookControlAsync(WebhookControlWire control, CancellationToken cancellationToken = default) =>
        SendAsync<WebhookControlWire>(HttpMethod.Put, "_emulator/webhooks/control", control, cancellationToken);

    private static (string, string?)[] QueryOf(OutboxQuery? filter) =>
    [
        ("customerId", filter?.CustomerId),
        ("botId", filter?.BotId),
        ("waId", filter?.WaId),
        ("afterSeq", filter?.AfterSeq?.ToString(CultureInfo.InvariantCulture)),
    ];

    private static (string, string?)[] QueryOf(DeliveryQuery? filter) =>
    [
        ("customerId", filter?.CustomerId),
        ("event", filter?.Event),
        ("url", filter?.Url),
        ("outcome", filter?.Outcome),
    ];
}
