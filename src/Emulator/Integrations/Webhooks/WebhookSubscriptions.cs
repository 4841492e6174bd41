using Emulator.Data;
using Microsoft.EntityFrameworkCore;

namespace Emulator.Webhooks;

/// <summary>
/// The one writer of webhook subscriptions, for <c>subscribe-trigger-event</c> and seed documents: a (customer, bot,
/// event, slug, URL) is subscribed at most once, so subscribing it again replaces the row rather than doubling deliveries.
/// </summary>
public static class WebhookSubscriptions
{
    /// <summary>Removes the subscription of that key, if any; true when one was removed. Runs at once (no save needed).</summary>
    public static async Task<bool> UnsubscribeAsync(EmulatorDbContext db, string customerId, string botId, string eventName, string slug, string url,
        CancellationToken cancellationToken) =>
        await db.WebhookSubscriptions.Where(s => s.CustomerId == customerId && s.BotId == botId && s.Event == eventName && s.Slug == slug && s.Url == url)
            .ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// Stores <paramref name="subscription"/> in place of one with its key or its id; saved with the caller's next
    /// <c>SaveChangesAsync</c>.
    /// </summary>
    public static async Task SubscribeAsync(EmulatorDbContext db, WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        await UnsubscribeAsync(db, subscription.CustomerId, subscription.BotId, subscription.Event, subscription.Slug, subscription.Url, cancellationToken);
        await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id).ExecuteDeleteAsync(cancellationToken);
        db.WebhookSubscriptions.Add(subscription);
    }
}
